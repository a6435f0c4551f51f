// What the operations view and the /metrics gauges read: queue depths and job progress,
// each one small query on an index. Nothing here returns personal data; error messages are
// redacted before they leave this module.
import { getDb } from "~/db/client.server";
import type { DbHandle } from "~/db/transaction.server";
import { OPEN_STATUSES as OPEN_DELETION_STATUSES } from "~/domain/deletions/status";
import { LIVE_STATUSES, isLiveStatus } from "~/domain/import/run-status";
import { OPEN_INQUIRY_STATUSES } from "~/domain/inquiries/categories";
import { redactError } from "~/domain/work-queue/redact";

/** Mail not yet sent, by status; sent mail (the whole history) is not counted here. */
export const UNSENT_MAIL_STATUSES = ["queued", "sending", "failed"] as const;
export type UnsentMailStatus = (typeof UNSENT_MAIL_STATUSES)[number];

export async function countUnsentMail(db: DbHandle = getDb()): Promise<Record<UnsentMailStatus, number>> {
  const grouped = await db.outboxMessage.groupBy({
    by: ["status"],
    where: { status: { in: [...UNSENT_MAIL_STATUSES] } },
    _count: { _all: true },
  });
  const counts = { queued: 0, sending: 0, failed: 0 };
  for (const group of grouped) if (group.status in counts) counts[group.status as UnsentMailStatus] = group._count._all;
  return counts;
}

/** Queued again after a failed attempt, waiting for their retry. */
export function countRetryingMail(db: DbHandle = getDb()): Promise<number> {
  return db.outboxMessage.count({ where: { status: "queued", attempts: { gt: 0 } } });
}

/** When the oldest mail still waiting to go out was written, or null when none waits. */
export async function oldestWaitingMailAt(db: DbHandle = getDb()): Promise<Date | null> {
  const oldest = await db.outboxMessage.aggregate({ where: { status: { in: ["queued", "sending"] } }, _min: { createdAt: true } });
  return oldest._min.createdAt;
}

export function countMailSentSince(since: Date, db: DbHandle = getDb()): Promise<number> {
  return db.outboxMessage.count({ where: { status: "sent", sentAt: { gte: since } } });
}

export interface MailFailure {
  id: string;
  template: string;
  status: string;
  attempts: number;
  /** When it is tried again; null once given up. */
  nextAttemptAt: Date | null;
  lastError: string;
}

/** The latest failed attempts, retrying or given up: the template and the error, never the recipient or the body. */
export async function listRecentMailFailures(take = 10, db: DbHandle = getDb()): Promise<MailFailure[]> {
  const rows = await db.outboxMessage.findMany({
    where: { status: { in: ["queued", "failed"] }, attempts: { gt: 0 }, lastError: { not: null } },
    orderBy: [{ nextAttemptAt: "desc" }, { id: "desc" }],
    take,
    select: { id: true, template: true, status: true, attempts: true, nextAttemptAt: true, lastError: true },
  });
  return rows.map((row) => ({
    ...row,
    nextAttemptAt: row.status === "queued" ? row.nextAttemptAt : null,
    lastError: redactError(row.lastError ?? ""),
  }));
}

export interface CheckQueue {
  waiting: number;
  oldestAt: Date | null;
}

/** "Am I affected?" requests not yet answered by mail. */
export async function getCheckQueue(db: DbHandle = getDb()): Promise<CheckQueue> {
  const { _count, _min } = await db.checkRequest.aggregate({ _count: { _all: true }, _min: { createdAt: true } });
  return { waiting: _count._all, oldestAt: _min.createdAt };
}

export function countOpenInquiries(db: DbHandle = getDb()): Promise<number> {
  return db.inquiry.count({ where: { status: { in: [...OPEN_INQUIRY_STATUSES] } } });
}

/**
 * A due time runs only while an answer is owed, so every inquiry whose due time has come is
 * overdue (as the queue's slaStanding and the dashboard count it: due at `now` is overdue).
 */
