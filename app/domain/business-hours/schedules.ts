import type { ChannelHours, LocalDate, WeeklySchedule } from "./types";

function covers(schedule: WeeklySchedule, date: LocalDate): boolean {
  return schedule.effectiveFrom <= date && (schedule.effectiveUntil === null || date <= schedule.effectiveUntil);
}

/**
 * The schedule in effect on `date`. Schedules should not overlap (see scheduleProblems); if they
 * do anyway, the one that started latest wins, as it is most likely the intended replacement.
 */
export function scheduleOn(hours: ChannelHours, date: LocalDate): WeeklySchedule | null {
  let found: WeeklySchedule | null = null;
  for (const schedule of hours.schedules) {
    if (covers(schedule, date) && (found === null || schedule.effectiveFrom > found.effectiveFrom)) {
      found = schedule;
    }
  }
  return found;
}

/** The earliest schedule starting after `date`, to announce a coming change of hours. */
export function upcomingSchedule(hours: ChannelHours, date: LocalDate): WeeklySchedule | null {
  let found: WeeklySchedule | null = null;
  for (const schedule of hours.schedules) {
    if (schedule.effectiveFrom > date && (found === null || schedule.effectiveFrom < found.effectiveFrom)) {
      found = schedule;
    }
  }
  return found;
}
