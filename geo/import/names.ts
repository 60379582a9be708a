/** Names as an import compares them, and the slugs it makes ids of. */

/** Apostrophes and the ʿayn/hamza marks that romanised Arabic names carry ("‘Ayn", "Ma'arrat"). */
const MARKS = /['‘’ʿʾ`´]/g;

/**
 * A name reduced to what spellings of it share: no diacritics, no apostrophes, lower case,
 * words separated by one space.
 * @example normalName("Ma‘arrat an Nu‘mān") // "maarrat an numan"
 */
export function normalName(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(MARKS, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/**
 * A lowercase slug of a name, in the ids' alphabet (`[a-z0-9-]`); "" when the name has no Latin
 * letter or digit (a name in Arabic script): the caller chooses a fallback.
 * @example slugOf("Ḩammām Wāşil") // "hammam-wasil"
 */
export function slugOf(name: string): string {
  return normalName(name)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** `base`, or `base-2`, `base-3`... whichever is not taken yet. */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
