/**
 * Calendar days as integers: days since 1970-01-01 in UTC, so that dates compare, subtract and
 * index typed arrays as numbers. Calendar days with no time zone shift (the contract's dates).
 */
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 for an ISO day, in UTC: calendar days with no time zone shift. */
export function dayNumber(isoDay: string): number {
  return Math.round(Date.parse(`${isoDay}T00:00:00Z`) / DAY_MS);
}

/** The ISO day for a day number. */
export function isoDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return isoDay(dayNumber(day) + days);
}

/** Months since January 1970 for an ISO day or month (`2020-01-07` and `2020-01` give 600). */
export function monthNumber(isoDayOrMonth: string): number {
  return (Number(isoDayOrMonth.slice(0, 4)) - 1970) * 12 + Number(isoDayOrMonth.slice(5, 7)) - 1;
}

/** The first day of a month number, as an ISO day (600 gives `2020-01-01`). */
export function monthStart(month: number): string {
  const year = 1970 + Math.floor(month / 12);
  return `${String(year).padStart(4, "0")}-${String(month - (year - 1970) * 12 + 1).padStart(2, "0")}-01`;
}

/** The first and last ISO day of a month number: the day before the next month starts, so leap years come from the calendar. */
export function monthDays(month: number): { start: string; end: string } {
  return { start: monthStart(month), end: isoDay(dayNumber(monthStart(month + 1)) - 1) };
}
