"use client";

import type L from "leaflet";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import type { MapView } from "@/geo/url-state";

export interface MapMotion {
  /** True from `run` until the app's moves have ended: the popup waits for them. */
  moving: boolean;
  /**
   * Makes a move of the app's own (a fit, a flight): its `moveend` is not reported as the
   * reader's. A move already running (a popup's autopan, the reader's fling) ends first, so that
   * no move cuts another short. `done` is called once the map stands still again.
   */
  run: (move: () => void, done?: () => void) => void;
  /** Runs something that may move the map at once (a resize): no move of the reader's, none of ours running ends. */
  runQuietly: (action: () => void) => void;
}

/** Leaflet's keyboard handler pans with the arrows and zooms with + and -, while the map has the focus. */
const MAP_KEYS = new Set(["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight", "+", "-", "=", "_"]);

export function currentView(map: L.Map): MapView {
  const centre = map.getCenter();
  return { zoom: map.getZoom(), lat: centre.lat, lng: centre.lng };
}

function sameView(a: MapView, b: MapView): boolean {
  return a.zoom === b.zoom && a.lat === b.lat && a.lng === b.lng;
}

/**
 * Tells the reader's moves from the app's, one move at a time. Leaflet stops a running move when a
 * new one starts, and the stopped move's `moveend` fires inside the new one's call, so a mark set
 * for the new move would be spent by the old one. Moves of the app's therefore wait for the
 * running move's `moveend` (`movestart` and `moveend` say when the map is in motion), then go
 * with a mark that their own `moveend` clears. A popup panning itself into view announces itself
 * with `autopanstart` and takes the mark too. Any other `moveend` is the reader's and is reported
 * to `onUserMove`. When the reader grabs the map (a drag, the wheel, a pinch, the map's keys), the
 * app lets go: its mark and its waiting move are dropped, and what follows is theirs.
 */
export function useMapMotion(map: L.Map, onUserMove: (view: MapView) => void): MapMotion {
  const ownMove = useRef(false);
  const inMotion = useRef(false);
  const waiting = useRef<(() => void) | null>(null);
  const whenStill = useRef<(() => void)[]>([]);
  const quiet = useRef(false);
  const lastEnd = useRef<MapView | null>(null);
  const [moving, setMoving] = useState(false);
  const report = useRef(onUserMove);
  useEffect(() => {
    report.current = onUserMove;
  });

  const start = useCallback((move: () => void) => {
    ownMove.current = true;
    move();
  }, []);

  // A layout effect, so that it listens before the first move: children's effects (the
  // ViewController's first fit) run before their parent's passive effects.
  useLayoutEffect(
    function tellMovesApart() {
      const container = map.getContainer();
      // Leaflet 1.9's PosAnimation fires `end` twice when it is stopped after its time has run
      // out (a popup's autopan does that), so one move can end twice. The second `moveend` comes
      // with no `movestart` before it, at the very view the first one left: it is an echo, not a
      // move of the reader's, and reporting it would write a `view` the reader never chose.
      const isEcho = (view: MapView) =>
        !inMotion.current && !ownMove.current && lastEnd.current !== null && sameView(view, lastEnd.current);
      const started = () => {
        if (!quiet.current) inMotion.current = true;
      };
      const ended = () => {
        if (quiet.current) return;
        const view = currentView(map);
        if (isEcho(view)) return;
        lastEnd.current = view;
        inMotion.current = false;
        if (ownMove.current) ownMove.current = false;
        else report.current(view);
        const next = waiting.current;
        waiting.current = null;
        if (next) {
          // After this event has reached every listener: Leaflet's own layers update on it.
          queueMicrotask(() => start(next));
        } else {
          setMoving(false);
          for (const done of whenStill.current.splice(0)) done();
        }
      };
      const popupPans = () => {
        ownMove.current = true;
      };
      const readerTakesOver = () => {
        ownMove.current = false;
        waiting.current = null;
      };
      const key = (event: KeyboardEvent) => {
        if (event.target === container && MAP_KEYS.has(event.key)) readerTakesOver();
      };
      const touch = (event: TouchEvent) => {
        if (event.touches.length > 1) readerTakesOver();
      };
      map.on("movestart", started).on("moveend", ended).on("autopanstart", popupPans);
      map.on("dragstart", readerTakesOver).on("dblclick", readerTakesOver);
      container.addEventListener("wheel", readerTakesOver, { passive: true });
      container.addEventListener("touchstart", touch, { passive: true });
      container.addEventListener("keydown", key);
      return () => {
        map.off("movestart", started).off("moveend", ended).off("autopanstart", popupPans);
        map.off("dragstart", readerTakesOver).off("dblclick", readerTakesOver);
        container.removeEventListener("wheel", readerTakesOver);
        container.removeEventListener("touchstart", touch);
        container.removeEventListener("keydown", key);
      };
    },
    [map, start],
  );

  const run = useCallback(
    (move: () => void, done?: () => void) => {
      if (done) whenStill.current.push(done);
      setMoving(true);
      if (inMotion.current) waiting.current = move;
      else start(move);
    },
    [start],
  );

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