export function countOverdueInquiries(now = new Date(), db: DbHandle = getDb()): Promise<number> {
  return db.inquiry.count({ where: { dueAt: { lte: now } } });
}

export function countOpenDeletionRequests(db: DbHandle = getDb()): Promise<number> {
  return db.deletionRequest.count({ where: { status: { in: [...OPEN_DELETION_STATUSES] } } });
}

export function countOverdueDeletionRequests(now = new Date(), db: DbHandle = getDb()): Promise<number> {
  return db.deletionRequest.count({ where: { status: { in: [...OPEN_DELETION_STATUSES] }, dueAt: { lte: now } } });
}

export interface DeletionExecution {
  /** Approved, in their grace period. */
  scheduled: number;
  /** Approved and past their time: the execution job should be on them. */
  due: number;
  executing: number;
}

export async function countDeletionExecution(now = new Date(), db: DbHandle = getDb()): Promise<DeletionExecution> {
  const [scheduled, due, executing] = await Promise.all([
    db.deletionRequest.count({ where: { status: "approved", executeAfter: { gt: now } } }),
    db.deletionRequest.count({ where: { status: "approved", executeAfter: { lte: now } } }),
    db.deletionRequest.count({ where: { status: "executing" } }),
  ]);
  return { scheduled, due, executing };
}

export function countDeletionsCompletedSince(since: Date, db: DbHandle = getDb()): Promise<number> {
  return db.deletionRequest.count({ where: { completedAt: { gte: since } } });
}

export interface WebhookQueue {
  pending: number;
  /** Pending entries whose posts have failed at least once. */
  retrying: number;
}

export async function countWebhookQueue(db: DbHandle = getDb()): Promise<WebhookQueue> {
  const [pending, retrying] = await Promise.all([
    db.deletionManifestEntry.count({ where: { webhookStatus: "pending" } }),
    db.deletionManifestEntry.count({ where: { webhookStatus: "pending", attempts: { gt: 0 } } }),
  ]);
  return { pending, retrying };
}

/** The error of the pending entry tried last, and when it is tried again. */
export async function latestWebhookFailure(db: DbHandle = getDb()): Promise<{ lastError: string; nextAttemptAt: Date } | null> {
  const latest = await db.deletionManifestEntry.findFirst({
    where: { webhookStatus: "pending", lastError: { not: null } },
    orderBy: { nextAttemptAt: "desc" },
    select: { lastError: true, nextAttemptAt: true },
  });
  return latest ? { lastError: redactError(latest.lastError ?? ""), nextAttemptAt: latest.nextAttemptAt } : null;
}

export interface ImportRunProgress {
  id: string;
  fileName: string;
  source: string;
  status: string;
  running: boolean;
  bytesRead: number;
  bytesTotal: number;
  linesRead: number;
  errorCount: number;
  failure: string | null;
  startedAt: Date;
  finishedAt: Date | null;
}

const IMPORT_SELECT = {
  id: true,
  fileName: true,
  source: true,
  status: true,
  bytesRead: true,
  bytesTotal: true,
  linesRead: true,
  errorCount: true,
  failure: true,
  startedAt: true,
  finishedAt: true,
} as const;

/** The latest import runs, newest first. */
export async function listLatestImports(take = 5, db: DbHandle = getDb()): Promise<ImportRunProgress[]> {
  const rows = await db.importRun.findMany({ orderBy: { startedAt: "desc" }, take, select: IMPORT_SELECT });
  return rows.map((row) => ({ ...row, running: isLiveStatus(row.status), failure: row.failure ? redactError(row.failure) : null }));
}

/** The import at work now, or null. */
export async function getRunningImport(db: DbHandle = getDb()): Promise<ImportRunProgress | null> {
  const row = await db.importRun.findFirst({
    where: { status: { in: [...LIVE_STATUSES] } },
    orderBy: { startedAt: "desc" },
    select: IMPORT_SELECT,
  });
  return row ? { ...row, running: true, failure: null } : null;
}
