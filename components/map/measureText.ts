/**
 * Text widths for the label layout, measured on a canvas: no element is added to the page and no
 * layout is forced, so measuring a hundred labels costs next to nothing. Widths are cached by font.
 */
let context: CanvasRenderingContext2D | null | undefined;
const cache = new Map<string, number>();

/** The width in pixels of `text` in a CSS `font` (`"600 12px system-ui"`), with `letterSpacing` px between letters. */
export function textWidth(text: string, font: string, letterSpacing = 0): number {
  const key = `${font}|${letterSpacing}|${text}`;
  const known = cache.get(key);
  if (known !== undefined) return known;
  context ??= document.createElement("canvas").getContext("2d");
  // Without a canvas (a very old browser), a fair guess for a sans-serif font.
  const size = Number(/(\d+(?:\.\d+)?)px/.exec(font)?.[1] ?? 12);
  let width = text.length * size * 0.6;
  if (context) {
    context.font = font;
    width = context.measureText(text).width;
  }
  width += letterSpacing * text.length;
  cache.set(key, width);
  return width;
}
