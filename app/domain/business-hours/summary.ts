import type { IsoWeekday, OpenInterval, WeeklySchedule } from "./types";

export interface WeekdayGroup {
  days: IsoWeekday[];
  intervals: OpenInterval[];
}

const MONDAY_FIRST: readonly IsoWeekday[] = [1, 2, 3, 4, 5, 6, 7];

function sortedIntervals(intervals: OpenInterval[]): OpenInterval[] {
  return intervals.map((interval) => ({ ...interval })).sort((a, b) => a.opensAt - b.opensAt || a.closesAt - b.closesAt);
}

function sameIntervals(a: OpenInterval[], b: OpenInterval[]): boolean {
  return a.length === b.length && a.every((interval, i) => interval.opensAt === b[i]?.opensAt && interval.closesAt === b[i]?.closesAt);
}

/**
 * Monday-first runs of consecutive weekdays with identical hours, closed days included (empty
 * intervals), for lines like "Mon–Fri 9:00–21:00 / Sat–Sun 9:00–18:00". Runs do not wrap from
 * Sunday to Monday, so the groups read in calendar order. The holiday rule is shown separately.
 */
export function summarizeWeek(schedule: WeeklySchedule): WeekdayGroup[] {
  const groups: WeekdayGroup[] = [];
  for (const day of MONDAY_FIRST) {
    const intervals = sortedIntervals(schedule.week[day]);
    const last = groups.at(-1);
    if (last !== undefined && sameIntervals(last.intervals, intervals)) last.days.push(day);
    else groups.push({ days: [day], intervals });
  }
  return groups;
}
