// Deletion requests as the privacy officer works on them: the queue with deadlines, a
// request with what the portal holds about its person, and the decision. Opening a request
// is a view of a customer's data (audited) and starts its review (the customer is told).
import { getDb } from "~/db/client.server";
import { type DbHandle, inTransaction } from "~/db/transaction.server";
import type { Prisma } from "~/generated/sqlite/client";
import type { ErasedCategory } from "~/domain/deletions/categories";
import { executionTime } from "~/domain/deletions/deadline";
import { DELETION_QUEUE_PAGE_SIZE, type DeletionQueueFilter } from "~/domain/deletions/queue-filter";
import type { QueueCursor } from "~/domain/queue-cursor";
import {
  canDecide,
  DECIDABLE_STATUSES,
  DELETION_STATUSES,
  OPEN_STATUSES,
  deletionStatusOf,
  isDeletionStatus,
  type DeletionStatus,
} from "~/domain/deletions/status";
import { appendAudit, recordAudit } from "~/models/audit.server";
import type { EditorActor } from "~/models/editor-actor.server";
import { countPersonalData } from "./personal-data.server";
import { deletionAudit, deletionMail, enqueueDeletionMail, REQUEST_VIEW_SELECT, requestView, type DeletionRequestView } from "./requests.server";
import { getDeletionSettings } from "./settings.server";

export interface DeletionQueueRow {
  id: string;
  reference: string;
  status: DeletionStatus;
  language: string;
  receivedAt: Date;
  dueAt: Date;
  decidedBy: string | null;
}

export interface DeletionQueuePage {
  rows: DeletionQueueRow[];
  next: QueueCursor | null;
  counts: Record<DeletionStatus, number>;
  overdue: number;
}

type Where = Prisma.DeletionRequestWhereInput;
const openWhere = (): Where => ({ status: { in: [...OPEN_STATUSES] } });

function statusWhere(filter: DeletionQueueFilter): Where {
  if (filter.status === "all") return {};
  if (filter.status === "open") return openWhere();
  return { status: filter.status };
}

export async function getDeletionQueue(filter: DeletionQueueFilter, now = new Date(), db: DbHandle = getDb()): Promise<DeletionQueuePage> {
  const cursor = filter.cursor;
  const where: Where = {
    ...statusWhere(filter),
    ...(filter.overdue ? { AND: [openWhere(), { dueAt: { lte: now } }] } : {}),
    ...(cursor ? { OR: [{ dueAt: { gt: cursor.at } }, { dueAt: cursor.at, id: { gt: cursor.id } }] } : {}),
  };
  const [rows, grouped, overdue] = await Promise.all([
    db.deletionRequest.findMany({
      where,
      orderBy: [{ dueAt: "asc" }, { id: "asc" }],
      take: DELETION_QUEUE_PAGE_SIZE + 1,
      select: { id: true, reference: true, status: true, language: true, receivedAt: true, dueAt: true, decidedBy: { select: { displayName: true } } },
    }),
    db.deletionRequest.groupBy({ by: ["status"], _count: { _all: true } }),
    db.deletionRequest.count({ where: { ...openWhere(), dueAt: { lte: now } } }),
  ]);
  const counts = Object.fromEntries(DELETION_STATUSES.map((status) => [status, 0])) as Record<DeletionStatus, number>;
  for (const group of grouped) if (isDeletionStatus(group.status)) counts[group.status] = group._count._all;
  const page = rows.slice(0, DELETION_QUEUE_PAGE_SIZE);
  const last = page.at(-1);
  return {
    rows: page.map((row) => ({ ...row, status: deletionStatusOf(row.status), decidedBy: row.decidedBy?.displayName ?? null })),
    next: rows.length > DELETION_QUEUE_PAGE_SIZE && last ? { at: last.dueAt, id: last.id } : null,
    counts,
    overdue,
  };
}

export interface StaffDeletionRequest extends DeletionRequestView {
  externalId: string;
  decidedBy: string | null;
  /** Open: what the portal holds about the person now. Completed: what was erased. */
  data: Partial<Record<ErasedCategory, number>>;
}

/**
 * A request as the privacy officer opens it. The view is audited; the first one by anybody
 * moves a received request to review. The customer's status page shows that; a mail for it
 * would be one more within minutes of the request and before the decision (issue 19), so the
 * customer is mailed only when the request is received, decided and completed.
 */
