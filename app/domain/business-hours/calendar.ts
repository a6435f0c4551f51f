import type { IsoWeekday, LocalDate } from "./types";

// Pure calendar arithmetic on 'YYYY-MM-DD' strings. Dates carry no time zone, so plain UTC
// Date maths is exact here and much cheaper than building a luxon DateTime for every day walked.

const LOCAL_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const MS_PER_DAY = 86_400_000;

/** Midnight UTC of the date, used only as a day counter. */
function utcMidnightOf(date: LocalDate): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

/** True for a real calendar date written 'YYYY-MM-DD' (rejects '2019-02-30', years before 1000). */
export function isLocalDate(value: string): boolean {
  if (!LOCAL_DATE_PATTERN.test(value) || value < "1000") return false;
  const ms = utcMidnightOf(value);
  return !Number.isNaN(ms) && dateOfWallTime(ms) === value;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return dateOfWallTime(utcMidnightOf(date) + days * MS_PER_DAY);
}

export function weekdayOf(date: LocalDate): IsoWeekday {
  const sundayBased = new Date(utcMidnightOf(date)).getUTCDay();
  return (sundayBased === 0 ? 7 : sundayBased) as IsoWeekday;
}

/** Wall-clock reading `minutes` after midnight of `date`, expressed as if it were a UTC instant. */
export function wallTimeAsUtc(date: LocalDate, minutes: number): number {
  return utcMidnightOf(date) + minutes * 60_000;
}

/** The calendar date of a wall-clock reading produced the same way as wallTimeAsUtc. */
export function dateOfWallTime(wallMs: number): LocalDate {
  return new Date(wallMs).toISOString().slice(0, 10);
}
