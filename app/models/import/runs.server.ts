// Import runs as the back office and the command line see them: starting one, its progress,
// its bad lines, and the housekeeping that retires runs whose process died.
import type { Db } from "~/db/client.server";
import { Prisma } from "~/generated/sqlite/client";
import { FINAL_STATUSES, LIVE_STATUSES } from "~/domain/import/run-status";
import { clearStaging } from "./staging.server";

/** How long the merge transaction may take before Prisma rolls it back. */
export const MERGE_TIMEOUT_MS = 15 * 60_000;
// A reading or checking run refreshes its heartbeat at least every few seconds; a merging one
// can't (its transaction holds SQLite's write lock) until the transaction ends one way or the other.
const STALE_WHILE_READING_MS = 60_000;
const STALE_WHILE_MERGING_MS = MERGE_TIMEOUT_MS + 60_000;

const RUN_SELECT = {
  id: true,
  source: true,
  fileName: true,
  status: true,
  bytesTotal: true,
  bytesRead: true,
  linesRead: true,
  errorCount: true,
  customersCreated: true,
  customersUpdated: true,
  exposuresWritten: true,
  linesSkipped: true,
  failure: true,
  startedAt: true,
  finishedAt: true,
} as const;

export class ImportBusyError extends Error {}

/** Starts a run, unless another one is still working (one import at a time keeps the checks against the database true). */
export async function createImportRun(
  db: Db,
  run: { source: "cli" | "upload"; fileName: string; bytesTotal: number; startedById: string | null },
): Promise<{ id: string }> {
  await retireStaleRuns(db);
  const live = await db.importRun.findFirst({ where: { status: { in: [...LIVE_STATUSES] } }, select: { id: true } });
  if (live) throw new ImportBusyError(live.id);
  return db.importRun.create({ data: { ...run, status: "reading" }, select: { id: true } });
}

/**
 * Marks runs whose process stopped answering as abandoned and empties the staging area of
 * every finished run. Called when an import starts and when the app starts.
 */
export async function retireStaleRuns(db: Db, now = new Date()): Promise<void> {
  await db.importRun.updateMany({
    where: {
      OR: [
        { status: { in: ["reading", "checking"] }, heartbeatAt: { lt: new Date(now.getTime() - STALE_WHILE_READING_MS) } },
        { status: "merging", heartbeatAt: { lt: new Date(now.getTime() - STALE_WHILE_MERGING_MS) } },
      ],
    },
    data: { status: "abandoned", finishedAt: now },
  });
  const leftovers = await db.$queryRaw<Array<{ id: string }>>`
    SELECT r."id" FROM "ImportRun" r
    WHERE r."status" IN (${Prisma.join([...FINAL_STATUSES])})
      AND EXISTS (SELECT 1 FROM "ImportStagingRow" s WHERE s."runId" = r."id")`;
  for (const { id } of leftovers) await clearStaging(db, id);
}

export function listRecentRuns(db: Db, take = 20) {
  return db.importRun.findMany({ orderBy: { startedAt: "desc" }, take, select: RUN_SELECT });
}

export function getRun(db: Db, id: string) {
  return db.importRun.findUnique({ where: { id }, select: RUN_SELECT });
}

// A rejected run's issues are its bad lines; a completed run's are the lines it skipped
// because their people were erased on request (written by the merge, never beside bad lines).
export function countRunIssues(db: Db, runId: string) {
  return db.importLineError.count({ where: { runId } });
}

/** One page of a run's issues, in file order. */
export function listRunIssues(db: Db, runId: string, { skip, take }: { skip: number; take: number }) {
  return db.importLineError.findMany({
    where: { runId },
    orderBy: [{ line: "asc" }, { reason: "asc" }],
    skip,
    take,
    select: { line: true, reason: true, detail: true },
  });
}

/** Bad lines after a position, for reading them all without holding them all (the command line). */
export function listRunIssuesAfter(db: Db, runId: string, after: { line: number; reason: string } | null, take: number) {
  return db.importLineError.findMany({
    where: after
      ? { runId, OR: [{ line: { gt: after.line } }, { line: after.line, reason: { gt: after.reason } }] }
      : { runId },
    orderBy: [{ line: "asc" }, { reason: "asc" }],
    take,
    select: { line: true, reason: true, detail: true },
  });
}
