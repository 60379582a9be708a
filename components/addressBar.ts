/**
 * The address the view is drawn from, and its writes to the browser's history. The URL is the
 * single source of truth: a change of view is a new address here first, which every reader of the
 * view is told of at once, so that the next frame draws it; the history is given that address right
 * after that frame is painted. A history write is not free (Next.js's router starts a transition on
 * every `pushState`), and it is no part of drawing what the reader asked for.
 *
 * Writes keep their order and their kind: a filter change or a selection pushes an entry (Back
 * undoes it), a pan replaces it. A page hidden before its frame comes writes at once; Back or
 * Forward (popstate) is the browser's own address and wins over writes not yet made.
 */
export type HistoryMode = "push" | "replace";

interface Write {
  /** Path and query, as given to the history. */
  url: string;
  search: string;
  mode: HistoryMode;
}

const listeners = new Set<() => void>();
let queued: Write[] = [];
let scheduled = false;
let afterPaint: MessageChannel | undefined;

/** The query the view is drawn from (with its `?`, or ""): the last address written, whether or not the history has it yet. */
export function currentSearch(): string {
  return queued.at(-1)?.search ?? window.location.search;
}

/** The page's whole address as the view stands, for "Copy link". */
export function currentHref(): string {
  const last = queued.at(-1);
  return last ? new URL(last.url, window.location.href).href : window.location.href;
}

/** Hands every queued address to the history, in order. */
function writeHistory() {
  scheduled = false;
  const writes = queued;
  queued = [];
  for (const { url, mode } of writes) {
    if (mode === "push") window.history.pushState(null, "", url);
    else window.history.replaceState(null, "", url);
  }
}

/**
 * After the next paint: a task posted from an animation frame callback runs once that frame's
 * rendering is done. A hidden page has no frames to wait for.
 */
function scheduleWrite() {
  if (scheduled) return;
  if (document.visibilityState === "hidden") return writeHistory();
  scheduled = true;
  if (!afterPaint) {
    afterPaint = new MessageChannel();
    afterPaint.port1.onmessage = writeHistory;
  }
  const channel = afterPaint;
  requestAnimationFrame(() => channel.port2.postMessage(null));
}

/** The browser moved through its history: its address is the view now. */
function historyMoved() {
  queued = [];
  for (const listener of listeners) listener();
}

/** Leaving or hiding the page: nothing may stay unwritten. */
function writeBeforeLeaving() {
  if (queued.length > 0) writeHistory();
}

/** Calls `listener` whenever the address changes, by `navigateTo` or by Back and Forward. */
export function subscribeToAddress(listener: () => void): () => void {
  if (listeners.size === 0) {
    window.addEventListener("popstate", historyMoved);
    window.addEventListener("pagehide", writeBeforeLeaving);
    document.addEventListener("visibilitychange", writeBeforeLeaving);
  }
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size > 0) return;
    window.removeEventListener("popstate", historyMoved);
    window.removeEventListener("pagehide", writeBeforeLeaving);
    document.removeEventListener("visibilitychange", writeBeforeLeaving);
  };
}

/** Makes `pathname` + `query` the view's address; readers are told now, the history after the next paint. */
export function navigateTo(pathname: string, query: string, mode: HistoryMode): void {
  const search = query ? `?${query}` : "";
  const url = `${pathname}${search}`;
  const current = queued.at(-1)?.url ?? `${window.location.pathname}${window.location.search}`;
  if (url === current) return;
  queued.push({ url, search, mode });
  scheduleWrite();
  for (const listener of listeners) listener();
}
