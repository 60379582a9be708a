"use client";

import { useEffect } from "react";
import { CircleMarker, MapContainer, Tooltip, useMap, useMapEvents } from "react-leaflet";
import type { PlaceCandidate } from "@/geo/draft/types";
import { Basemap, useBasemap } from "../map/Basemap";
import { useMapName } from "../map/useMapName";

export interface CandidateMapProps {
  candidates: readonly PlaceCandidate[];
  chosen?: [number, number];
  pin?: [number, number];
  onChoose: (index: number) => void;
  /** A click on the map: a pin at `[lng, lat]`. */
  onPin: (position: [number, number]) => void;
}

/** Fits the candidates (and the pin) whenever they change: a new mention, a new search. */
function FitCandidates({ positions }: { positions: [number, number][] }) {
  const map = useMap();
  const key = JSON.stringify(positions);
  useEffect(
    function fitCandidates() {
      const points = JSON.parse(key) as [number, number][];
      if (points.length === 1) map.setView([points[0]![1], points[0]![0]], 7);
      else if (points.length > 1)
        map.fitBounds(
          points.map(([lng, lat]) => [lat, lng]),
          { padding: [24, 24], maxZoom: 8 },
        );
    },
    [map, key],
  );
  return null;
}

function NameTheMap() {
  useMapName(useMap(), "The candidates on a map: click to drop a pin; arrow keys pan, plus and minus zoom");
  return null;
}

function PinOnClick({ onPin }: { onPin: CandidateMapProps["onPin"] }) {
  useMapEvents({ click: (event) => onPin([event.latlng.lng, event.latlng.lat]) });
  return null;
}

/** A mention's top candidates on a small map; a click on the map drops a pin where the gazetteer has nothing. */
export default function CandidateMap({ candidates, chosen, pin, onChoose, onPin }: CandidateMapProps) {
  const { data: basemap } = useBasemap();
  const positions = [...candidates.map((c) => c.coordinates), ...(pin ? [pin] : [])];
  return (
    // No zoom animation: the editor moves through proposals faster than a transition ends, and
    // Leaflet's transitionend handler then runs on a map already removed (reading `_leaflet_pos`).
    <MapContainer
      className="studio-candidate-map"
      center={[33.5, 40]}
      zoom={4}
      minZoom={2}
      maxZoom={14}
      attributionControl={false}
      zoomAnimation={false}
      fadeAnimation={false}
    >
      <Basemap data={basemap} outlinedCountries={[]} outlinedAreas={[]} />
      <NameTheMap />
      <FitCandidates positions={positions} />
      <PinOnClick onPin={onPin} />
      {candidates.map((c, i) => {
        const isChosen = chosen?.[0] === c.coordinates[0] && chosen[1] === c.coordinates[1];
        return (
          <CircleMarker
            key={`${c.name}-${i}`}
            center={[c.coordinates[1], c.coordinates[0]]}
            radius={isChosen ? 9 : 6}
            pathOptions={{ color: isChosen ? "#d55e00" : "#1b2a3a", weight: 2, fillOpacity: 0.6 }}
            bubblingMouseEvents={false}
            eventHandlers={{ click: () => onChoose(i) }}
          >
            <Tooltip permanent={i < 3} direction="right">{`${i + 1}. ${c.name} (${c.country})`}</Tooltip>
          </CircleMarker>
        );
      })}
      {pin && (
        <CircleMarker center={[pin[1], pin[0]]} radius={7} pathOptions={{ color: "#009e73", weight: 3, dashArray: "3 3" }}>
          <Tooltip permanent direction="left">
            Pin
          </Tooltip>
        </CircleMarker>
      )}
    </MapContainer>
  );
}
