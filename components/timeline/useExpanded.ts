"use client";

import { useState, useSyncExternalStore } from "react";

/** Where the layout turns into the phone layout (app/globals.css). */
const PHONE = "(max-width: 760px)";

function subscribeToWidth(onChange: () => void) {
  const query = window.matchMedia(PHONE);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}

export interface Expanded {
  /** Open or closed; `undefined` until the browser says how wide it is (the server cannot know). */
  expanded: boolean | undefined;
  setExpanded: (expanded: boolean) => void;
  /** Whether the phone layout applies, where the open timeline lies over the map. */
  phone: boolean;
}

/**
 * Whether the timeline is open: the reader's choice once made, else open on wide screens and
 * closed on phones, where the map needs the room. While `expanded` is undefined, CSS decides
 * with the same media query, so the server's HTML shows the right layout before hydration.
 */
export function useExpanded(): Expanded {
  const [choice, setChoice] = useState<boolean>();
  const phone = useSyncExternalStore(
    subscribeToWidth,
    () => window.matchMedia(PHONE).matches,
    () => undefined,
  );
  return { expanded: choice ?? (phone === undefined ? undefined : !phone), setExpanded: setChoice, phone: phone === true };
}
