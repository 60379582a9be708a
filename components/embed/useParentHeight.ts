"use client";

import { useEffect, type RefObject } from "react";
import { heightMessages } from "@/geo/embed";

/**
 * Tells the page that frames this one how tall it is, whenever that changes (the timeline folds,
 * a notice appears, the width changes and the map's height with it), so that the host can size the
 * iframe to fit: in Pym.js's and AMP's message formats (geo/embed.ts). `content` is the embed's
 * outermost element: the document itself is as tall as the frame, whatever its content. The messages carry only a
 * height, so they go to any parent origin: a sandboxed host has an opaque one.
 */
export function useParentHeight(content: RefObject<HTMLElement | null>) {
  useEffect(
    function reportHeight() {
      if (window.parent === window) return;
      // Pym.js names the child in the iframe's address; read it now, before the URL state is rewritten.
      const childId = new URLSearchParams(window.location.search).get("childId");
      const element = content.current;
      if (!element) return;
      let last = 0;
      const post = () => {
        const height = Math.ceil(element.getBoundingClientRect().height);
        if (height === last) return;
        last = height;
        for (const message of heightMessages(height, childId)) window.parent.postMessage(message, "*");
      };
      const observer = new ResizeObserver(post);
      observer.observe(element);
      return () => observer.disconnect();
    },
    [content],
  );
}
