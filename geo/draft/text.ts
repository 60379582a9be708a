/**
 * An article as words and sentences, with UTF-16 offsets into the text (what `String.slice` and
 * the contract's quotes use).
 */

export interface Token {
  /** The word without a possessive "'s": "Iran" for "Iran's". */
  text: string;
  start: number;
  end: number;
  /** Whether the word was written with a possessive "'s" (nothing can follow it in a name). */
  possessive: boolean;
  /** Index of its sentence in `sentences`. */
  sentence: number;
  /** First word of its sentence, or any word of a title-case heading: its capital letter proves nothing. */
  sentenceStart: boolean;
  /** A word of a title-case heading, where every word is capitalised. */
  titleCase: boolean;
}

export interface Span {
  start: number;
  end: number;
}

/** Abbreviations whose full stop does not end a sentence. */
const ABBREVIATIONS = new Set([
  "mr",
  "mrs",
  "ms",
  "dr",
  "prof",
  "gen",
  "lt",
  "col",
  "maj",
  "capt",
  "sgt",
  "st",
  "sen",
  "rep",
  "gov",
  "pres",
  "jan",
  "feb",
  "mar",
  "apr",
  "jun",
  "jul",
  "aug",
  "sep",
  "sept",
  "oct",
  "nov",
  "dec",
  "no",
  "vs",
  "etc",
  "inc",
  "co",
  "corp",
  "jr",
  "sr",
  "mt",
]);

/**
 * Sentences (and headings: a line without a full stop is its own sentence), trimmed. A full stop
 * ends a sentence unless it follows an abbreviation or an initial ("U.S. forces", "Jan. 3").
 */
export function splitSentences(text: string): Span[] {
  const sentences: Span[] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s] ?? "")) s++;
    while (e > s && /\s/.test(text[e - 1] ?? "")) e--;
    if (e > s) sentences.push({ start: s, end: e });
  };
  const boundary = /\n+|[.!?]+["”’)]*(?=\s+["“‘(]?[\p{Lu}\p{N}])/gu;
  for (let match = boundary.exec(text); match; match = boundary.exec(text)) {
    if (match[0].startsWith("\n")) {
      push(match.index);
      start = match.index + match[0].length;
      continue;
    }
    const before = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, match.index - 12), match.index))?.[1] ?? "";
    const word = before.toLowerCase().replace(/\.$/, "");
    // "U.S." and "a.m." are initials; "Jan." an abbreviation: neither ends the sentence.
    if (match[0] === "." && (ABBREVIATIONS.has(word) || /^(\p{L}\.)+\p{L}$/u.test(before) || /^\p{Lu}$/u.test(before))) continue;
    const end = match.index + match[0].length;
    push(end);
    start = end;
  }
  push(text.length);
  return sentences;
}

/**
 * A headline in title case ("Nice Day For Rebels In Aleppo"): no full stop, and most words
 * capitalised, so that a capital letter there proves nothing.
 */
function isTitleCase(line: string): boolean {
  if (/[.!?]["”’)]*$/.test(line)) return false;
  const words = line.split(/\s+/).filter((w) => /^\p{L}/u.test(w));
  return words.length >= 3 && words.filter((w) => /^\p{Lu}/u.test(w)).length / words.length >= 0.6;
}

/** A word: letters and digits, with inner hyphens and apostrophes; or initials like "U.S.". */
const WORD = /(?:\p{Lu}\.){2,}|[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:[-'’ʿʾ][\p{L}\p{M}\p{N}]+)*/gu;
const POSSESSIVE = /['’]s$/;

/** The words of a text in order, each with its sentence. */
export function tokenize(text: string, sentences: readonly Span[] = splitSentences(text)): Token[] {
  const headings = new Set(sentences.map((s, i) => (isTitleCase(text.slice(s.start, s.end)) ? i : -1)));
  const tokens: Token[] = [];
  let sentence = 0;
  let previousSentence = -1;
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    while (sentence < sentences.length - 1 && start >= (sentences[sentence]?.end ?? 0)) sentence++;
    const possessive = POSSESSIVE.test(match[0]) && match[0].length > 2;
    const word = possessive ? match[0].slice(0, -2) : match[0];
    // The first word of a sentence, or one after an opening quote or a colon.
    const opener = /[:“"‘(]\s*$/.test(text.slice(Math.max(0, start - 3), start));
    tokens.push({
      text: word,
      start,
      end: start + word.length,
      possessive,
      sentence,
      sentenceStart: sentence !== previousSentence || opener || headings.has(sentence),
      titleCase: headings.has(sentence),
    });
    previousSentence = sentence;
  }
  return tokens;
}

/** Whether a word starts with a capital letter. */
export const isCapitalized = (word: string): boolean => /^\p{Lu}/u.test(word);

/** Whether only spaces (no line break, no punctuation) separate two words, so they can form a name. */
export function joined(text: string, left: Token, right: Token): boolean {
  return !left.possessive && left.sentence === right.sentence && /^[ \t\u00a0]+$/.test(text.slice(left.end, right.start));
}
