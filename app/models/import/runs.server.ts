// Import runs as the back office and the command line see them: starting one, its progress,
// its bad lines, and the housekeeping that retires runs whose process died.
import Database from "better-sqlite3";
import { getConfig } from "~/config.server";
import { getDb } from "~/db/client.server";
import { providerOf } from "~/db/provider";
import { inTransaction, type DbHandle } from "~/db/transaction.server";
import { Prisma } from "~/generated/sqlite/client";
import { FINAL_STATUSES, LIVE_STATUSES } from "~/domain/import/run-status";
import { appendAudit, type AuditEvent } from "~/models/audit.server";
import { clearStaging } from "./staging.server";

/** How long the merge transaction may take before Prisma rolls it back. */
export const MERGE_TIMEOUT_MS = 15 * 60_000;
/** How often a live run refreshes its heartbeat (run-import.server.ts). */
export const HEARTBEAT_MS = 2_000;
// Ten missed beats: the run's process is gone (killed, or its machine lost). Short, so that
// after a crash the run reads as abandoned and the next import may start within seconds; a
// run retired by mistake notices at its next beat and stops without writing anything.
const STALE_MS = 10 * HEARTBEAT_MS;

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

/**
 * Starts a run, unless another one is still working (one import at a time keeps the checks
 * against the database true). `started`: the entry that puts an upload's start on record,
 * written with the run; the command line has none (its run is on record when it ends).
 */
export async function createImportRun(
  run: { source: "cli" | "upload"; fileName: string; bytesTotal: number; startedById: string | null },
  started: Omit<AuditEvent, "target"> | null,
  db: DbHandle = getDb(),
): Promise<{ id: string }> {
  await retireStaleRuns(new Date(), db);
  return inTransaction(db, async (tx) => {
    const live = await tx.importRun.findFirst({ where: { status: { in: [...LIVE_STATUSES] } }, select: { id: true } });
    if (live) throw new ImportBusyError(live.id);
    const created = await tx.importRun.create({ data: { ...run, status: "reading" }, select: { id: true } });
    if (started) await appendAudit(tx, { ...started, target: { type: "import-run", id: created.id } });
    return created;
  });
}

/**
 * Marks runs whose process stopped answering as abandoned and empties the staging area of
 * every finished run. Called when an import starts, when its pages are looked at, and by
 * the app's housekeeping. Reads first, so that it writes only when there is something to retire.
 */
export async function retireStaleRuns(now = new Date(), db: DbHandle = getDb()): Promise<void> {
  const cutoff = new Date(now.getTime() - STALE_MS);
  const stale = await db.importRun.findMany({
    where: { status: { in: [...LIVE_STATUSES] }, heartbeatAt: { lt: cutoff } },
    select: { id: true, status: true },
  });
  for (const run of stale) {
    // On SQLite a merge can't beat (its transaction holds the only write lock): it is alive
    // exactly as long as someone holds that lock.
    if (run.status === "merging" && (await sqliteWriterActive())) continue;
    // Conditional, so that a run that beat again in the meantime is left alone.
    await db.importRun.updateMany({
      where: { id: run.id, status: run.status, heartbeatAt: { lt: cutoff } },
      data: { status: "abandoned", failure: "its process stopped", finishedAt: now },
    });
  }
  const leftovers = await db.$queryRaw<Array<{ id: string }>>`
    SELECT r."id" FROM "ImportRun" r
    WHERE r."status" IN (${Prisma.join([...FINAL_STATUSES])})
      AND EXISTS (SELECT 1 FROM "ImportStagingRow" s WHERE s."runId" = r."id")`;
  for (const { id } of leftovers) await clearStaging(id, db);
}

/** Whether another connection holds SQLite's write lock now (never waits for it); false on PostgreSQL. */
async function sqliteWriterActive(): Promise<boolean> {
  const { DATABASE_URL } = getConfig();
  if (providerOf(DATABASE_URL) !== "sqlite") return false;
  const probe = new Database(DATABASE_URL.slice("file:".length), { timeout: 0 });
  try {
    probe.exec("BEGIN IMMEDIATE");
    probe.exec("ROLLBACK");
    return false;
  } catch (error) {
    if ((error as { code?: string }).code === "SQLITE_BUSY") return true;
    throw error;
  } finally {
    probe.close();
  }
}

export function listRecentRuns(take = 20, db: DbHandle = getDb()) {
  return db.importRun.findMany({ orderBy: { startedAt: "desc" }, take, select: RUN_SELECT });
}

export function getRun(id: string, db: DbHandle = getDb()) {
  return db.importRun.findUnique({ where: { id }, select: RUN_SELECT });
}

// A rejected run's issues are its bad lines; a completed run's are the lines it skipped
// because their people were erased on request (written by the merge, never beside bad lines).
export function countRunIssues(runId: string, db: DbHandle = getDb()) {
  return db.importLineError.count({ where: { runId } });
}

/** One page of a run's issues, in file order. */
export function listRunIssues(runId: string, { skip, take }: { skip: number; take: number }, db: DbHandle = getDb()) {
  return db.importLineError.findMany({
    where: { runId },
    orderBy: [{ line: "asc" }, { reason: "asc" }],
    skip,
    take,
    select: { line: true, reason: true, detail: true },
  });
}

/** Bad lines after a position, for reading them all without holding them all (the command line). */
export function listRunIssuesAfter(runId: string, after: { line: number; reason: string } | null, take: number, db: DbHandle = getDb()) {
  return db.importLineError.findMany({
    where: after ? { runId, OR: [{ line: { gt: after.line } }, { line: after.line, reason: { gt: after.reason } }] } : { runId },
    orderBy: [{ line: "asc" }, { reason: "asc" }],
    take,
    select: { line: true, reason: true, detail: true },
  });
}
