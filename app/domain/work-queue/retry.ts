// When failed background work is tried again, for every queue the app works through (the
// outbox, the deletion webhook, the check answers, deletion execution) and how long a claim on
// an item lasts. Quickly at first, then less and less often, so a server that is down for
// hours gets the work once it returns without being hammered.

/**
 * The longest pause between two attempts, as a multiple of the first (30 min with the default
 * 30 s). A multiple rather than a fixed time, so that scaling the base scales the whole
 * schedule: a test can run an hour of it in a minute and still mean the same thing.
 */
export const MAX_DELAY_IN_BASES = 60;

/** How a queue tries a failed item again. */
export interface RetrySchedule {
  /** The first pause; it doubles with each failure up to MAX_DELAY_IN_BASES times itself. */
  baseMs: number;
  /** After this many failed attempts the item is given up; null: tried until it succeeds. */
  maxAttempts: number | null;
}

/** The pause after the given number of failed attempts (1 = the first failure). */
export function retryDelayMs(failedAttempts: number, baseMs: number): number {
  const exponent = Math.min(Math.max(failedAttempts - 1, 0), 30);
  return Math.min(baseMs * 2 ** exponent, baseMs * MAX_DELAY_IN_BASES);
}

/** When to try again after `failedAttempts` failures (counting the one just now); null when it is given up. */
export function nextAttemptAt(schedule: RetrySchedule, failedAttempts: number, now: Date): Date | null {
  if (schedule.maxAttempts !== null && failedAttempts >= schedule.maxAttempts) return null;
  return new Date(now.getTime() + retryDelayMs(failedAttempts, schedule.baseMs));
}

/**
 * The end of a claim taken at `now`. An instance that dies (or hangs) while holding an item
 * leaves it claimed until then; after that, any instance may claim it again.
 */
export function claimEnd(now: Date, claimMs: number): Date {
  return new Date(now.getTime() + claimMs);
}
