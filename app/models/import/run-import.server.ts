// One import, start to end: read the file as a stream, check each line, stage the good ones
// in short transactions, check the file as a whole in SQL, then reject it (every bad line
// on record, nothing else written) or merge it in one transaction (ADR 009), leaving out the
// lines of people whose data was erased on request.
import { randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import type { Config } from "~/config.server";
import { createDb, type Db } from "~/db/client.server";
import { providerOf } from "~/db/provider";
import { CsvRecordSplitter, type CsvRecord } from "~/domain/import/csv-records";
import type { FileEncoding } from "~/domain/import/encoding";
import { parseHeader, type Header } from "~/domain/import/header";
import { validateLine, type ImportLine, type ImportLookup } from "~/domain/import/line";
import type { LineIssue } from "~/domain/import/reasons";
import { LIVE_STATUSES, type ImportStatus } from "~/domain/import/run-status";
import { appendAudit, type AuditEvent } from "~/models/audit.server";
import { openBulkConnection, type BulkConnection } from "~/db/bulk-connection.server";
import { checkWholeFile } from "./checks.server";
import { markLegacyHashesToWrap } from "~/jobs/legacy-hash-wrap.server";
import { mergeStagedRun, type MergeCounts } from "./merge.server";
import { HEARTBEAT_MS, MERGE_TIMEOUT_MS } from "./runs.server";
import { Sealer } from "./seal-lines.server";
import { clearStaging, issueStatements, stagingStatements } from "./staging.server";

export interface ImportProgress {
  status: ImportStatus;
  bytesRead: number;
  bytesTotal: number;
  linesRead: number;
  errorCount: number;
}

export type ImportOutcome =
  /** mergeMs: how long the merge transaction took, which on SQLite holds the write lock. */
  | ({ status: "completed"; linesRead: number; mergeMs: number } & MergeCounts)
  | { status: "rejected"; linesRead: number; errorCount: number }
  | { status: "failed" | "abandoned"; failure: string };

export interface ImportRequest {
  runId: string;
  filePath: string;
  bytesTotal: number;
  /** Who the audit log names: the uploading privacy officer, or null for the command line. */
  actor: { id: string; email: string } | null;
  clientHash?: string | null;
  onProgress?: (progress: ImportProgress) => void;
  /** Stops a run before its merge (Ctrl-C on the command line). */
  signal?: AbortSignal;
}

// Lines sealed and staged per short transaction: big enough to amortise a statement, small
// enough that SQLite's write lock is held for tens of milliseconds.
const LINES_PER_BATCH = 2_000;
// Progress is written at most this often while reading.
const PROGRESS_MS = 500;

export async function runImport(
  request: ImportRequest,
  config: Pick<Config, "DATABASE_URL" | "LOOKUP_HASH_KEY" | "DATA_ENCRYPTION_KEYS">,
): Promise<ImportOutcome> {
  const db = createDb(config.DATABASE_URL);
  const bulk = await openBulkConnection(config.DATABASE_URL);
  const sealer = new Sealer({
    lookupKey: config.LOOKUP_HASH_KEY,
    encryptionKeys: config.DATA_ENCRYPTION_KEYS,
    // Random for each run and never stored: fingerprints mean nothing outside their run.
    fingerprintKey: randomBytes(32),
  });
  const { runId } = request;
  const audit = (outcome: Record<string, unknown>, result: AuditEvent["result"]): AuditEvent => ({
    actor: request.actor,
    action: "import.affected-records",
    target: { type: "import-run", id: runId },
    clientHash: request.clientHash ?? null,
    result,
    details: outcome,
  });
  const sqlite = providerOf(config.DATABASE_URL) === "sqlite";
  const heartbeat = startHeartbeat(db, runId);
  try {
    const { encoding, ...read } = await stageFile(db, bulk, sealer, request, await loadLookup(db));
    if (request.signal?.aborted) throw new AbortedError();
    await report(db, request, { ...read, status: "checking" });
    await checkWholeFile(runId, db);
    // Only the bad lines are on record yet: the lines the merge skips (erased on request) are
    // written inside it, so they never reject the file.
    const [bad] = await db.$queryRaw<Array<{ count: number | bigint }>>`
      SELECT COUNT(DISTINCT "line") AS "count" FROM "ImportLineError" WHERE "runId" = ${runId}`;
    const errorCount = Number(bad?.count ?? 0);
    if (errorCount > 0) {
      await db.$transaction(async (tx) => {
        await tx.importRun.update({ where: { id: runId }, data: { status: "rejected", errorCount, finishedAt: new Date() } });
        await appendAudit(tx, audit({ status: "rejected", encoding, lines: read.linesRead, badLines: errorCount }, "failed"));
      });
      return { status: "rejected", linesRead: read.linesRead, errorCount };
    }
    if (request.signal?.aborted) throw new AbortedError();
    await report(db, request, { ...read, status: "merging" });
    // On SQLite the merge's transaction holds the only write lock, so there is no beating
    // through it; holding that lock is the sign of life instead (retireStaleRuns).
    if (sqlite) heartbeat.stop();
    if (sqlite) {
      // A larger page cache for the merge's index writes; and this connection copies its WAL
      // into the database after the commit, on its own, so the lock-holding time is only the merge's.
      await db.$executeRaw`PRAGMA cache_size = -131072`;
      await db.$queryRaw`PRAGMA wal_autocheckpoint = 0`;
      // Every id the merge writes comes from the run's own lookups and staging, checked
      // before; per-row foreign-key lookups on 6 million rows would only add to the time
      // the write lock is held. This connection only, and only for the merge.
      await db.$executeRaw`PRAGMA foreign_keys = OFF`;
    }
    const started = performance.now();
    const counts = await db.$transaction(
      async (tx) => {
        const merged = await mergeStagedRun(tx, runId, new Date());
        await markLegacyHashesToWrap(tx);
        // Only a run still merging completes: one retired meanwhile rolls its merge back.
        const { count } = await tx.importRun.updateMany({
          where: { id: runId, status: "merging" },
          data: { status: "completed", ...merged, finishedAt: new Date() },
        });
        if (count !== 1) throw new RetiredError();
        await appendAudit(tx, audit({ status: "completed", encoding, lines: read.linesRead, ...merged }, "ok"));
        return merged;
      },
      { timeout: MERGE_TIMEOUT_MS, maxWait: 60_000 },
    );
    const mergeMs = Math.round(performance.now() - started);
    if (sqlite) await db.$queryRaw`PRAGMA wal_checkpoint(PASSIVE)`;
    return { status: "completed", linesRead: read.linesRead, mergeMs, ...counts };
  } catch (error) {
    const status = error instanceof AbortedError || error instanceof RetiredError ? "abandoned" : "failed";
    // The first line of the message names the cause (a constraint, a lost connection); never a row.
    const failure =
      error instanceof RetiredError
        ? "its process stopped"
        : status === "abandoned"
          ? "stopped"
          : String((error as Error).message ?? error)
              .split("\n")[0]!
              .slice(0, 200);
    await db.$transaction(async (tx) => {
      // A retired run keeps the status and reason it was retired with.
      await tx.importRun.updateMany({ where: { id: runId, status: { in: [...LIVE_STATUSES] } }, data: { status, failure, finishedAt: new Date() } });
      await appendAudit(tx, audit({ status, failure }, "failed"));
    });
    return { status, failure };
  } finally {
    heartbeat.stop();
    await sealer.close();
    await bulk.close();
    await clearStaging(runId, db);
    await db.$disconnect();
  }
}

class AbortedError extends Error {}
/** The run was retired as abandoned while it worked (it looked dead): it stops without writing. */
class RetiredError extends Error {}

/**
 * Beats every HEARTBEAT_MS on a clock of its own, so that a long step (a whole-file check)
 * does not look like a dead process. Only a live run beats: one retired meanwhile is stopped
 * by its next progress report (report() below) or by the merge's last update.
 */
function startHeartbeat(db: Db, runId: string): { stop(): void } {
  const timer = setInterval(() => {
    db.importRun.updateMany({ where: { id: runId, status: { in: [...LIVE_STATUSES] } }, data: { heartbeatAt: new Date() } }).catch(() => undefined); // a busy database: the next beat tries again
  }, HEARTBEAT_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

async function loadLookup(db: Db): Promise<ImportLookup> {
  const [groups, categories] = await Promise.all([
    db.affectedGroup.findMany({
      select: { id: true, key: true, categories: { select: { category: { select: { id: true, key: true } } } } },
    }),
    db.dataCategory.findMany({ select: { key: true } }),
  ]);
  return {
    groups: new Map(
      groups.map((group) => [group.key, { id: group.id, categoryIdsByKey: new Map(group.categories.map(({ category }) => [category.key, category.id])) }]),
    ),
    categoryKeys: new Set(categories.map((category) => category.key)),
  };
}

interface ReadCounts {
  bytesRead: number;
  linesRead: number;
  errorCount: number;
}

async function stageFile(
  db: Db,
  bulk: BulkConnection,
  sealer: Sealer,
  request: ImportRequest,
  lookup: ImportLookup,
): Promise<ReadCounts & { encoding: FileEncoding | null }> {
  const splitter = new CsvRecordSplitter();
  const counts: ReadCounts = { bytesRead: 0, linesRead: 0, errorCount: 0 };
  let header: Header | null = null;
  let unreadable = false;
  let good: Array<{ line: number; value: ImportLine }> = [];
  let issues: LineIssue[] = [];
  let lastBeat = 0;
  // Batches being sealed on the worker while this thread reads on; two keep both cores busy.
  const sealing: Array<Promise<void>> = [];

  const take = (record: CsvRecord) => {
    if ("error" in record) {
      issues.push({ line: record.line, reason: record.error });
      counts.errorCount++;
      // Without a readable header no line can be understood, nor any line of a file in neither encoding.
      if (!header || record.error === "unknown-encoding") unreadable = true;
      return;
    }
    if (!header) {
      const parsed = parseHeader(record.fields, record.line);
      if ("issues" in parsed) {
        issues.push(...parsed.issues);
        counts.errorCount++;
        unreadable = true;
      } else header = parsed.header;
      return;
    }
    counts.linesRead++;
    const result = validateLine(record.line, record.fields, header, lookup);
    if (result.ok) good.push({ line: record.line, value: result.value });
    else {
      issues.push(...result.issues);
      counts.errorCount++;
    }
  };
  const flush = async () => {
    const lines = good;
    const found = issues;
    good = [];
    issues = [];
    // Once the file is known to be rejected, its lines are staged only for the whole-file checks.
    const staged = sealer
      .seal({ runId: request.runId, lines, encrypt: counts.errorCount === 0 })
      .then((sealed) => bulk.write([...stagingStatements(request.runId, sealed), ...issueStatements(request.runId, found)]));
    staged.catch(() => {}); // awaited below; this only keeps an early failure from counting as unhandled
    sealing.push(staged);
    if (sealing.length >= 2) await sealing.shift();
    if (performance.now() - lastBeat > PROGRESS_MS) {
      lastBeat = performance.now();
      await report(db, request, { ...counts, status: "reading" });
    }
  };

  const stream = createReadStream(request.filePath, { highWaterMark: 1 << 20, signal: request.signal });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      counts.bytesRead += chunk.length;
      for (const record of splitter.push(chunk)) {
        take(record);
        if (unreadable) break;
      }
      if (unreadable) break;
      if (good.length >= LINES_PER_BATCH || issues.length >= LINES_PER_BATCH) await flush();
    }
  } catch (error) {
    if (request.signal?.aborted) throw new AbortedError();
    throw error;
  } finally {
    stream.destroy();
  }
  if (!unreadable) for (const record of splitter.end()) take(record);
  if (!header && !unreadable) issues.push({ line: 1, reason: "missing-header" });
  await flush();
  await Promise.all(sealing);
  return { ...counts, encoding: splitter.encoding };
}

async function report(db: Db, request: ImportRequest, progress: ReadCounts & { status: ImportStatus }): Promise<void> {
  const { count } = await db.importRun.updateMany({
    where: { id: request.runId, status: { in: [...LIVE_STATUSES] } },
    data: { ...progress, heartbeatAt: new Date() },
  });
  if (count !== 1) throw new RetiredError();
  request.onProgress?.({ ...progress, bytesTotal: request.bytesTotal });
}
