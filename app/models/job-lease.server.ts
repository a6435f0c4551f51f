// Leases for background jobs that must run on one app instance at a time. The holder
// renews its lease as it works; if it dies, the lease runs out and any instance may take
// over. Acquiring is one conditional update, so of two instances only one can win.
import { randomUUID } from "node:crypto";
import { getDb } from "~/db/client.server";
import { singleton } from "~/utils/singleton.server";

/** This process, as a lease holder. */
export const instanceId = () => singleton("instance-id", () => randomUUID());

export type JobName = "wrap-legacy-hashes";

export async function acquireLease(name: JobName, ttlMs: number, now = new Date()): Promise<boolean> {
  const db = getDb();
  // The row exists from the first attempt on; a second instance creating it at the same
  // moment fails on the primary key, which is fine: the update below decides.
  await db.jobLease.create({ data: { name }, select: { name: true } }).catch(() => undefined);
  const { count } = await db.jobLease.updateMany({
    where: { name, OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }, { holder: instanceId() }] },
    data: { holder: instanceId(), leaseUntil: new Date(now.getTime() + ttlMs) },
  });
  return count === 1;
}

/** Extends the lease and records progress; false when another instance has taken it over. */
export async function renewLease(
  name: JobName,
  ttlMs: number,
  progress: { total?: number; done?: number; startedAt?: Date; finishedAt?: Date | null; lastError?: string | null } = {},
): Promise<boolean> {
  const { count } = await getDb().jobLease.updateMany({
    where: { name, holder: instanceId() },
    data: { leaseUntil: new Date(Date.now() + ttlMs), ...progress },
  });
  return count === 1;
}

export async function releaseLease(name: JobName): Promise<void> {
  await getDb().jobLease.updateMany({ where: { name, holder: instanceId() }, data: { holder: null, leaseUntil: null } });
}

export interface JobState {
  running: boolean;
  startedAt: Date | null;
  finishedAt: Date | null;
  total: number;
  done: number;
  lastError: string | null;
}

export async function getJobState(name: JobName, now = new Date()): Promise<JobState> {
  const row = await getDb().jobLease.findUnique({
    where: { name },
    select: { leaseUntil: true, startedAt: true, finishedAt: true, total: true, done: true, lastError: true },
  });
  return {
    running: row?.leaseUntil != null && row.leaseUntil > now,
    startedAt: row?.startedAt ?? null,
    finishedAt: row?.finishedAt ?? null,
    total: row?.total ?? 0,
    done: row?.done ?? 0,
    lastError: row?.lastError ?? null,
  };
}
