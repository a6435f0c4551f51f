// When a failed send is tried again: quickly at first, then less and less often, so a
// mail server that is down for hours gets the mail once it returns without being hammered.

/**
 * The longest pause between two attempts, as a multiple of the first (30 min with the default
 * 30 s). A multiple rather than a fixed time, so that scaling the base scales the whole
 * schedule: a test can run an hour of it in a minute and still mean the same thing.
 */
export const MAX_DELAY_IN_BASES = 60;
/** After this many failed attempts (about two days with any base, see the tests) the mail is given up. */
export const MAX_ATTEMPTS = 100;

/** The pause after the given number of failed attempts (1 = the first failure). */
export function retryDelayMs(failedAttempts: number, baseMs: number): number {
  const exponent = Math.min(Math.max(failedAttempts - 1, 0), 30);
  return Math.min(baseMs * 2 ** exponent, baseMs * MAX_DELAY_IN_BASES);
}

export function shouldGiveUp(failedAttempts: number): boolean {
  return failedAttempts >= MAX_ATTEMPTS;
}
