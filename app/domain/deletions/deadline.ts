// The deadline of a deletion request: a number of calendar days counted from the day it
// was received, in the desk's time zone, ending with the last of those days.
import { addLocalDays, localDateOf, type LocalDate } from "~/domain/business-hours";
import { wallClockFor } from "~/domain/business-hours/wall-clock";

export const DEFAULT_DEADLINE_DAYS = 30;
export const DEADLINE_DAYS_RANGE = { min: 1, max: 365 } as const;
export const DEFAULT_EXECUTION_DELAY_HOURS = 24;
export const EXECUTION_DELAY_RANGE = { min: 0, max: 720 } as const;

/**
 * The instant the deadline passes: midnight after the last day. Received on 1 December
 * with 30 days, the last day is 31 December, so the request is due before 1 January 00:00.
 */
export function deletionDueAt(receivedAt: Date, days: number, timeZone: string): Date {
  const lastDay = addLocalDays(localDateOf(receivedAt, timeZone), days);
  return new Date(wallClockFor(timeZone).instantOf(addLocalDays(lastDay, 1), 0));
}

/** The last day of the deadline, as people are told it. */
export function lastDayOf(dueAt: Date, timeZone: string): LocalDate {
  return localDateOf(new Date(dueAt.getTime() - 1), timeZone);
}

/** Whole calendar days from `now`'s day to the last day: 0 on the day itself, negative once past. */
export function daysLeft(dueAt: Date, now: Date, timeZone: string): number {
  const from = Date.parse(`${localDateOf(now, timeZone)}T00:00:00Z`);
  const to = Date.parse(`${lastDayOf(dueAt, timeZone)}T00:00:00Z`);
  return Math.round((to - from) / 86_400_000);
}

/** When an approved request is carried out. */
export function executionTime(approvedAt: Date, delayHours: number): Date {
  return new Date(approvedAt.getTime() + delayHours * 60 * 60_000);
}
