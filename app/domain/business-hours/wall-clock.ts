import { IANAZone } from "luxon";
import { addDays, dateOfWallTime, wallTimeAsUtc } from "./calendar";
import type { LocalDate } from "./types";

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

/** Converts between instants (epoch ms) and the desk's wall clock in one IANA zone. */
export interface WallClock {
  /**
   * The first instant at which the wall clock reads `minutes` after midnight of `date`, or later.
   * That is the time itself normally, the earlier occurrence of an ambiguous (fall-back) time,
   * and the end of the gap for a time skipped by spring-forward. `minutes` may exceed 1440.
   */
  instantOf(date: LocalDate, minutes: number): number;
  localDateAt(instant: number): LocalDate;
}

/**
 * Luxon's own fromObject resolves ambiguous times with an offset guessed from the current date
 * and shifts gap times forward by the gap length, so the instant is resolved here from luxon's
 * zone offsets instead. Each offset lookup goes through Intl and costs microseconds, so offsets
 * are checked once per calendar day and reused while the zone keeps one offset around that day.
 */
export function wallClockFor(timeZone: string): WallClock {
  const zone = IANAZone.create(timeZone);
  const offsetMs = (instant: number): number => zone.offset(instant) * MS_PER_MINUTE;
  const steadyOffsetByDate = new Map<LocalDate, number | null>();

  // Intervals starting on `date` end before the wall clock reaches date + 2 days. Offsets lie
  // within ±14 h, so probing a full day either side of that window brackets every instant of it;
  // equal offsets there mean no change in between, as no zone changes twice within four days.
  function steadyOffsetAround(date: LocalDate): number | null {
    let steady = steadyOffsetByDate.get(date);
    if (steady === undefined) {
      const before = offsetMs(wallTimeAsUtc(addDays(date, -1), 0));
      const after = offsetMs(wallTimeAsUtc(addDays(date, 3), 0));
      steady = before === after ? before : null;
      steadyOffsetByDate.set(date, steady);
    }
    return steady;
  }

  return {
    instantOf(date, minutes) {
      const steady = steadyOffsetAround(date);
      const wallMs = wallTimeAsUtc(date, minutes);
      return steady === null ? resolveNearTransition(offsetMs, wallMs) : wallMs - steady;
    },
    localDateAt(instant) {
      return dateOfWallTime(instant + offsetMs(instant));
    },
  };
}

/** Assumes at most one offset change within a day of the wall time, as in every real zone. */
function resolveNearTransition(offsetMs: (instant: number) => number, wallMs: number): number {
  const offsetBefore = offsetMs(wallMs - MS_PER_DAY);
  const offsetAfter = offsetMs(wallMs + MS_PER_DAY);
  const readsWallTime = (instant: number) => instant + offsetMs(instant) === wallMs;

  // Larger offset first: in a fall-back overlap that is the earlier of the two occurrences.
  const candidates = [wallMs - Math.max(offsetBefore, offsetAfter), wallMs - Math.min(offsetBefore, offsetAfter)];
  const existing = candidates.find(readsWallTime);
  if (existing !== undefined) return existing;

  // Spring-forward gap: the transition lies in (wallMs - offsetAfter, wallMs - offsetBefore];
  // find the first instant on the new offset.
  let stillOld = wallMs - offsetAfter;
  let alreadyNew = wallMs - offsetBefore;
  while (alreadyNew - stillOld > 1) {
    const middle = Math.floor((stillOld + alreadyNew) / 2);
    if (offsetMs(middle) === offsetBefore) stillOld = middle;
    else alreadyNew = middle;
  }
  return alreadyNew;
}
