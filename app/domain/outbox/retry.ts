// When a failed send is tried again: quickly at first, then less and less often, so a
// mail server that is down for hours gets the mail once it returns without being hammered.

/** The longest pause between two attempts. */
export const MAX_RETRY_DELAY_MS = 30 * 60_000;
/** After this many failed attempts (about two days with the default base) the mail is given up. */
export const MAX_ATTEMPTS = 100;

/** The pause after the given number of failed attempts (1 = the first failure). */
export function retryDelayMs(failedAttempts: number, baseMs: number): number {
  const exponent = Math.min(Math.max(failedAttempts - 1, 0), 30);
  return Math.min(baseMs * 2 ** exponent, MAX_RETRY_DELAY_MS);
}

export function shouldGiveUp(failedAttempts: number): boolean {
  return failedAttempts >= MAX_ATTEMPTS;
}
