// What an audit entry says about a change of hours: a flat, readable snapshot of the
// schedule or closure, and for an edit only the fields that changed, before and after.
import type { WeeklySchedule } from "~/domain/business-hours";
import { intervalsToText } from "./parse-intervals";

type Snapshot = Record<string, string | null>;

const DAY_NAMES = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

export function scheduleSnapshot(schedule: WeeklySchedule): Snapshot {
  const snapshot: Snapshot = {
    effectiveFrom: schedule.effectiveFrom,
    effectiveUntil: schedule.effectiveUntil,
    holidayRule: schedule.holidays.kind,
  };
  DAY_NAMES.forEach((name, index) => {
    snapshot[name] = intervalsToText(schedule.week[(index + 1) as 1 | 2 | 3 | 4 | 5 | 6 | 7]) || "closed";
  });
  snapshot.holidayHours = schedule.holidays.kind === "own-hours" ? intervalsToText(schedule.holidays.intervals) : null;
  return snapshot;
}

export function changesBetween<T extends Record<string, string | null>>(before: T, after: T): Record<string, { from: string | null; to: string | null }> {
  const changes: Record<string, { from: string | null; to: string | null }> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const from = before[key] ?? null;
    const to = after[key] ?? null;
    if (from !== to) changes[key] = { from, to };
  }
  return changes;
}
