import { horizonOf, openSpans, walkOpenSpans } from "./spans";
import type { ChannelHours } from "./types";
import { wallClockFor } from "./wall-clock";

const MS_PER_MINUTE = 60_000;

/** Open minutes (possibly fractional) in [from, to); the negative of the reverse when to < from. */
export function businessMinutesBetween(hours: ChannelHours, from: Date, to: Date): number {
  if (to < from) return -businessMinutesBetween(hours, to, from);
  let openMs = 0;
  for (const span of openSpans(hours, from, to)) openMs += span.end.getTime() - span.start.getTime();
  return openMs / MS_PER_MINUTE;
}

/**
 * The instant at which `minutes` business minutes have elapsed counting from `from` (from the
 * next opening if closed then). Landing exactly on a closing gives that closing, not the next
 * opening. Null if the minutes do not run out within the search horizon.
 */
export function addBusinessMinutes(hours: ChannelHours, from: Date, minutes: number): Date | null {
  // Written this way round so that NaN is rejected too.
  if (!(minutes >= 0)) {
    throw new RangeError(`business minutes must be zero or more, got ${minutes}`);
  }
  if (minutes === 0) return new Date(from.getTime());

  const clock = wallClockFor(hours.timeZone);
  let remainingMs = minutes * MS_PER_MINUTE;
  for (const span of walkOpenSpans(hours, clock, from, horizonOf(clock, from))) {
    const countFrom = Math.max(span.start.getTime(), from.getTime());
    const availableMs = span.end.getTime() - countFrom;
    if (remainingMs <= availableMs) return new Date(countFrom + remainingMs);
    remainingMs -= availableMs;
  }
  return null;
}
