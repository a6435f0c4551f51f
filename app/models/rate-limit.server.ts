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
    const key = counterKey(rule, subject);
    const end = windowEnd(rule, now);
    // A window that has closed opens again with this request. Conditional, so that of several
    // instances arriving together one restarts it and the others count in the new window.
    await db.rateLimitCounter.updateMany({ where: { key, expiresAt: { lte: now } }, data: { count: 0, expiresAt: end } });
    // One atomic increment: simultaneous requests on several instances all count.
    const counter = await db.rateLimitCounter.upsert({
      where: { key },
      create: { key, count: 1, expiresAt: end },
      update: { count: { increment: 1 } },
      select: { count: true, expiresAt: true },
    });
    if (isOverLimit(rule, counter.count) && (!retryAt || counter.expiresAt > retryAt)) retryAt = counter.expiresAt;
  }
  return retryAt ? { limited: true, retryAt } : { limited: false };
}

/** Drops counters whose window has ended. */
export async function deleteExpiredRateCounters(now = new Date(), db: DbHandle = getDb()): Promise<number> {
  const { count } = await db.rateLimitCounter.deleteMany({ where: { expiresAt: { lte: now } } });
  return count;
}
