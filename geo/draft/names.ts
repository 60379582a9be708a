/**
 * How names are compared: the key a name is indexed and looked up by, shared by the gazetteer's
 * build and the mention finder so that both sides fold names the same way.
 */

/** Letters that transliterations of Arabic and Persian add or drop (ʿayn, hamza, apostrophes). */
const GLOTTALS = /[ʿʾ'’‘`ʻʼ]/g;

/**
 * The lookup key of a name: no diacritics, lower case, no glottal marks, no dots or commas,
 * hyphens and runs of spaces as one space, "airbase" as "air base".
 * @example nameKey("Sarāqib") // "saraqib"
 * @example nameKey("Khmeimim Airbase") // "khmeimim air base"
 */
export function nameKey(name: string): string {
  return (
    name
      .normalize("NFD")
      .replace(/\p{M}/gu, "")
      .replace(GLOTTALS, "")
      .toLowerCase()
      .replace(/[.,]/g, "")
      .replace(/[-‐–\s]+/g, " ")
      .replace(/\bairbase\b/g, "air base")
      // Arabic's article is assimilated in writing ("ar-Raqqah", "an-Numan", "ash-Sham"): one form.
      .replace(/(^| )(?:al|el|ar|as|ad|az|an|ash|at)(?= \S)/g, "$1al")
      .replace(/\bair field\b/g, "airfield")
      .trim()
  );
}

/**
 * The consonant skeleton of a key, for transliteration variants of one Arabic name (Saraqib,
 * Saraqeb; Hama, Hamah): vowels after the first letter, "h" after a consonant and doubled letters
 * are dropped. Only used for long-enough single names in the Middle East (see gazetteer.ts).
 * @example skeleton("saraqeb") // "srqb"
 */
export function skeleton(key: string): string {
  const first = key.slice(0, 1);
  const rest = key
    .slice(1)
    .replace(/ /g, "")
    .replace(/[aeiouy]/g, "")
    .replace(/([bcdfgjklmnpqrstvwxz])h/g, "$1")
    .replace(/(.)\1+/g, "$1");
  return first + rest;
}

/** Suffixes that name an airfield; stripped to find the place an airfield is named after. */
export const AIRFIELD_SUFFIX =
  /\s+(?:international\s+airport|military\s+airport|air\s+force\s+base|air\s+base|airbase|airport|airfield|air\s+field|air\s+station|heliport)$/i;
