import { addDays } from "./calendar";
import { horizonOf, walkOpenSpans } from "./spans";
import type { ChannelHours } from "./types";
import { wallClockFor } from "./wall-clock";

export interface DeskStatus {
  open: boolean;
  /** Next closing when open, next opening when closed; null if none within the search horizon. */
  changesAt: Date | null;
}

export function isOpenAt(hours: ChannelHours, at: Date): boolean {
  const clock = wallClockFor(hours.timeZone);
  // A span containing `at` starts on its local date or before; one more day covers a fall-back
  // that steps back over midnight (see openSpans).
  const lastDate = addDays(clock.localDateAt(at.getTime()), 1);
  const first = walkOpenSpans(hours, clock, at, lastDate).next();
  return !first.done && first.value.start <= at;
}

/** If closed, the start of the next span; if open, the start of the first span after this one ends. */
export function nextOpening(hours: ChannelHours, at: Date): Date | null {
  const clock = wallClockFor(hours.timeZone);
  for (const span of walkOpenSpans(hours, clock, at, horizonOf(clock, at))) {
    if (span.start > at) return span.start;
  }
  return null;
}

/** If open, the end of the current merged span; if closed, the end of the next span. */
export function nextClosing(hours: ChannelHours, at: Date): Date | null {
  const clock = wallClockFor(hours.timeZone);
  const first = walkOpenSpans(hours, clock, at, horizonOf(clock, at)).next();
  return first.done || first.value.mayContinue ? null : first.value.end;
}

export function deskStatus(hours: ChannelHours, at: Date): DeskStatus {
  const clock = wallClockFor(hours.timeZone);
  const first = walkOpenSpans(hours, clock, at, horizonOf(clock, at)).next();
  if (first.done) return { open: false, changesAt: null };
  const span = first.value;
  if (span.start > at) return { open: false, changesAt: span.start };
  return { open: true, changesAt: span.mayContinue ? null : span.end };
}
