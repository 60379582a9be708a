"use client";

import { useLayoutEffect, useState, type RefObject } from "react";

/**
 * An element's width in CSS pixels, followed as it changes (a window resized, a folded timeline
 * opened); undefined until the browser has laid it out, as on the server.
 */
export function useWidth(ref: RefObject<HTMLElement | null>): number | undefined {
  const [width, setWidth] = useState<number>();
  useLayoutEffect(
    function followWidth() {
      const element = ref.current;
      if (!element) return;
      const observer = new ResizeObserver(([entry]) => {
        // A folded timeline is 0 wide: keep the last width rather than labelling for none.
        if (entry && entry.contentRect.width > 0) setWidth(entry.contentRect.width);
      });
      observer.observe(element);
      return () => observer.disconnect();
    },
    [ref],
  );
  return width;
}
