// Request counters in the database, so limits hold across app instances.
import { getDb } from "~/db/client.server";
import type { DbHandle } from "~/db/transaction.server";
import { counterKey, isOverLimit, windowEnd, type RateRule } from "~/domain/rate-limit/rate-limit";

export type RateLimitOutcome = { limited: false } | { limited: true; retryAt: Date };

/**
 * Counts this request against every rule (each with its own subject) and says whether
 * any is over its limit, and when the last of those windows ends.
 */
export async function consumeRateLimits(
  checks: Array<{ rule: RateRule; subject: string }>,
  now = new Date(),
  db: DbHandle = getDb(),
): Promise<RateLimitOutcome> {
  let retryAt: Date | null = null;
  for (const { rule, subject } of checks) {
    const counter = await countRequest(counterKey(rule, subject), windowEnd(rule, now), now, db);
    if (isOverLimit(rule, counter.count) && (!retryAt || counter.expiresAt > retryAt)) retryAt = counter.expiresAt;
  }
  return retryAt ? { limited: true, retryAt } : { limited: false };
}

/**
 * Adds one to a subject's counter and returns it. One atomic write in the common case (the check
 * is what a rush hits); only a request that finds its window closed reopens it, conditionally, so
 * that of several instances arriving together one reopens it and the others count in the new one.
 */
async function countRequest(key: string, end: Date, now: Date, db: DbHandle): Promise<{ count: number; expiresAt: Date }> {
  const select = { count: true, expiresAt: true } as const;
  const counter = await db.rateLimitCounter.upsert({ where: { key }, create: { key, count: 1, expiresAt: end }, update: { count: { increment: 1 } }, select });
  if (counter.expiresAt > now) return counter;
  const { count: reopened } = await db.rateLimitCounter.updateMany({ where: { key, expiresAt: { lte: now } }, data: { count: 1, expiresAt: end } });
  if (reopened === 1) return { count: 1, expiresAt: end };
  return db.rateLimitCounter.update({ where: { key }, data: { count: { increment: 1 } }, select });
}

/** Drops counters whose window has ended. */
export async function deleteExpiredRateCounters(now = new Date(), db: DbHandle = getDb()): Promise<number> {
  const { count } = await db.rateLimitCounter.deleteMany({ where: { expiresAt: { lte: now } } });
  return count;
}
