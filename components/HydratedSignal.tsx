"use client";

import { useEffect } from "react";
import { HYDRATED_ATTRIBUTE, HYDRATED_EVENT } from "./hydration";

/**
 * Rendered last in the root layout's body: React runs a component's effects after those of every
 * component before it, so this one runs once the whole page has hydrated and its handlers listen.
 */
export function HydratedSignal() {
  useEffect(() => {
    document.documentElement.setAttribute(HYDRATED_ATTRIBUTE, "");
    window.dispatchEvent(new Event(HYDRATED_EVENT));
  }, []);
  return null;
}
