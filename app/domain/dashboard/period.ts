// The period the dashboard counts over: whole calendar days in the desk's time zone, from
// the first to the last inclusive, cut into buckets for the charts (days, or weeks when a
// day per bar would make the chart unreadable). Pure: the caller passes the zone and now.
import * as z from "zod";
import { addLocalDays, localDateOf, type LocalDate } from "~/domain/business-hours";
import { isLocalDate } from "~/domain/business-hours/calendar";
import { wallClockFor } from "~/domain/business-hours/wall-clock";

/** What the dashboard shows before anyone picks a period: the last 30 days, today included. */
export const DEFAULT_PERIOD_DAYS = 30;
/** A year and a day: a desk's whole life, including a leap year. */
export const MAX_PERIOD_DAYS = 366;
/** Up to this many days a bar is a day; beyond, a bar is a week. */
export const MAX_DAILY_BUCKETS = 92;

export interface Period {
  from: LocalDate;
  to: LocalDate;
}

export interface Bucket {
  /** The first local day the bucket counts (its label). */
  day: LocalDate;
  /** [start, end) as instants: local midnight to local midnight. */
  start: Date;
  end: Date;
}

export interface Buckets {
  /** 1 (a bar per day) or 7 (a bar per week, the last one possibly shorter). */
  days: 1 | 7;
  list: Bucket[];
  /** The period as instants: from's midnight to the midnight after `to`. */
  start: Date;
  end: Date;
}

const MS_PER_DAY = 86_400_000;

/** Calendar days from `from` to `to`, both counted. */
export function periodLength({ from, to }: Period): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / MS_PER_DAY) + 1;
}

export function defaultPeriod(now: Date, timeZone: string): Period {
  const to = localDateOf(now, timeZone);
  return { from: addLocalDays(to, -(DEFAULT_PERIOD_DAYS - 1)), to };
}

const localDate = (message: string) => z.string({ error: message }).trim().refine(isLocalDate, message);

/** The period form (GET): both days, the first not after the last, a year at most. Messages are i18n keys. */
export const PeriodSchema = z
  .object({
    from: localDate("dashboard:errors.fromInvalid"),
    to: localDate("dashboard:errors.toInvalid"),
  })
  .superRefine((period, context) => {
    if (!isLocalDate(period.from) || !isLocalDate(period.to)) return; // already refused; Date.parse would roll 02-30 into March
    const length = periodLength(period);
    if (length < 1) context.addIssue({ code: "custom", path: ["to"], message: "dashboard:errors.toBeforeFrom" });
    else if (length > MAX_PERIOD_DAYS) context.addIssue({ code: "custom", path: ["to"], message: "dashboard:errors.tooLong" });
  });

export function bucketsOf(period: Period, timeZone: string): Buckets {
  const clock = wallClockFor(timeZone);
  const midnight = (day: LocalDate) => new Date(clock.instantOf(day, 0));
  const length = periodLength(period);
  const days: 1 | 7 = length <= MAX_DAILY_BUCKETS ? 1 : 7;
  const afterLast = addLocalDays(period.to, 1);
  const list: Bucket[] = [];
  for (let offset = 0; offset < length; offset += days) {
    const day = addLocalDays(period.from, offset);
    const next = offset + days < length ? addLocalDays(period.from, offset + days) : afterLast;
    list.push({ day, start: midnight(day), end: midnight(next) });
  }
  return { days, list, start: midnight(period.from), end: midnight(afterLast) };
}
