/**
 * Date expressions in an article, resolved against its dateline into contract dates (geo/dates.ts)
 * as this project's data does. chrono-node (MIT) reads the expressions; the rules it lacks for news
 * copy are added here, each tested in tests/unit/draft-dates.test.ts:
 * - a bare weekday in past-tense reporting is the last such day up to the dateline ("on Tuesday" in
 *   a Wednesday article is the day before; "Earlier on Wednesday" is the dateline itself), or the
 *   next one where the sentence speaks of the future ("will", "is due to");
 * - bare years: "in 2017" is `2017`, "since 2011" is `2011/<dateline>`, "from 2011 to 2013" is `2011/2013`;
 *   and "since" before any date chrono reads ("since Saturday") makes a span up to the dateline;
 * - durations up to now: "for nine years" is `<dateline's year - 9>/<dateline>`;
 * - "last week" is the Monday-to-Sunday week before the dateline's; "last year", "this year";
 * - a month and day without a year ("on Jan. 3") is the latest such day up to the dateline.
 */
import * as chrono from "chrono-node";
import { isContractDate, parseSimpleDate } from "../dates";

export interface DateMention {
  text: string;
  start: number;
  end: number;
  /** A contract date: `2020-01-07`, `2020-01`, `2017`, `2011/2020-01-08`. */
  date: string;
}

