// Staff sign-in attempts counted in the database, so the limits hold across app instances.
// Which counts an attempt is judged by is the policy's (app/domain/staff/throttle-policy.ts).
// An attempt is counted before its outcome is known and given back if it succeeds: checked
// first and counted after, a burst of simultaneous guesses all found the counts still low.
import { getConfig } from "~/config.server";
import { getDb } from "~/db/client.server";
import type { DbHandle } from "~/db/transaction.server";
import { derivedDigest } from "~/domain/keys/derived-digest";
import { normaliseEmail } from "~/utils/personal-data.server";
import { afterAttempt, delayFor, lockEndsAt, lockThreshold, pastLimit, throttleKinds, type ThrottleKind } from "~/domain/staff/throttle-policy";

function kindOf(key: string): ThrottleKind {
  return key.slice(0, key.indexOf(":")) as ThrottleKind;
}

/**
 * The account's key in the counts and in its device cookies, for the submitted address
 * (known or not: same treatment). Normalised as the account lookup does, so "ＡＤＭＩＮ@…"
 * and "admin@…" share one count.
 */
export function accountKeyOf(email: string): string {
  return derivedDigest(getConfig().SESSION_SECRET, "sign-in", normaliseEmail(email));
}

/** `device`: the id of the account's device cookie this browser holds, or null. */
export function throttleKeys(account: string, clientHash: string, device: string | null): string[] {
  const keyOf: Record<Exclude<ThrottleKind, "second-factor">, () => string> = {
    device: () => `device:${device}`,
    pair: () => `pair:${account}:${clientHash}`,
    account: () => `account:${account}`,
    client: () => `client:${clientHash}`,
  };
  return throttleKinds(device !== null).map((kind) => keyOf[kind]());
}

/** The count of wrong codes after the right password (see the policy). */
export const secondFactorKey = (account: string) => `second-factor:${account}`;

/** lockedUntil: when the last lock on these keys ends, or null when none holds now. */
export async function throttleState(
  keys: string[],
  now = new Date(),
  db: DbHandle = getDb(),
): Promise<{ lockedUntil: Date | null; delayMs: number; failures: number }> {
  const rows = await db.signInThrottle.findMany({
    where: { key: { in: keys } },
    select: { key: true, failures: true, lockedUntil: true },
  });
  const locks = rows.flatMap((row) => (row.lockedUntil && row.lockedUntil > now ? [row.lockedUntil.getTime()] : []));
  const lockedUntil = locks.length > 0 ? new Date(Math.max(...locks)) : null;
  const delayMs = Math.max(0, ...rows.map((row) => delayFor(kindOf(row.key), row.failures)));
  const failures = Math.max(0, ...rows.filter((row) => kindOf(row.key) !== "client").map((row) => row.failures));
  return { lockedUntil, delayMs, failures };
}

/**
 * Counts an attempt against every key, as a failure until it succeeds. Returns null, or when
 * the attempt is refused: it went past a limit (another attempt got in first), about when the
 * lock will end. Locks are set only once a failure is confirmed (lockConfirmedFailures): an
 * attempt that then succeeds, or is never tried, leaves none behind.
 */
export async function countAttempt(keys: string[], now = new Date(), db: DbHandle = getDb()): Promise<Date | null> {
  let refused = false;
  for (const key of keys) {
    // An atomic increment first, so simultaneous attempts on several instances all count;
    // then the policy decides whether the window restarts.
    const row = await db.signInThrottle.upsert({
      where: { key },
      create: { key, failures: 1, windowStart: now },
      update: { failures: { increment: 1 } },
      select: { failures: true, windowStart: true },
    });
    const next = afterAttempt({ failures: row.failures - 1, windowStart: row.windowStart }, now);
    if (next.failures !== row.failures || next.windowStart.getTime() !== row.windowStart.getTime()) {
      await db.signInThrottle.update({ where: { key }, data: next });
    }
    refused ||= pastLimit(kindOf(key), next.failures);
  }
  return refused ? lockEndsAt(now) : null;
}

/** A counted attempt failed: each key whose count reached its limit is locked from now. */
export async function lockConfirmedFailures(keys: string[], now = new Date(), db: DbHandle = getDb()): Promise<void> {
  for (const key of keys) {
    await db.signInThrottle.updateMany({
      where: { key, failures: { gte: lockThreshold(kindOf(key)) } },
      data: { lockedUntil: lockEndsAt(now) },
    });
  }
}

/** Counts a code tried after the right password; whether it may be checked (see the policy). */
export async function mayTrySecondFactor(account: string, now = new Date(), db: DbHandle = getDb()): Promise<boolean> {
  return (await countAttempt([secondFactorKey(account)], now, db)) === null;
}

/** An attempt that was never tried (the hashing queue was full): its counts are given back. */
export async function uncountAttempt(keys: string[], db: DbHandle = getDb()): Promise<void> {
  await db.signInThrottle.updateMany({ where: { key: { in: keys }, failures: { gt: 0 } }, data: { failures: { decrement: 1 } } });
}

/**
 * After a successful sign-in the account starts afresh: its browser, its pair with this
 * client, its count across clients and its wrong codes. The client's count stays (it may be
 * guessing others), less this attempt.
 */
export async function settleSuccess(keys: string[], account: string, db: DbHandle = getDb()): Promise<void> {
  const [clientKeys, accountKeys] = [keys.filter((key) => kindOf(key) === "client"), keys.filter((key) => kindOf(key) !== "client")];
  await db.signInThrottle.deleteMany({ where: { key: { in: [...accountKeys, secondFactorKey(account)] } } });
  await uncountAttempt(clientKeys, db);
}
