import { HYDRATED_ATTRIBUTE, HYDRATED_EVENT } from "./hydration";
import { isPlainClick } from "./plainClick";

/**
 * The app starts when the reader reaches for it.
 *
 * A prerendered story page is already whole without its scripts: the story, the event list, the
 * article, and the map's first view, whose markers link to their share pages. What blocks a phone
 * is the work after its first paint: the framework's start, its decoding of the page's payload and
 * the hydration of every element (README, "Speed"). So the build (app/_server/defer-app-scripts.ts)
 * takes Next.js's script tags out of the page and puts this loader, inline, in their place. It adds
 * them back on the reader's first intent: a pointer that moves or presses, a touch, a key, a wheel,
 * a focus. A link that asks for a view (a place, an event, a filter) starts the app at once, since
 * only the app can apply it. The map's own code waits for the same kind of intent (MapLoader.tsx).
 *
 * A click that comes before the app has hydrated would do nothing (a button) or leave the page (a
 * marker's link): it is held, and given again to the same element once the page says it has
 * hydrated (HydratedSignal.tsx). Hydration keeps the server's elements, so the element is React's
 * by then. If a script cannot load, a held link is followed as the browser would have.
 *
 * Bundled into the page by esbuild at build, with the page's script files as `scripts`.
 */
export interface StartOnIntentOptions {
  /** Next.js's script files for this page, as they were in its HTML. */
  scripts: string[];
  /**
   * React's payload for the page, when the build moved it out of the HTML into a script file
   * (loader-html.ts, `startOnIntentWithPayloadApart`): it must run before Next.js's runtime starts.
   */
  payload?: string;
  /** The source of the pattern a query that asks for a view matches (geo/url-state.ts). */
  viewQuery: string;
}

/** What a reader does when they reach for the page. */
const INTENTS = ["pointermove", "pointerdown", "touchstart", "keydown", "wheel", "focusin"] as const;

/** Elements a click does something to. */
const CLICKABLE = "a[href], button, input, select, textarea, label, summary, [role=button], [tabindex]";

/** Runs `then` once the document is parsed: at once, or when it says it is. */
function whenParsed(then: () => void) {
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", then, { once: true });
  else then();
}

export function startOnIntent({ scripts, payload, viewQuery }: StartOnIntentOptions): void {
  let started = false;
  let failed = false;
  let held: HTMLElement | undefined;

  const hydrated = () => document.documentElement.hasAttribute(HYDRATED_ATTRIBUTE);

  function start() {
    if (started) return;
    started = true;
    for (const type of INTENTS) removeEventListener(type, start, true);
    if (!payload) {
      scripts.forEach(addScript);
      return;
    }
    // Next.js's runtime reads React's payload once, as it starts, and hydrates what is parsed by
    // then: its scripts, fetched meanwhile, run once the payload has and the page is whole. A page
    // a cache kept from an earlier build may name a payload that is gone: the app does not start.
    for (const src of scripts) preload(src);
    addScript(payload).addEventListener("load", () => whenParsed(() => scripts.forEach(addScript)), { once: true });
  }

  function addScript(src: string): HTMLScriptElement {
    const script = document.createElement("script");
    script.src = src;
    script.async = true;
    script.addEventListener("error", scriptFailed);
    document.head.append(script);
    return script;
  }

  function preload(src: string) {
    const link = document.createElement("link");
    link.rel = "preload";
    link.as = "script";
    link.href = src;
    document.head.append(link);
  }

  function scriptFailed() {
    failed = true;
    const link = held;
    held = undefined;
    if (link instanceof HTMLAnchorElement) location.assign(link.href);
  }

  function holdEarlyClick(event: MouseEvent) {
    if (failed || hydrated() || event.defaultPrevented) return;
    if (!isPlainClick(event)) return;
    const target = event.target instanceof Element ? event.target.closest<HTMLElement>(CLICKABLE) : null;
    if (!target) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    // The first is what the reader asked for; more taps while the app starts would only undo it.
    held ??= target;
    start();
  }

  function giveBackHeldClick() {
    removeEventListener("click", holdEarlyClick, true);
    const target = held;
    held = undefined;
    if (target?.isConnected) target.click();
  }

  // On the window, in the capture phase: before React's listeners on the document.
  addEventListener("click", holdEarlyClick, true);
  addEventListener(HYDRATED_EVENT, giveBackHeldClick, { once: true });
  for (const type of INTENTS) addEventListener(type, start, { capture: true, passive: true });
  if (new RegExp(viewQuery).test(location.search)) start();
}
