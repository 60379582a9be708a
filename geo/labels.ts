/** Words for the data's enumerations, shared by the page, the popups and the share pages. */
import type { PlaceKind, PlaceRole } from "./schema";

export const PLACE_KIND_LABELS: Record<PlaceKind, string> = {
  city: "City",
  "air-base": "Air base",
  airport: "Airport",
  province: "Province",
  country: "Country",
};

/** A place's part in an event, as a phrase: "Ain al-Asad Air Base as what it hit". */
export const PLACE_ROLE_LABELS: Record<PlaceRole, string> = {
  venue: "where it happened",
  origin: "where it came from",
  target: "what it hit",
  region: "the area",
};
