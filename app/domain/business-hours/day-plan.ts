import { addDays, weekdayOf } from "./calendar";
import { holidayCheckOf } from "./holidays";
import { scheduleOn } from "./schedules";
import type { ChannelHours, IsoWeekday, LocalDate, OpenInterval, WeeklySchedule } from "./types";

const MINUTES_PER_DAY = 1440;

/** What one local day looks like once schedule, holiday rule and closures are applied. */
export interface DayPlan {
  date: LocalDate;
  weekday: IsoWeekday;
  holiday: boolean;
  /** Removed by a closure. */
  closed: boolean;
  /**
   * Intervals starting that day, sorted by opening. One crossing midnight into a closed day is cut
   * at 1440, because the closure removes that whole next day.
   */
  intervals: OpenInterval[];
}

function isClosedOn(hours: ChannelHours, date: LocalDate): boolean {
  return hours.closures.some((closure) => closure.startsOn <= date && date <= closure.endsOn);
}

function intervalsBeforeClosures(schedule: WeeklySchedule, weekday: IsoWeekday, holiday: boolean): OpenInterval[] {
  if (!holiday) return schedule.week[weekday];
  switch (schedule.holidays.kind) {
    case "closed":
      return [];
    case "as-weekday":
      return schedule.week[weekday];
    case "own-hours":
      return schedule.holidays.intervals;
  }
}

export function planForDay(hours: ChannelHours, date: LocalDate): DayPlan {
  const weekday = weekdayOf(date);
  const holiday = holidayCheckOf(hours)(date);
  const closed = isClosedOn(hours, date);
  const schedule = closed ? null : scheduleOn(hours, date);
  if (schedule === null) return { date, weekday, holiday, closed, intervals: [] };

  const planned = intervalsBeforeClosures(schedule, weekday, holiday);
  const crossesIntoClosure = planned.some((interval) => interval.closesAt > MINUTES_PER_DAY) && isClosedOn(hours, addDays(date, 1));
  const intervals = planned
    .map((interval) => (crossesIntoClosure && interval.closesAt > MINUTES_PER_DAY ? { opensAt: interval.opensAt, closesAt: MINUTES_PER_DAY } : { ...interval }))
    .sort((a, b) => a.opensAt - b.opensAt);
  return { date, weekday, holiday, closed, intervals };
}

/** Day-by-day preview ("next 14 days") starting with `from`. */
export function daysAhead(hours: ChannelHours, from: LocalDate, count: number): DayPlan[] {
  const days: DayPlan[] = [];
  for (let offset = 0; offset < count; offset++) {
    days.push(planForDay(hours, addDays(from, offset)));
  }
  return days;
}