export async function openDeletionRequest(
  reference: string,
  actor: EditorActor,
  now = new Date(),
  db: DbHandle = getDb(),
): Promise<StaffDeletionRequest | null> {
  const select = { ...REQUEST_VIEW_SELECT, customerId: true, emailHash: true, externalId: true, decidedBy: { select: { displayName: true } } };
  let row = await db.deletionRequest.findUnique({ where: { reference }, select });
  if (!row) return null;
  if (row.status === "received") {
    // Started here: the change is known. Started by someone else at the same moment: read it.
    row = (await startReview(row, actor, now, db))
      ? { ...row, status: "reviewing", reviewStartedAt: now, version: row.version + 1 }
      : await db.deletionRequest.findUniqueOrThrow({ where: { id: row.id }, select });
  }
  const view = requestView(row);
  const person = { customerId: row.customerId, emailHash: row.emailHash };
  const data = view.status === "completed" ? view.erased : await countPersonalData(db, person);
  // The page shows the company's id for the person and what is held about them.
  await recordAudit(deletionAudit("deletion.view", reference, { actor }, { customerId: row.customerId }), db);
  return { ...view, externalId: row.externalId, decidedBy: row.decidedBy?.displayName ?? null, data };
}

/** received → reviewing; false when someone else started it first. */
async function startReview(row: { id: string; reference: string }, actor: EditorActor, now: Date, db: DbHandle = getDb()): Promise<boolean> {
  return inTransaction(db, async (tx) => {
    const { count } = await tx.deletionRequest.updateMany({
      where: { id: row.id, status: "received" },
      data: { status: "reviewing", reviewStartedAt: now, version: { increment: 1 } },
    });
    if (count !== 1) return false;
    await appendAudit(tx, deletionAudit("deletion.review", row.reference, { actor }, {}));
    return true;
  });
}

export type DecisionOutcome = "done" | "stale" | "not-decidable" | "unknown-ground" | "not-found";

async function decidable(reference: string, seenVersion: number, db: DbHandle = getDb()) {
  const row = await db.deletionRequest.findUnique({ where: { reference }, select: { ...REQUEST_VIEW_SELECT, customerId: true } });
  if (!row) return { outcome: "not-found" as const };
  if (row.version !== seenVersion) return { outcome: "stale" as const };
  const view = requestView(row);
  if (!canDecide(view.status)) return { outcome: "not-decidable" as const };
  return { outcome: null, row, view };
}

/** Approves: the erasure runs after the grace period, during which the customer may still cancel. */
export async function approveDeletion(
  reference: string,
  seenVersion: number,
  actor: EditorActor,
  now = new Date(),
  db: DbHandle = getDb(),
): Promise<DecisionOutcome> {
  const found = await decidable(reference, seenVersion, db);
  if (!found.row) return found.outcome;
  const { executionDelayHours } = await getDeletionSettings(db);
  const executeAfter = executionTime(now, executionDelayHours);
  const mail = await deletionMail(found.view, { template: "deletion-approved", executeAfter });
  return inTransaction(db, async (tx) => {
    const { count } = await tx.deletionRequest.updateMany({
      where: { id: found.row.id, version: seenVersion, status: { in: [...DECIDABLE_STATUSES] } },
      data: {
        status: "approved",
        decidedAt: now,
        decidedById: actor.id,
        executeAfter,
        reviewStartedAt: found.row.reviewStartedAt ?? now,
        version: { increment: 1 },
      },
    });
    if (count !== 1) return "stale";
    await enqueueDeletionMail(tx, found.row.customerId, mail);
    await appendAudit(tx, deletionAudit("deletion.approve", reference, { actor }, { executeAfter: executeAfter.toISOString() }));
    return "done";
  });
}

/** Refuses on a ground of the list, explained in both languages; the customer is told in theirs. */
export async function refuseDeletion(
  reference: string,
  refusal: { seenVersion: number; groundKey: string; explanationJa: string; explanationEn: string },
  actor: EditorActor,
  now = new Date(),
  db: DbHandle = getDb(),
): Promise<DecisionOutcome> {
  const found = await decidable(reference, refusal.seenVersion, db);
  if (!found.row) return found.outcome;
  const ground = await db.deletionRefusalGround.findFirst({
    where: { key: refusal.groundKey, retiredAt: null },
    select: { key: true, labelJa: true, labelEn: true },
  });
  if (!ground) return "unknown-ground";
  const inTheirLanguage = found.view.language === "en";
  const mail = await deletionMail(found.view, {
    template: "deletion-refused",
    ground: inTheirLanguage ? ground.labelEn : ground.labelJa,
    explanation: inTheirLanguage ? refusal.explanationEn : refusal.explanationJa,
  });
  return inTransaction(db, async (tx) => {
    const { count } = await tx.deletionRequest.updateMany({
      where: { id: found.row.id, version: refusal.seenVersion, status: { in: [...DECIDABLE_STATUSES] } },
      data: {
        status: "refused",
        openKey: null,
        decidedAt: now,
        decidedById: actor.id,
        reviewStartedAt: found.row.reviewStartedAt ?? now,
        groundKey: ground.key,
        groundJa: ground.labelJa,
        groundEn: ground.labelEn,
        explanationJa: refusal.explanationJa,
        explanationEn: refusal.explanationEn,
        version: { increment: 1 },
      },
    });
    if (count !== 1) return "stale";
    await enqueueDeletionMail(tx, found.row.customerId, mail);
    await appendAudit(tx, deletionAudit("deletion.refuse", reference, { actor }, { ground: ground.key }));
    return "done";
  });
}
