import { isLocalDate } from "./calendar";
import type { ChannelHours, IsoWeekday, OpenInterval, WeeklySchedule } from "./types";
import { isValidTimeZone } from "./time-zone";

const MINUTES_PER_DAY = 1440;

/** Which interval list of a schedule: a weekday's or the holiday rule's own hours. */
export type IntervalListKey = IsoWeekday | "holiday";

/**
 * Machine-readable problems for a staff editor to phrase in Japanese or English. Indexes point
 * into hours.schedules / hours.closures / the interval list.
 */
export type ScheduleProblem =
  | { code: "bad-time-zone"; timeZone: string }
  | {
      code: "bad-date";
      field: "effectiveFrom" | "effectiveUntil";
      scheduleIndex: number;
      value: string;
    }
  | { code: "bad-date"; field: "startsOn" | "endsOn"; closureIndex: number; value: string }
  | {
      code: "schedule-reversed";
      scheduleIndex: number;
      effectiveFrom: string;
      effectiveUntil: string;
    }
  | {
      code: "interval-out-of-range";
      scheduleIndex: number;
      day: IntervalListKey;
      intervalIndex: number;
      interval: OpenInterval;
    }
  | {
      code: "intervals-overlap";
      scheduleIndex: number;
      day: IntervalListKey;
      intervalIndexes: [number, number];
    }
  | { code: "schedules-overlap"; scheduleIndexes: [number, number] }
  | { code: "closure-reversed"; closureIndex: number; startsOn: string; endsOn: string };

const WEEKDAYS: readonly IsoWeekday[] = [1, 2, 3, 4, 5, 6, 7];

/** Whole minutes, opening within the day, closing after opening and at most 24 hours later. */
function isInRange({ opensAt, closesAt }: OpenInterval): boolean {
  return (
    Number.isInteger(opensAt) &&
    Number.isInteger(closesAt) &&
    opensAt >= 0 &&
    opensAt < MINUTES_PER_DAY &&
    closesAt > opensAt &&
    closesAt <= opensAt + MINUTES_PER_DAY
  );
}

/** Touching (12:00 close, 12:00 open) is fine: the spans simply merge. */
function overlaps(a: OpenInterval, b: OpenInterval): boolean {
  return a.opensAt < b.closesAt && b.opensAt < a.closesAt;
}

function intervalListProblems(scheduleIndex: number, day: IntervalListKey, intervals: OpenInterval[]): ScheduleProblem[] {
  const problems: ScheduleProblem[] = [];
  intervals.forEach((interval, intervalIndex) => {
    if (!isInRange(interval)) {
      problems.push({ code: "interval-out-of-range", scheduleIndex, day, intervalIndex, interval });
    }
  });
  intervals.forEach((a, i) => {
    intervals.forEach((b, j) => {
      if (i < j && isInRange(a) && isInRange(b) && overlaps(a, b)) {
        problems.push({ code: "intervals-overlap", scheduleIndex, day, intervalIndexes: [i, j] });
      }
    });
  });
  return problems;
}

function scheduleDateProblems(schedule: WeeklySchedule, scheduleIndex: number): ScheduleProblem[] {
  const { effectiveFrom, effectiveUntil } = schedule;
  const problems: ScheduleProblem[] = [];
  if (!isLocalDate(effectiveFrom)) {
    problems.push({
      code: "bad-date",
      field: "effectiveFrom",
      scheduleIndex,
      value: effectiveFrom,
    });
  }
  if (effectiveUntil !== null && !isLocalDate(effectiveUntil)) {
    problems.push({
      code: "bad-date",
      field: "effectiveUntil",
      scheduleIndex,
      value: effectiveUntil,
    });
  }
  if (problems.length === 0 && effectiveUntil !== null && effectiveUntil < effectiveFrom) {
    problems.push({ code: "schedule-reversed", scheduleIndex, effectiveFrom, effectiveUntil });
  }
  return problems;
}

function schedulesOverlap(a: WeeklySchedule, b: WeeklySchedule): boolean {
  const aStartsBeforeBEnds = b.effectiveUntil === null || a.effectiveFrom <= b.effectiveUntil;
  const bStartsBeforeAEnds = a.effectiveUntil === null || b.effectiveFrom <= a.effectiveUntil;
  return aStartsBeforeBEnds && bStartsBeforeAEnds;
}

/** Everything wrong with `hours`; an empty list means the other functions can rely on it. */
export function scheduleProblems(hours: ChannelHours): ScheduleProblem[] {
  const problems: ScheduleProblem[] = [];
  if (!isValidTimeZone(hours.timeZone)) {
    problems.push({ code: "bad-time-zone", timeZone: hours.timeZone });
  }

  const datedSchedules: Array<{ schedule: WeeklySchedule; index: number }> = [];
  hours.schedules.forEach((schedule, index) => {
    const dateProblems = scheduleDateProblems(schedule, index);
    problems.push(...dateProblems);
    if (dateProblems.length === 0) datedSchedules.push({ schedule, index });
    for (const day of WEEKDAYS) {
      problems.push(...intervalListProblems(index, day, schedule.week[day]));
    }
    if (schedule.holidays.kind === "own-hours") {
      problems.push(...intervalListProblems(index, "holiday", schedule.holidays.intervals));
    }
  });

  datedSchedules.forEach((a, i) => {
    datedSchedules.slice(i + 1).forEach((b) => {
      if (schedulesOverlap(a.schedule, b.schedule)) {
        problems.push({ code: "schedules-overlap", scheduleIndexes: [a.index, b.index] });
      }
    });
  });

  hours.closures.forEach(({ startsOn, endsOn }, closureIndex) => {
    const startsOk = isLocalDate(startsOn);
    const endsOk = isLocalDate(endsOn);
    if (!startsOk) {
      problems.push({ code: "bad-date", field: "startsOn", closureIndex, value: startsOn });
    }
    if (!endsOk) {
      problems.push({ code: "bad-date", field: "endsOn", closureIndex, value: endsOn });
    }
    if (startsOk && endsOk && endsOn < startsOn) {
      problems.push({ code: "closure-reversed", closureIndex, startsOn, endsOn });
    }
  });
  return problems;
}
