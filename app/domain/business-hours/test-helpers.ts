// Builders shared by the *.test.ts files in this folder; kept out of the public index.
import type { ChannelHours, IsoWeekday, OpenInterval, WeeklySchedule } from "./types";

/** "09:00" → 540; hours past 24 are allowed for closings after midnight ("26:00" = 02:00 next day). */
export function minutesOf(hhmm: string): number {
  const [hours, minutes] = hhmm.split(":").map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

export function interval(opens: string, closes: string): OpenInterval {
  return { opensAt: minutesOf(opens), closesAt: minutesOf(closes) };
}

export function week(days: Partial<Record<IsoWeekday, OpenInterval[]>>): Record<IsoWeekday, OpenInterval[]> {
  return { 1: [], 2: [], 3: [], 4: [], 5: [], 6: [], 7: [], ...days };
}

export function weekdaysAndWeekend(weekdays: OpenInterval[], weekend: OpenInterval[]): Record<IsoWeekday, OpenInterval[]> {
  return week({
    1: weekdays,
    2: weekdays,
    3: weekdays,
    4: weekdays,
    5: weekdays,
    6: weekend,
    7: weekend,
  });
}

export function everyDay(intervals: OpenInterval[]): Record<IsoWeekday, OpenInterval[]> {
  return weekdaysAndWeekend(intervals, intervals);
}

export function schedule(overrides: Partial<WeeklySchedule> & Pick<WeeklySchedule, "week">): WeeklySchedule {
  return {
    effectiveFrom: "2000-01-01",
    effectiveUntil: null,
    holidays: { kind: "closed" },
    ...overrides,
  };
}

/** A desk with no public holidays at all, for tests about something else. */
export function hoursWithoutHolidays(timeZone: string, schedules: WeeklySchedule[], closures: ChannelHours["closures"] = []): ChannelHours {
  return { timeZone, schedules, closures, isHoliday: () => false };
}

/** Wall-clock time in Tokyo (no DST, always +09:00): jst("2019-07-31 20:00"). */
export function jst(dateTime: string): Date {
  return new Date(`${dateTime.replace(" ", "T")}:00+09:00`);
}

export function utc(dateTime: string): Date {
  return new Date(`${dateTime.replace(" ", "T")}:00Z`);
}
