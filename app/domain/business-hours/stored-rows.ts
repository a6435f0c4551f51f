// A schedule as the database stores it (one row per interval, day 0 = holidays' own hours)
// and as the business-hours module reads it. The one mapping both ways: the public desk
// block, the hours editor and the inquiry clocks read stored rows through it, so the editor
// checks exactly what the desk block will show. Intervals come out sorted by opening, however
// the database returned them.
import type { HolidayRule, IsoWeekday, OpenInterval, WeeklySchedule } from "./types";

export const HOLIDAY_DAY = 0;
export const WEEKDAYS: readonly IsoWeekday[] = [1, 2, 3, 4, 5, 6, 7];
export const HOLIDAY_RULES = ["closed", "as-weekday", "own-hours"] as const satisfies ReadonlyArray<HolidayRule["kind"]>;

export interface IntervalRow {
  day: number;
  opensAt: number;
  closesAt: number;
}

export interface ScheduleRow {
  effectiveFrom: string;
  effectiveUntil: string | null;
  holidayRule: string;
  intervals: IntervalRow[];
}

export function emptyWeek(): Record<IsoWeekday, OpenInterval[]> {
  return { 1: [], 2: [], 3: [], 4: [], 5: [], 6: [], 7: [] };
}

function byOpening(a: OpenInterval, b: OpenInterval): number {
  return a.opensAt - b.opensAt || a.closesAt - b.closesAt;
}

export function scheduleFromRow(row: ScheduleRow): WeeklySchedule {
  const week = emptyWeek();
  const holidayIntervals: OpenInterval[] = [];
  for (const { day, opensAt, closesAt } of row.intervals) {
    if (day === HOLIDAY_DAY) holidayIntervals.push({ opensAt, closesAt });
    else week[day as IsoWeekday]?.push({ opensAt, closesAt });
  }
  for (const day of WEEKDAYS) week[day].sort(byOpening);
  holidayIntervals.sort(byOpening);
  const holidays: HolidayRule =
    row.holidayRule === "as-weekday"
      ? { kind: "as-weekday" }
      : row.holidayRule === "own-hours"
        ? { kind: "own-hours", intervals: holidayIntervals }
        : { kind: "closed" };
  return { effectiveFrom: row.effectiveFrom, effectiveUntil: row.effectiveUntil, week, holidays };
}

export function rowOfSchedule(schedule: WeeklySchedule): ScheduleRow {
  const intervals: IntervalRow[] = WEEKDAYS.flatMap((day) =>
    [...schedule.week[day]].sort(byOpening).map(({ opensAt, closesAt }) => ({ day, opensAt, closesAt })),
  );
  if (schedule.holidays.kind === "own-hours") {
    intervals.push(...[...schedule.holidays.intervals].sort(byOpening).map(({ opensAt, closesAt }) => ({ day: HOLIDAY_DAY, opensAt, closesAt })));
  }
  return {
    effectiveFrom: schedule.effectiveFrom,
    effectiveUntil: schedule.effectiveUntil,
    holidayRule: schedule.holidays.kind,
    intervals,
  };
}