const pad = (n: number) => String(n).padStart(2, "0");
const isoDay = (d: Date) => `${String(d.getUTCFullYear()).padStart(4, "0")}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

/** The dateline as a UTC midnight Date; throws on a string that is not a real day. */
function datelineDate(dateline: string): Date {
  const day = parseSimpleDate(dateline);
  if (day?.precision !== "day") throw new Error(`dateline ${JSON.stringify(dateline)} is not a real day written YYYY-MM-DD`);
  return new Date(Date.UTC(day.year, (day.month ?? 1) - 1, day.day ?? 1));
}

const addDays = (date: Date, days: number) => new Date(date.getTime() + days * 86_400_000);

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
};

function numberOf(word: string): number | undefined {
  return /^\d+$/.test(word) ? Number(word) : NUMBER_WORDS[word.toLowerCase()];
}

const YEAR = "((?:1[89]|20)\\d\\d)(?![\\d,.]\\d)";
const MONTH_NAMES = "January|February|March|April|May|June|July|August|September|October|November|December";

interface Rule {
  pattern: RegExp;
  resolve: (match: RegExpExecArray, dateline: Date, datelineText: string) => string | undefined;
}

/** The rules chrono-node lacks, tried before it: a span one of them claims is not given to chrono. */
const RULES: readonly Rule[] = [
  {
    // "from 2011 to 2013", "between 2014 and 2017"
    pattern: new RegExp(`\\b(?:from|between)\\s+${YEAR}\\s+(?:to|until|and|through)\\s+${YEAR}`, "gi"),
    resolve: (m) => (Number(m[1]) <= Number(m[2]) ? `${m[1]}/${m[2]}` : undefined),
  },
  {
    // "since 2011", "since March 2011": from then until the dateline
    pattern: new RegExp(`\\bsince\\s+(?:(?:early|late|mid)[\\s-]+)?(?:(${MONTH_NAMES})\\s+)?${YEAR}`, "gi"),
    resolve: (m, _d, dateline) => {
      const month = m[1] ? MONTH_NAMES.split("|").findIndex((name) => name.toLowerCase() === m[1]!.toLowerCase()) + 1 : 0;
      const start = month ? `${m[2]}-${pad(month)}` : m[2]!;
      return start <= dateline ? `${start}/${dateline}` : undefined;
    },
  },
  {
    // "in 2017", "during 2015", "in early 2016", "by 2019"; not "in 2017 people" or "in May 2017" (chrono's)
    pattern: new RegExp(
      `\\b(?:in|during|by|until|of|throughout)\\s+(?:(?:early|late|mid)[\\s-]+)?${YEAR}\\b(?!\\s*(?:%|people|percent))`,
      "gi",
    ),
    resolve: (m) => m[1],
  },
  {
    // "for nine years", "for the past five years", "over two years": a span reaching the dateline
    pattern: /\b(?:for|over)\s+(?:the\s+(?:past|last)\s+)?(\d+|[a-z]+)\s+years\b/gi,
    resolve: (m, dateline, text) => {
      const years = numberOf(m[1] ?? "");
      return years === undefined || years < 1 || years > 200 ? undefined : `${dateline.getUTCFullYear() - years}/${text}`;
    },
  },
  {
    // "last week": Monday to Sunday of the week before the dateline's
    pattern: /\blast\s+week\b/gi,
    resolve: (_m, dateline) => {
      const monday = addDays(dateline, -((dateline.getUTCDay() + 6) % 7));
      return `${isoDay(addDays(monday, -7))}/${isoDay(addDays(monday, -1))}`;
    },
  },
  {
    pattern: /\bthis\s+week\b/gi,
    resolve: (_m, dateline, text) => `${isoDay(addDays(dateline, -((dateline.getUTCDay() + 6) % 7)))}/${text}`,
  },
  { pattern: /\blast\s+year\b/gi, resolve: (_m, dateline) => String(dateline.getUTCFullYear() - 1) },
  { pattern: /\bthis\s+year\b/gi, resolve: (_m, dateline) => String(dateline.getUTCFullYear()) },
];

/** Words that put a sentence in the future: a bare weekday in it is the next one, not the last. */
const FUTURE = /\b(?:will|shall|is due to|are due to|is expected to|are expected to|is scheduled to|plans? to|next)\b/i;

/** The sentence around an offset, for its tense. */
function sentenceAround(text: string, at: number): string {
  // lastIndexOf and a bounded search look only near `at`: a 100,000-character text stays linear.
  let start = at;
  while (start > 0 && at - start < 2000 && !".!?\n".includes(text[start - 1]!)) start--;
  const after = text.slice(at, at + 2000).search(/[.!?\n]/);
  return text.slice(start, after === -1 ? Math.min(text.length, at + 2000) : at + after);
}

/** A chrono result as a contract date, or undefined when it names no day, month or year. */
function fromChrono(components: chrono.ParsedComponents, result: chrono.ParsedResult, text: string, dateline: Date): string | undefined {
  const value = (component: chrono.Component) => components.get(component) ?? undefined;
  if (/^(?:now|right now)$/i.test(result.text.trim())) return undefined;
  const known = (component: chrono.Component) => components.isCertain(component);
  if (known("weekday") && !known("day")) {
    const target = value("weekday") ?? 0;
    const future = /\bnext\b/i.test(result.text) || FUTURE.test(sentenceAround(text, result.index));
    const back = (dateline.getUTCDay() - target + 7) % 7;
    return isoDay(future ? addDays(dateline, (target - dateline.getUTCDay() + 7) % 7) : addDays(dateline, -back));
  }
  const year = value("year");
  const month = value("month");
  const day = value("day");
  if (year === undefined || month === undefined) return undefined;
  if (known("day") && day !== undefined) {
    let candidate = new Date(Date.UTC(year, month - 1, day));
    // A month and day without a year: the latest one up to a week after the dateline.
    if (!known("year") && candidate.getTime() > addDays(dateline, 7).getTime()) candidate = new Date(Date.UTC(year - 1, month - 1, day));
    return isoDay(candidate);
  }
  if (known("month")) return `${year}-${pad(month)}`;
  if (known("year")) return String(year);
  return undefined;
}

/**
 * Every date expression in the text with its contract date, in order of position.
 * @example findDates("Iran fired missiles on Tuesday.", "2020-01-08") // [{ text: "on Tuesday", date: "2020-01-07", ... }]
 */
export function findDates(text: string, dateline: string): DateMention[] {
  const reference = datelineDate(dateline);
  const found: DateMention[] = [];
  const taken = (start: number, end: number) => found.some((f) => start < f.end && f.start < end);
  for (const rule of RULES) {
    for (const match of text.matchAll(rule.pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (taken(start, end)) continue;
      const date = rule.resolve(match as RegExpExecArray, reference, dateline);
      if (date && isContractDate(date)) found.push({ text: match[0], start, end, date });
    }
  }
  // chrono reads in the process's time zone: a local noon on the dateline keeps every offset on that day.
  const localNoon = new Date(reference.getUTCFullYear(), reference.getUTCMonth(), reference.getUTCDate(), 12);
  for (const result of chrono.parse(text, { instant: localNoon })) {
    const start = result.index;
    // chrono sometimes takes in the punctuation after a date, or the next sentence's number ("last month. 11").
    const shown = result.text
      .split(/(?<!\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec))[.;,]\s/)[0]!
      .replace(/[\s,.;:]+$/, (tail) => (/^\.$/.test(tail) && /\b\p{L}{1,4}\.$/u.test(result.text) ? tail : ""));
    const end = start + shown.length;
    if (taken(start, end)) continue;
    const date = fromChrono(result.start, result, text, reference);
    const endDate = result.end ? fromChrono(result.end, result, text, reference) : undefined;
    // "since Saturday": from then until the dateline.
    const since =
      date !== undefined && endDate === undefined && /\bsince\s+$/i.test(text.slice(Math.max(0, start - 8), start)) && date < dateline;
    const value = since ? `${date}/${dateline}` : date && endDate && endDate > date ? `${date}/${endDate}` : date;
    if (value && isContractDate(value)) found.push({ text: shown, start, end, date: value });
  }
  return found.sort((a, b) => a.start - b.start);
}
