// How each background loop last fared, in the database so the operations view sees every
// instance's loops. Writes are kept rare (SQLite has one writer): every failure, but a clean
// run at most once a minute per loop and process (app/jobs/work-loop.server.ts decides).
import { getDb } from "~/db/client.server";
import type { DbHandle } from "~/db/transaction.server";
import { describeFailure } from "~/domain/work-queue/redact";

export async function recordLoopSuccess(name: string, now = new Date(), db: DbHandle = getDb()): Promise<void> {
  await db.backgroundJobStatus.upsert({
    where: { name },
    create: { name, lastSuccessAt: now },
    update: { lastSuccessAt: now },
    select: { name: true },
  });
}

/** Keeps a short message, addresses redacted, and counts the failure. */
export async function recordLoopFailure(name: string, error: unknown, now = new Date(), db: DbHandle = getDb()): Promise<void> {
  const lastError = describeFailure(error);
  await db.backgroundJobStatus.upsert({
    where: { name },
    create: { name, lastFailureAt: now, lastError, failures: 1 },
    update: { lastFailureAt: now, lastError, failures: { increment: 1 } },
    select: { name: true },
  });
}

export interface LoopStatus {
  name: string;
  lastSuccessAt: Date | null;
  lastFailureAt: Date | null;
  lastError: string | null;
  failures: number;
}

/** One row per loop that has recorded anything (a handful). */
export function listLoopStatuses(db: DbHandle = getDb()): Promise<LoopStatus[]> {
  return db.backgroundJobStatus.findMany({
    orderBy: { name: "asc" },
    select: { name: true, lastSuccessAt: true, lastFailureAt: true, lastError: true, failures: true },
  });
}
