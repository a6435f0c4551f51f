// How repeated sign-in failures are slowed, then refused. Counted per account and per
// client, each with its own limits (a client may be a whole office behind one address,
// so it gets more room); both apply. Counts restart after a quiet window.
export const FAILURE_WINDOW_MS = 15 * 60_000;
export const LOCK_MS = 15 * 60_000;
const BASE_DELAY_MS = 250;
const MAX_DELAY_MS = 2_000;

export type ThrottleKind = "account" | "client";
export const LIMITS: Record<ThrottleKind, { slowAfter: number; lockAfter: number }> = {
  account: { slowAfter: 3, lockAfter: 10 },
  client: { slowAfter: 20, lockAfter: 100 },
};

/** The pause before answering, given the failures already counted. */
export function delayFor(kind: ThrottleKind, failures: number): number {
  const { slowAfter } = LIMITS[kind];
  if (failures < slowAfter) return 0;
  return Math.min(BASE_DELAY_MS * 2 ** (failures - slowAfter), MAX_DELAY_MS);
}

/** Counts after one more failure at `now`, and whether that locks the key. */
export function afterFailure(
  kind: ThrottleKind,
  current: { failures: number; windowStart: Date } | null,
  now: Date,
): { failures: number; windowStart: Date; lockedUntil: Date | null } {
  const fresh = !current || now.getTime() - current.windowStart.getTime() > FAILURE_WINDOW_MS;
  const failures = fresh ? 1 : current.failures + 1;
  const windowStart = fresh ? now : current.windowStart;
  return {
    failures,
    windowStart,
    lockedUntil: failures >= LIMITS[kind].lockAfter ? new Date(now.getTime() + LOCK_MS) : null,
  };
}
