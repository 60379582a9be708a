/**
 * Between the article as the studio draws it (one `<span data-start>` per piece, each a single text
 * node; the root carries `data-length`) and offsets into the article's text (UTF-16 code units, as
 * the data counts them): a DOM selection to a span of the text, and an offset back to a caret.
 */
import { trimmedSpan } from "@/geo/studio/edit";

export interface TextSpan {
  start: number;
  end: number;
}

/** The offset into the article of a DOM selection point: each piece's span carries its start. */
function offsetOf(root: HTMLElement, node: Node, offset: number): number | undefined {
  const piece = (node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element))?.closest<HTMLElement>("[data-start]");
  if (piece && root.contains(piece)) return Number(piece.dataset.start) + (node.nodeType === Node.TEXT_NODE ? offset : 0);
  if (node === root) {
    const child = root.childNodes[offset] as HTMLElement | undefined;
    return child?.dataset?.start !== undefined ? Number(child.dataset.start) : Number(root.dataset.length);
  }
  return undefined;
}

/**
 * The words the page's selection covers inside `root`, without the spaces at its edges; undefined
 * when nothing (or only space) is selected, or the selection reaches outside the article.
 */
export function selectedSpan(root: HTMLElement, text: string): TextSpan | undefined {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return undefined;
  const range = selection.getRangeAt(0);
  const start = offsetOf(root, range.startContainer, range.startOffset);
  const end = offsetOf(root, range.endContainer, range.endOffset);
  return start === undefined || end === undefined ? undefined : trimmedSpan(text, start, end);
}

/** The offset of a collapsed selection (a caret) inside `root`, if there is one. */
export function caretOffset(root: HTMLElement): number | undefined {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || !selection.isCollapsed || !selection.anchorNode) return undefined;
  return offsetOf(root, selection.anchorNode, selection.anchorOffset);
}

/**
 * Puts the caret at `offset` of the article: in the piece that holds it (the earlier piece at an
 * edge, so that the caret stays after the words just made into a mention or a quote).
 */
export function placeCaret(root: HTMLElement, offset: number): void {
  const pieces = [...root.querySelectorAll<HTMLElement>(":scope > [data-start]")];
  const piece = pieces.find((p) => offset <= Number(p.dataset.start) + (p.textContent ?? "").length) ?? pieces.at(-1);
  const node = piece?.firstChild;
  if (!piece || !node) return;
  const at = Math.max(0, Math.min(offset - Number(piece.dataset.start), node.textContent?.length ?? 0));
  window.getSelection()?.setBaseAndExtent(node, at, node, at);
}
