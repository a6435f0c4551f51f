/**
 * How business hours become real open spans (half-open [start, end) instants):
 *
 * - An interval belongs to the local date it starts on. Which schedule applies, and whether the
 *   holiday rule applies, is decided by that start date. If no schedule covers a date, nothing
 *   opens on it.
 * - A closure removes the whole local days it covers (00:00–24:00 local), including the parts of
 *   intervals from the day before that cross into them. An interval starting on a closed day is
 *   dropped whole, its after-midnight part included, since it belongs to the closed day.
 * - Local times are wall-clock times in the desk's zone, converted with luxon. An opening/closing
 *   in a spring-forward gap moves to the first valid instant after the gap; an ambiguous time in
 *   a fall-back overlap takes the earlier occurrence. Business minutes are real elapsed minutes
 *   (22:00–02:00 on a spring-forward night lasts 3 real hours). An interval that falls wholly
 *   into a gap opens for zero minutes and so does not open at all.
 * - Spans that touch or overlap (Fri 22:00–Sat 02:00 and Sat 00:00–09:00, or 09:00–12:00 and
 *   12:00–18:00) are merged, so a reported closing is always a real one.
 * - Searches look at intervals starting up to SEARCH_HORIZON_DAYS local days after the day they
 *   start on and give up (null) beyond that; a span still open at the end of that window has no
 *   known closing.
 */
import { addDays } from "./calendar";
import { planForDay } from "./day-plan";
import { scheduleOn, upcomingSchedule } from "./schedules";
import type { ChannelHours, LocalDate, Span } from "./types";
import type { WallClock } from "./wall-clock";
import { wallClockFor } from "./wall-clock";

export const SEARCH_HORIZON_DAYS = 400;

interface InstantRange {
  start: number;
  end: number;
}

export interface WalkedSpan extends Span {
  /** The walk stopped at its last day while this span was still open, so its end is not a real closing. */
  mayContinue: boolean;
}

function rangesStartingOn(hours: ChannelHours, clock: WallClock, date: LocalDate): InstantRange[] {
  const ranges: InstantRange[] = [];
  for (const interval of planForDay(hours, date).intervals) {
    const start = clock.instantOf(date, interval.opensAt);
    const end = clock.instantOf(date, interval.closesAt);
    if (end > start) ranges.push({ start, end });
  }
  return ranges;
}

/** Tomorrow, or when no schedule covers tomorrow, the day the next schedule starts (null: none). */
function nextDayThatMayOpen(hours: ChannelHours, date: LocalDate): LocalDate | null {
  const tomorrow = addDays(date, 1);
  if (scheduleOn(hours, tomorrow) !== null) return tomorrow;
  return upcomingSchedule(hours, tomorrow)?.effectiveFrom ?? null;
}

function toWalkedSpan(range: InstantRange, mayContinue: boolean): WalkedSpan {
  return { start: new Date(range.start), end: new Date(range.end), mayContinue };
}

/**
 * Merged spans that end after `from`, in order, built lazily day by day from the day before
 * `from` through `lastDate`; consumers stop as soon as they have their answer. The first span
 * may start before `from`.
 */
export function* walkOpenSpans(hours: ChannelHours, clock: WallClock, from: Date, lastDate: LocalDate): Generator<WalkedSpan> {
  const fromMs = from.getTime();
  let pending: InstantRange | null = null;
  // Intervals from two days back end before the local midnight that starts `from`'s day.
  const firstDate = addDays(clock.localDateAt(fromMs), -1);
  for (let date: LocalDate | null = firstDate; date !== null && date <= lastDate; date = nextDayThatMayOpen(hours, date)) {
    for (const range of rangesStartingOn(hours, clock, date)) {
      if (pending !== null && range.start <= pending.end) {
        pending.end = Math.max(pending.end, range.end);
        continue;
      }
      if (pending !== null && pending.end > fromMs) yield toWalkedSpan(pending, false);
      pending = range;
    }
  }
  if (pending !== null && pending.end > fromMs) {
    // Days after lastDate open no earlier than their midnight, so only a span reaching it may go on.
    yield toWalkedSpan(pending, pending.end >= clock.instantOf(addDays(lastDate, 1), 0));
  }
}

/** The last local day a search starting at `at` looks at. */
export function horizonOf(clock: WallClock, at: Date): LocalDate {
  return addDays(clock.localDateAt(at.getTime()), SEARCH_HORIZON_DAYS);
}

/** Merged open spans overlapping [from, to), clipped to it. */
export function openSpans(hours: ChannelHours, from: Date, to: Date): Span[] {
  if (to <= from) return [];
  const clock = wallClockFor(hours.timeZone);
  // One day past `to`'s date: a fall-back that steps back over midnight can put `to` after the
  // first instant of the next day, so that day's intervals may start before `to`.
  const lastDate = addDays(clock.localDateAt(to.getTime()), 1);
  const spans: Span[] = [];
  for (const span of walkOpenSpans(hours, clock, from, lastDate)) {
    if (span.start >= to) break;
    spans.push({
      start: span.start < from ? new Date(from.getTime()) : span.start,
      end: span.end > to ? new Date(to.getTime()) : span.end,
    });
  }
  return spans;
}
