import { VIEW_QUERY_PATTERN } from "@/geo/url-state";

/**
 * The story pages are prerendered unfiltered, and the view in the query string applies in the
 * browser. So that a link such as `/?actors=iran` never flashes the unfiltered story first, this
 * inline script (run before the body is parsed) marks the page while a view in the query is
 * waiting to be applied; globals.css hides the app until `urlStateApplied` clears the mark, and
 * shows it anyway after a few seconds in case scripts fail. A query that asks for no view (Pym's
 * `childId`, `utm_source`) leaves the page as it is. Without JavaScript the script never runs, and
 * the whole story shows.
 */
export const URL_STATE_PENDING_SCRIPT = `if(new RegExp(${JSON.stringify(VIEW_QUERY_PATTERN)}).test(location.search))document.documentElement.setAttribute("data-url-state","pending")`;

/** The view in the URL is on screen: show the app. */
export function urlStateApplied(): void {
  document.documentElement.removeAttribute("data-url-state");
}
