// Leases for background jobs that must run on one app instance at a time. The holder
// renews its lease as it works; if it dies, the lease runs out and any instance may take
// over. Acquiring is one conditional update (the work queue's claim), so of two instances
// only one can win.
import { randomUUID } from "node:crypto";
import { getDb } from "~/db/client.server";
import type { DbHandle } from "~/db/transaction.server";
import { claimEnd } from "~/domain/work-queue/retry";
import { singleton } from "~/utils/singleton.server";
import { claimNext, type WorkQueue } from "~/models/work-queue.server";

/** This process, as a lease holder. */
export const instanceId = () => singleton("instance-id", () => randomUUID());

export type JobName = "wrap-legacy-hashes";

function freeOrMine(name: JobName, now: Date) {
  return { name, OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }, { holder: instanceId() }] };
}

/**
 * A job's lease as a work queue of one item (app/models/work-queue.server.ts), claimed the
 * same way as any queue's item; unlike theirs, the claim names its holder, who renews it.
 */
function leaseQueue(name: JobName, ttlMs: number): WorkQueue<JobName> {
  return {
    name,
    claimMs: ttlMs,
    async findDue(now) {
      const rows = await getDb().jobLease.findMany({ where: freeOrMine(name, now), select: { name: true } });
      return rows.map((row) => row.name as JobName);
    },
    async claim(job, now, until) {
      const { count } = await getDb().jobLease.updateMany({ where: freeOrMine(job, now), data: { holder: instanceId(), leaseUntil: until } });
      return count === 1;
    },
  };
}

export async function acquireLease(name: JobName, ttlMs: number, now = new Date()): Promise<boolean> {
  // The row exists from the first attempt on; a second instance creating it at the same
  // moment fails on the primary key, which is fine: the claim decides.
  await getDb()
    .jobLease.create({ data: { name }, select: { name: true } })
    .catch(() => undefined);
  return (await claimNext(leaseQueue(name, ttlMs), now)) !== null;
}

/** Extends the lease and records progress; false when another instance has taken it over. */
export async function renewLease(
  name: JobName,
  ttlMs: number,
  progress: { total?: number; done?: number; startedAt?: Date; finishedAt?: Date | null; lastError?: string | null } = {},
): Promise<boolean> {
  const { count } = await getDb().jobLease.updateMany({
    where: { name, holder: instanceId() },
    data: { leaseUntil: claimEnd(new Date(), ttlMs), ...progress },
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

export async function getJobState(name: JobName, now = new Date(), db: DbHandle = getDb()): Promise<JobState> {
  const row = await db.jobLease.findUnique({
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
