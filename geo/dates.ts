/**
 * Contract dates (CONTRACT.md): `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, or an interval `A/B` of those,
 * the level-0 subset of EDTF. A date covers the whole of its precision, so `2017` spans
 * 2017-01-01 to 2017-12-31. Days are calendar days with no time zone: all arithmetic is in UTC.
 */

export type DatePrecision = "year" | "month" | "day";

/** A single date at its precision, before any interval is made of it. */
export interface SimpleDate {
  year: number;
  month?: number;
  day?: number;
  precision: DatePrecision;
}

/** The inclusive span of days a date covers, as ISO `YYYY-MM-DD` strings (they sort as dates). */
export interface DateSpan {
  start: string;
  end: string;
}

const SIMPLE_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function daysInMonth(year: number, month: number): number {
  // Not Date.UTC(year, ...): it reads years 0-99 as 1900-1999, and 1900 is not a leap year but 0000 is.
  const date = new Date(0);
  date.setUTCFullYear(year, month, 0);
  return date.getUTCDate();
}

/** Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; undefined for anything else, `2020-02-30` included. */
export function parseSimpleDate(text: string): SimpleDate | undefined {
  const match = SIMPLE_DATE.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  if (match[2] === undefined) return { year, precision: "year" };
  const month = Number(match[2]);
  if (month < 1 || month > 12) return undefined;
  if (match[3] === undefined) return { year, month, precision: "month" };
  const day = Number(match[3]);
  if (day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day, precision: "day" };
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

function firstDay(date: SimpleDate): string {
  return `${pad(date.year, 4)}-${pad(date.month ?? 1)}-${pad(date.day ?? 1)}`;
}

function lastDay(date: SimpleDate): string {
  const month = date.month ?? 12;
  return `${pad(date.year, 4)}-${pad(month)}-${pad(date.day ?? daysInMonth(date.year, month))}`;
}

/**
 * The span of days a contract date covers, or undefined if it is not one (or is an interval
 * that ends before it starts).
 * @example dateSpan("2017") // { start: "2017-01-01", end: "2017-12-31" }
 */
export function dateSpan(text: string): DateSpan | undefined {
  const parts = text.split("/");
  if (parts.length > 2) return undefined;
  const dates = parts.map(parseSimpleDate);
  const first = dates[0];
  const last = dates[dates.length - 1];
  if (!first || !last || dates.includes(undefined)) return undefined;
  const span = { start: firstDay(first), end: lastDay(last) };
  return span.start <= span.end ? span : undefined;
}

/** True for a well-formed contract date that names real calendar days. */
export function isContractDate(text: string): boolean {
  return dateSpan(text) !== undefined;
}

/** True when `text` is a real calendar day written `YYYY-MM-DD`, as the `from` and `to` filters need. */
export function isIsoDay(text: string): boolean {
  return parseSimpleDate(text)?.precision === "day";
}

/** Whether two inclusive spans share at least one day. */
export function spansOverlap(a: DateSpan, b: Partial<DateSpan>): boolean {
  return (b.start === undefined || a.end >= b.start) && (b.end === undefined || a.start <= b.end);
}

/** How exact a contract date is: a day, a month, a year, or an interval. */
export function datePrecision(text: string): DatePrecision | "interval" | undefined {
  if (text.includes("/")) return isContractDate(text) ? "interval" : undefined;
  return parseSimpleDate(text)?.precision;
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

function formatSimpleDate(date: SimpleDate): string {
  const month = date.month === undefined ? undefined : MONTHS[date.month - 1];
  if (date.precision === "year" || month === undefined) return String(date.year);
  if (date.precision === "month") return `${month} ${date.year}`;
  return `${date.day} ${month} ${date.year}`;
}

/**
 * A contract date in words at its true precision: "7 January 2020", "January 2020", "2017".
 * An interval that runs up to the story's dateline reads "since 2011"; others "2011 to 2013".
 * Returns the input unchanged if it is not a contract date.
 */
export function formatContractDate(text: string, dateline?: string): string {
  if (!isContractDate(text)) return text;
  const parts = text.split("/").map(parseSimpleDate);
  const [first, last] = parts;
  if (!first) return text;
  if (!last) return formatSimpleDate(first);
  if (dateline !== undefined && text.split("/")[1] === dateline) return `since ${formatSimpleDate(first)}`;
  return `${formatSimpleDate(first)} to ${formatSimpleDate(last)}`;
}
