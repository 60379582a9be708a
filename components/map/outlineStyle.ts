/**
 * How the map outlines the countries that stand for a place (Syria) and the places that are areas
 * (Latakia Governorate). Leaflet-free, so that the map (Basemap.tsx) and its first view in the
 * page's HTML (FirstView.tsx, a server component) draw them alike.
 */
export interface OutlineLook {
  color: string;
  weight: number;
  dashArray: string;
  fillColor: string;
  fillOpacity: number;
}

export const COUNTRY_OUTLINE: OutlineLook = { color: "#1b2a3a", weight: 2, dashArray: "6 4", fillColor: "#1b2a3a", fillOpacity: 0.06 };

export const AREA_OUTLINE: OutlineLook = { color: "#0b5cad", weight: 2, dashArray: "5 3", fillColor: "#0b5cad", fillOpacity: 0.1 };
