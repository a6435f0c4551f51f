// How fast a campaign hands its mails to the outbox: a rate in mails per minute, reached over
// a ramp-up from a tenth of it, so a mail provider sees a new sender grow instead of a burst.
export const RATE_RANGE = { min: 1, max: 100_000 } as const;
export const RAMP_UP_RANGE = { min: 0, max: 24 * 60 } as const;

/** The first rate of a ramp, as a share of the full rate. */
const RAMP_START = 0.1;
/** Time not used for more than a minute is not made up for: a pause or a stall never ends in a burst. */
const MAX_CATCH_UP_MS = 60_000;

export interface Pace {
  ratePerMinute: number;
  rampUpMinutes: number;
}

/** Mails per minute `sinceStartMs` after sending began. */
export function rateAt(pace: Pace, sinceStartMs: number): number {
  if (pace.rampUpMinutes <= 0) return pace.ratePerMinute;
  const share = Math.min(1, Math.max(0, sinceStartMs) / (pace.rampUpMinutes * 60_000));
  return pace.ratePerMinute * (RAMP_START + (1 - RAMP_START) * share);
}

/**
 * The next hand-over to the outbox: how many mails (at most `max`) the time since the last one
 * allows at this point of the ramp, and the clock to keep for the next. The clock advances by
 * the time those mails were worth, not to now: a fraction of a mail, or what didn't fit under
 * `max`, waits for the next look instead of being lost.
 */
export function nextHandOver(pace: Pace, at: { startedAt: Date; releasedAt: Date; now: Date }, max: number): { count: number; releasedAt: Date } {
  const now = at.now.getTime();
  const from = Math.max(at.releasedAt.getTime(), now - MAX_CATCH_UP_MS);
  const rate = rateAt(pace, now - at.startedAt.getTime());
  const count = Math.max(0, Math.min(max, Math.floor((rate * (now - from)) / 60_000)));
  return { count, releasedAt: new Date(count > 0 ? from + (count * 60_000) / rate : at.releasedAt.getTime()) };
}

/** Minutes until `remaining` mails are handed over at this pace, from `sinceStartMs` into the sending; rounded up. */
export function minutesLeft(pace: Pace, remaining: number, sinceStartMs: number): number {
  if (remaining <= 0) return 0;
  let left = remaining;
  let minutes = 0;
  let at = sinceStartMs;
  // Minute by minute through the ramp, then at the full rate.
  while (left > 0 && at < pace.rampUpMinutes * 60_000) {
    left -= rateAt(pace, at);
    at += 60_000;
    minutes++;
  }
  return left > 0 ? minutes + Math.ceil(left / pace.ratePerMinute) : minutes;
}
