// How repeated sign-in failures are slowed, then refused, so that guessing is stopped and
// nobody else can lock a staff member out (OWASP's authentication guidance: lock the pair of
// account and client, not the account; device cookies). A browser the account signed in from
// before carries a device cookie, and its failures count for that browser alone. Any other
// attempt counts for the pair of account and client, which is where a guesser is stopped;
// for the account across all such clients, with NIST's cap of 100 failures, which only
// browsers without the cookie feel; and for the client (a whole office may share one
// address, so it gets more room). Every count that applies is checked. Wrong codes after the
// right password count for the account on their own, ten at most: only someone holding the
// password can drive that count, and a stolen password must not buy a hundred guesses at a
// six-digit code. Counts restart after a quiet window.
export const FAILURE_WINDOW_MS = 15 * 60_000;
export const LOCK_MS = 15 * 60_000;
const BASE_DELAY_MS = 250;
const MAX_DELAY_MS = 2_000;

export type ThrottleKind = "device" | "pair" | "account" | "client" | "second-factor";
export const LIMITS: Record<ThrottleKind, { slowAfter: number; lockAfter: number }> = {
  device: { slowAfter: 3, lockAfter: 10 },
  pair: { slowAfter: 3, lockAfter: 10 },
  account: { slowAfter: 20, lockAfter: 100 },
  client: { slowAfter: 20, lockAfter: 100 },
  "second-factor": { slowAfter: 10, lockAfter: 10 },
};

/**
 * The counts an attempt is judged by: its browser's own, or those of a browser unknown to the
 * account (which also face the count of wrong codes, once the password is right).
 */
export function throttleKinds(knownDevice: boolean): Array<Exclude<ThrottleKind, "second-factor">> {
  return knownDevice ? ["device"] : ["pair", "account", "client"];
}

/** Whether this many attempts within the window (this one included) is past the kind's limit. */
export function pastLimit(kind: ThrottleKind, attempts: number): boolean {
  return attempts > LIMITS[kind].lockAfter;
}

/** The pause before answering, given the failures already counted. */
export function delayFor(kind: ThrottleKind, failures: number): number {
  const { slowAfter } = LIMITS[kind];
  if (failures < slowAfter) return 0;
  return Math.min(BASE_DELAY_MS * 2 ** (failures - slowAfter), MAX_DELAY_MS);
}

/** Counts after one more attempt at `now`: the window restarts after a quiet one. */
export function afterAttempt(current: { failures: number; windowStart: Date } | null, now: Date): { failures: number; windowStart: Date } {
  const fresh = !current || now.getTime() - current.windowStart.getTime() > FAILURE_WINDOW_MS;
  return fresh ? { failures: 1, windowStart: now } : { failures: current.failures + 1, windowStart: current.windowStart };
}

/** The failure count (confirmed, this one included) from which a key is locked. */
export function lockThreshold(kind: ThrottleKind): number {
  return LIMITS[kind].lockAfter;
}

/** When a lock set at `now` ends. */
export function lockEndsAt(now: Date): Date {
  return new Date(now.getTime() + LOCK_MS);
}
