/**
 * The story sizes above which the page switches to the machinery for large stories. Kept apart
 * from that machinery (supercluster in geo/clusters.ts, the virtual list in
 * components/VirtualEventList.tsx) so that checking a story's size does not load it: a story
 * under these sizes never downloads that code.
 */

/** Stories with more places than this cluster them (CONTRACT.md "Page hooks for tests"). */
export const CLUSTER_ABOVE = 50;

/**
 * Above this many events only the rows on screen are in the page (VirtualEventList): ten thousand
 * rows would be some 300,000 DOM nodes to lay out at every filter change. A short list keeps every
 * row, so that the browser's own find and a reader's screen reader see them all at once.
 */
export const VIRTUALISE_ABOVE = 200;
