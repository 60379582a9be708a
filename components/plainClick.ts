/**
 * A plain left click: one the page may answer itself. A click with a modifier (a link in a new tab
 * or window) or another button is the browser's to answer.
 */
export function isPlainClick(event: Pick<MouseEvent, "button" | "ctrlKey" | "metaKey" | "shiftKey" | "altKey">): boolean {
  return event.button === 0 && !event.ctrlKey && !event.metaKey && !event.shiftKey && !event.altKey;
}
