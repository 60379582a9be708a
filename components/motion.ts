/** Whether the reader asked for less motion: no fly-to animations, no smooth scrolling. */
export function prefersReducedMotion(): boolean {
  return window.matchMedia("(prefers-reduced-motion: reduce)").matches;
}
