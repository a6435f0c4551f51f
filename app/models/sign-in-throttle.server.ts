// Sign-in failures counted in the database, so the limits hold across app instances.
import { createHmac } from "node:crypto";
import { getConfig } from "~/config.server";
import { getDb } from "~/db/client.server";
import { normaliseEmail } from "~/utils/personal-data.server";
import { afterFailure, delayFor, type ThrottleKind } from "~/domain/staff/throttle-policy";

function kindOf(key: string): ThrottleKind {
  return key.startsWith("client:") ? "client" : "account";
}

/**
 * Keys for the submitted address (known or not: same treatment) and for the client. The
 * address is normalised as the account lookup does, so "ＡＤＭＩＮ@…" and "admin@…" share
 * one count.
 */
export function throttleKeys(email: string, clientHash: string): string[] {
  const account = createHmac("sha256", `sign-in:${getConfig().SESSION_SECRET}`)
    .update(normaliseEmail(email))
    .digest("base64url");
  return [`account:${account}`, `client:${clientHash}`];
}

/** lockedUntil: when the last lock on these keys ends, or null when none holds now. */
export async function throttleState(keys: string[], now = new Date()): Promise<{ lockedUntil: Date | null; delayMs: number; failures: number }> {
  const rows = await getDb().signInThrottle.findMany({
    where: { key: { in: keys } },
    select: { key: true, failures: true, lockedUntil: true },
  });
  const locks = rows.flatMap((row) => (row.lockedUntil && row.lockedUntil > now ? [row.lockedUntil.getTime()] : []));
  const lockedUntil = locks.length > 0 ? new Date(Math.max(...locks)) : null;
  const delayMs = Math.max(0, ...rows.map((row) => delayFor(kindOf(row.key), row.failures)));
  const failures = rows.find((row) => kindOf(row.key) === "account")?.failures ?? 0;
  return { lockedUntil, delayMs, failures };
}

export async function countFailure(keys: string[], now = new Date()): Promise<void> {
  const db = getDb();
  for (const key of keys) {
    // An atomic increment first, so simultaneous failures from several instances all count;
    // then the policy decides whether the window restarts or the key locks.
    const row = await db.signInThrottle.upsert({
      where: { key },
      create: { key, failures: 1, windowStart: now },
      update: { failures: { increment: 1 } },
      select: { failures: true, windowStart: true },
    });
    const next = afterFailure(kindOf(key), { failures: row.failures - 1, windowStart: row.windowStart }, now);
    if (next.failures !== row.failures || next.lockedUntil) {
      await db.signInThrottle.update({ where: { key }, data: next });
    }
  }
}

/** After a successful sign-in the account starts afresh; the client's count stays. */
export async function clearAccountFailures(keys: string[]): Promise<void> {
  await getDb().signInThrottle.deleteMany({ where: { key: { in: keys.filter((key) => key.startsWith("account:")) } } });
}
