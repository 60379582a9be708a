import type L from "leaflet";
import { prefersReducedMotion } from "../motion";

/**
 * Under prefers-reduced-motion, every pan of this map jumps. The app's own moves already ask for
 * no animation, but Leaflet's popup autopan (and its arrow-key pan) call `panBy` with no options,
 * which always animates, so the map slid for 250 ms after the reader chose an event. This map's
 * `panBy` is the one place all of them pass through. Returns the undo.
 */
export function jumpPansUnderReducedMotion(map: L.Map): () => void {
  const panBy = map.panBy;
  map.panBy = function panByHonouringReducedMotion(offset, options) {
    return panBy.call(this, offset, prefersReducedMotion() ? { ...options, animate: false } : options);
  };
  return () => {
    map.panBy = panBy;
  };
}
