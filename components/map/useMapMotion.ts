"use client";

import type L from "leaflet";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import type { MapView } from "@/geo/url-state";

export interface MapMotion {
  /** True while a move the app started (a fit, a flight) is running: the popup waits for its end. */
  moving: boolean;
  /** Starts a move of the app's own; its `moveend` ends it and is not reported as the reader's. */
  run: (move: () => void) => void;
  /** Runs something that may move the map at once (a resize): no move of the reader's, none of ours running ends. */
  runQuietly: (action: () => void) => void;
}

/** Leaflet's keyboard handler pans with the arrows and zooms with + and -, while the map has the focus. */
const MAP_KEYS = new Set(["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight", "+", "-", "=", "_"]);

export function currentView(map: L.Map): MapView {
  const centre = map.getCenter();
  return { zoom: map.getZoom(), lat: centre.lat, lng: centre.lng };
}

/**
 * Tells the reader's moves from the app's. A move the app makes is started through `run`, which
 * holds a token until that move's own `moveend`; a popup panning itself into view announces itself
 * with `autopanstart`. Any other `moveend` is the reader's and is reported to `onUserMove`. When
 * the reader grabs the map during a move of ours (a drag, the wheel, a pinch, the map's keys),
 * the token is dropped: what follows is theirs.
 */
export function useMapMotion(map: L.Map, onUserMove: (view: MapView) => void): MapMotion {
  const ownMove = useRef(false);
  const quiet = useRef(false);
  const [moving, setMoving] = useState(false);
  const report = useRef(onUserMove);
  useEffect(() => {
    report.current = onUserMove;
  });

  // A layout effect, so that it listens before the first move: children's effects (the
  // ViewController's first fit) run before their parent's passive effects.
  useLayoutEffect(
    function tellMovesApart() {
      const container = map.getContainer();
      const ended = () => {
        if (quiet.current) return;
        if (!ownMove.current) return report.current(currentView(map));
        ownMove.current = false;
        setMoving(false);
      };
      const popupPans = () => {
        ownMove.current = true;
      };
      const readerTakesOver = () => {
        if (!ownMove.current) return;
        ownMove.current = false;
        setMoving(false);
      };
      const key = (event: KeyboardEvent) => {
        if (event.target === container && MAP_KEYS.has(event.key)) readerTakesOver();
      };
      const touch = (event: TouchEvent) => {
        if (event.touches.length > 1) readerTakesOver();
      };
      map.on("moveend", ended).on("autopanstart", popupPans).on("dragstart", readerTakesOver).on("dblclick", readerTakesOver);
      container.addEventListener("wheel", readerTakesOver, { passive: true });
      container.addEventListener("touchstart", touch, { passive: true });
      container.addEventListener("keydown", key);
      return () => {
        map.off("moveend", ended).off("autopanstart", popupPans).off("dragstart", readerTakesOver).off("dblclick", readerTakesOver);
        container.removeEventListener("wheel", readerTakesOver);
        container.removeEventListener("touchstart", touch);
        container.removeEventListener("keydown", key);
      };
    },
    [map],
  );

  const run = useCallback((move: () => void) => {
    ownMove.current = true;
    setMoving(true);
    move();
  }, []);

  const runQuietly = useCallback((action: () => void) => {
    quiet.current = true;
    try {
      action();
    } finally {
      quiet.current = false;
    }
  }, []);

  return useMemo(() => ({ moving, run, runQuietly }), [moving, run, runQuietly]);
}
