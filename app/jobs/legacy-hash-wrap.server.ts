// The wrap job: replaces every bare legacy hash with argon2id of it (legacy-password.server),
// so the database stops holding hashes that crack in seconds. It runs on one instance at a
// time (a lease), in batches that each commit on their own: killed at any point, the next
// run (here or on another instance, once the lease runs out) carries on with what is still
// bare, and a row is only ever wrapped from its bare form, so nothing is wrapped twice.
import os from "node:os";
import pLimit from "p-limit";
import { getDb } from "~/db/client.server";
import type { DbHandle, Tx } from "~/db/transaction.server";
import { hashingQueue } from "~/utils/hashing-queue.server";
import { logger } from "~/utils/logger.server";
import { acquireLease, getJobState, releaseLease, renewLease, type JobState } from "./job-lease.server";
import { wrapLegacyHash } from "~/models/legacy-password.server";

const JOB = "wrap-legacy-hashes" as const;
/** Renewed every batch (well under a second); a dead holder blocks others this long at most. */
export const WRAP_LEASE_MS = 15_000;
/** Rows hashed between commits: ~0.7 s of both cores. */
const BATCH = 64;
/** While people wait for their own password hashes, the job pauses this long and looks again. */
const YIELD_PAUSE_MS = 50;

export type WrapOutcome = "finished" | "nothing-to-do" | "held-elsewhere" | "stopped" | "lease-lost";

export interface WrapProgress {
  total: number;
  done: number;
}

/**
 * Marks the job as having work, in the transaction that stores new bare hashes (an import),
 * so every instance's loop picks it up without scanning the customers for bare hashes.
 */
export async function markLegacyHashesToWrap(tx: Tx): Promise<void> {
  await tx.jobLease.upsert({ where: { name: JOB }, create: { name: JOB }, update: { finishedAt: null }, select: { name: true } });
}

async function hasWork(): Promise<boolean> {
  // No row yet (a fresh database, the demo) or a run that never finished.
  const state = await getDb().jobLease.findUnique({ where: { name: JOB }, select: { finishedAt: true } });
  return state === null || state.finishedAt === null;
}

async function countBare(): Promise<number> {
  return getDb().customer.count({ where: { legacyPasswordHash: { not: null } } });
}

export async function wrapLegacyHashes(
  options: { signal?: AbortSignal; yieldToPeople?: boolean; onProgress?: (progress: WrapProgress) => void } = {},
): Promise<WrapOutcome> {
  if (!(await hasWork())) return "nothing-to-do";
  if (!(await acquireLease(JOB, WRAP_LEASE_MS))) return "held-elsewhere";
  // Another instance may have finished the work between the check and the lease: starting
  // again would find nothing, and overwrite its finished run's figures with zeros.
  if (!(await hasWork())) {
    await releaseLease(JOB);
    return "nothing-to-do";
  }
  const db = getDb();
  const progress: WrapProgress = { total: await countBare(), done: 0 };
  await renewLease(JOB, WRAP_LEASE_MS, { ...progress, startedAt: new Date(), finishedAt: null, lastError: null });
  options.onProgress?.(progress);
  const hashing = pLimit(os.availableParallelism());
  let cursor = "";
  try {
    for (;;) {
      if (options.signal?.aborted) return "stopped";
      // Keyset order by id: each batch starts where the last ended, and rows wrapped by a
      // run that died are skipped by the condition, not redone.
      const rows = await db.customer.findMany({
        where: { id: { gt: cursor }, legacyPasswordHash: { not: null } },
        orderBy: { id: "asc" },
        take: BATCH,
        select: { id: true, legacyPasswordHash: true, legacyHashAlgorithm: true },
      });
      if (rows.length === 0) {
        await renewLease(JOB, WRAP_LEASE_MS, { finishedAt: new Date() });
        return "finished";
      }
      const wrapped = await Promise.all(
        rows.map((row) =>
          hashing(async () => {
            if (options.yieldToPeople) await untilNobodyWaits(options.signal);
            return wrapLegacyHash(row.legacyHashAlgorithm ?? "", row.legacyPasswordHash!);
          }),
        ),
      );
      let malformed = 0;
      await db.$transaction(async (tx) => {
        for (const [index, row] of rows.entries()) {
          const result = wrapped[index];
          // Checked on import, so only a hand-edited row gets here; it stays bare and counted.
          if (!result) {
            malformed++;
            continue;
          }
          // Only from the bare hash read above: a row re-imported or changed meanwhile is left alone.
          await tx.customer.updateMany({
            where: { id: row.id, legacyPasswordHash: row.legacyPasswordHash },
            data: { legacyPasswordHash: null, legacyHashParameters: result.parameters, legacyHashWrapped: result.wrapped },
          });
        }
      });
      cursor = rows[rows.length - 1]!.id;
      progress.done += rows.length;
      const lastError = malformed > 0 ? `${malformed} malformed legacy hash(es) left bare` : undefined;
      if (lastError) logger.error({ job: JOB, malformed }, lastError);
      if (!(await renewLease(JOB, WRAP_LEASE_MS, { done: progress.done, ...(lastError ? { lastError } : {}) }))) return "lease-lost";
      options.onProgress?.(progress);
    }
  } finally {
    await releaseLease(JOB);
  }
}

/** People first: while anyone's sign-in or password change waits for a core, wait. */
async function untilNobodyWaits(signal: AbortSignal | undefined): Promise<void> {
  while (!hashingQueue().idle && !signal?.aborted) await new Promise((resolve) => setTimeout(resolve, YIELD_PAUSE_MS));
}

/**
 * For the back office and the command: the current or last run, from the lease row. No
 * count over the customers here: on SQLite that scan would hold up every request.
 */
export function getWrapState(db: DbHandle = getDb()): Promise<JobState> {
  return getJobState(JOB, new Date(), db);
}
