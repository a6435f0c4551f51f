// Notification campaigns as privacy officers draft, approve and steer them (ADR 031). Every
// change is conditional on the campaign's status and version as the officer saw it, and is
// audited in its own transaction.
import { randomBytes } from "node:crypto";
import { getDb } from "~/db/client.server";
import { inTransaction, type DbHandle, type Tx } from "~/db/transaction.server";
import { missingForApproval, type CampaignTexts } from "~/domain/notifications/checklist";
import type { DraftInput } from "~/domain/notifications/forms";
import { statusesFor, type CampaignStatus, type CampaignStep } from "~/domain/notifications/status";
import { appendAudit } from "~/models/audit.server";
import { markdownToPlainText } from "~/utils/markdown.server";
import { auditEditorChange, type EditorActor } from "~/models/editor-actor.server";

const TEXT_FIELDS = [
  "subjectJa",
  "subjectEn",
  "introJa",
  "introEn",
  "summaryJa",
  "summaryEn",
  "causeJa",
  "causeEn",
  "harmJa",
  "harmEn",
  "otherJa",
  "otherEn",
] as const satisfies ReadonlyArray<keyof CampaignTexts>;

const textSelect = Object.fromEntries(TEXT_FIELDS.map((field) => [field, true])) as Record<(typeof TEXT_FIELDS)[number], true>;

export const campaignSelect = {
  id: true,
  status: true,
  ...textSelect,
  ratePerMinute: true,
  rampUpMinutes: true,
  createdById: true,
  createdBy: { select: { displayName: true } },
  editedById: true,
  editedBy: { select: { displayName: true } },
  approvedBy: { select: { displayName: true } },
  approvedAt: true,
  startedAt: true,
  releasedAt: true,
  finishedAt: true,
  inList: true,
  leftOut: true,
  version: true,
  createdAt: true,
} as const;

export interface CampaignView {
  id: string;
  status: CampaignStatus;
  texts: CampaignTexts;
  ratePerMinute: number;
  rampUpMinutes: number;
  createdById: string;
  createdByName: string;
  /** Who saved the text last: the one who can't approve it. */
  editedById: string;
  editedByName: string;
  approvedByName: string | null;
  approvedAt: Date | null;
  startedAt: Date | null;
  finishedAt: Date | null;
  inList: number;
  leftOut: number;
  version: number;
  createdAt: Date;
}

type CampaignRow = NonNullable<Awaited<ReturnType<typeof findCampaignRow>>>;

function findCampaignRow(id: string, db: DbHandle) {
  return db.notificationCampaign.findUnique({ where: { id }, select: campaignSelect });
}

function toView(row: CampaignRow): CampaignView {
  const texts = Object.fromEntries(TEXT_FIELDS.map((field) => [field, row[field]])) as unknown as CampaignTexts;
  return {
    id: row.id,
    status: row.status as CampaignStatus,
    texts,
    ratePerMinute: row.ratePerMinute,
    rampUpMinutes: row.rampUpMinutes,
    createdById: row.createdById,
    createdByName: row.createdBy.displayName,
    editedById: row.editedById,
    editedByName: row.editedBy.displayName,
    approvedByName: row.approvedBy?.displayName ?? null,
    approvedAt: row.approvedAt,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    inList: row.inList,
    leftOut: row.leftOut,
    version: row.version,
    createdAt: row.createdAt,
  };
}

export async function getCampaign(id: string, db: DbHandle = getDb()): Promise<CampaignView | null> {
  const row = await findCampaignRow(id, db);
  return row ? toView(row) : null;
}

/** Every campaign, newest first. A company sends a handful, so the list is short. */
export async function listCampaigns(db: DbHandle = getDb()): Promise<CampaignView[]> {
  const rows = await db.notificationCampaign.findMany({ orderBy: { createdAt: "desc" }, select: campaignSelect });
  return rows.map(toView);
}

/** A key for the page that offers to draft a notification (see createCampaign). */
export function newCreationKey(): string {
  return randomBytes(16).toString("base64url");
}

/**
 * A new draft, its summary taken from the latest published notice as plain text (the officer
 * shortens or rewrites it for a mail). `creationKey` comes from the page that asked: the same
 * key again (a second tap) opens the draft it made. Returns the draft's id.
 */
export async function createCampaign(actor: EditorActor, creationKey: string, db: DbHandle = getDb()): Promise<string> {
  return inTransaction(db, async (tx) => {
    const made = await tx.notificationCampaign.findUnique({ where: { creationKey }, select: { id: true } });
    if (made) return made.id;
    const notice = await tx.noticeRevision.findFirst({
      where: { publishedAt: { not: null } },
      orderBy: { number: "desc" },
      select: { number: true, summaryJa: true, summaryEn: true },
    });
    const { id } = await tx.notificationCampaign.create({
      data: {
        createdById: actor.id,
        editedById: actor.id,
        creationKey,
        summaryJa: notice ? markdownToPlainText(notice.summaryJa) : "",
        summaryEn: notice ? markdownToPlainText(notice.summaryEn) : "",
      },
      select: { id: true },
    });
    await auditEditorChange(tx, actor, "notification.create", { type: "notification", id }, { summaryFromNotice: notice?.number ?? null });
    return id;
  });
}

export type StepOutcome = "done" | "stale";

/** Saves a draft as the officer saw it (version); "stale" when it changed or left the draft meanwhile. */
export async function saveDraft(id: string, input: DraftInput, actor: EditorActor, db: DbHandle = getDb()): Promise<StepOutcome> {
  const { intent: _intent, version, ...fields } = input;
  return inTransaction(db, async (tx) => {
    const { count } = await tx.notificationCampaign.updateMany({
      where: { id, version, status: { in: statusesFor("edit") } },
      data: { ...fields, editedById: actor.id, version: { increment: 1 } },
    });
    if (count !== 1) return "stale";
    // What changed is in the campaign itself; the entry says who saved which version and the pace.
    await auditEditorChange(
      tx,
      actor,
      "notification.update",
      { type: "notification", id },
      {
        version: version + 1,
        ratePerMinute: fields.ratePerMinute,
        rampUpMinutes: fields.rampUpMinutes,
      },
    );
    return "done";
  });
}

export type ApprovalOutcome = StepOutcome | "own-text" | { missing: string[] };

/**
 * A second privacy officer approves the draft as they read it. Whoever saved its text last
 * can't (its author, until someone else saves it): the refusal is audited too. Nor can a
 * draft that lacks what the law asks a notification to carry.
 */
export async function approveCampaign(id: string, version: number, actor: EditorActor, db: DbHandle = getDb()): Promise<ApprovalOutcome> {
  return inTransaction(db, async (tx) => {
    const row = await findCampaignRow(id, tx);
    if (!row || row.version !== version || row.status !== "draft") return "stale";
    const target = { type: "notification", id };
    if (row.editedById === actor.id) {
      await appendAudit(tx, {
        actor: { id: actor.id, email: actor.email },
        action: "notification.approve",
        target,
        clientHash: actor.clientHash,
        result: "denied",
        details: { reason: "own-text" },
      });
      return "own-text";
    }
    const missing = missingForApproval(toView(row).texts);
    if (missing.length > 0) return { missing };
    const { count } = await tx.notificationCampaign.updateMany({
      where: { id, version, status: "draft" },
      data: { status: "approved", approvedById: actor.id, approvedAt: new Date(), version: { increment: 1 } },
    });
    if (count !== 1) return "stale";
    await auditEditorChange(tx, actor, "notification.approve", target, { version });
    return "done";
  });
}

/**
 * Starts sending: the list is written at once, one row per person in the records (however many
 * groups they are in), leaving out those with an approved erasure about to be carried out; those
 * already erased are no longer in the records and are counted with them.
 */
export async function startCampaign(id: string, version: number, actor: EditorActor, now = new Date(), db: DbHandle = getDb()): Promise<StepOutcome> {
  return inTransaction(
    db,
    async (tx) => {
      const { count } = await tx.notificationCampaign.updateMany({
        where: { id, version, status: { in: statusesFor("start") } },
        data: { status: "sending", startedAt: now, releasedAt: now, version: { increment: 1 } },
      });
      if (count !== 1) return "stale";
      const inList = await tx.$executeRaw`
        INSERT INTO "NotificationRecipient" ("campaignId", "customerId", "status")
        SELECT ${id}, c."id", 'waiting' FROM "Customer" c
        WHERE NOT EXISTS (
          SELECT 1 FROM "DeletionRequest" d WHERE d."customerId" = c."id" AND d."status" IN ('approved', 'executing')
        )`;
      const [erased, aboutToBeErased] = await Promise.all([
        tx.deletionRequest.count({ where: { status: "completed" } }),
        tx.deletionRequest.count({ where: { status: { in: ["approved", "executing"] }, customerId: { not: null } } }),
      ]);
      const leftOut = erased + aboutToBeErased;
      await tx.notificationCampaign.update({ where: { id }, data: { inList, leftOut }, select: { id: true } });
      await auditEditorChange(tx, actor, "notification.start", { type: "notification", id }, { inList, leftOut });
      return "done";
    },
    // A list of a million people is written in one statement; give it the time it takes.
    { timeout: 5 * 60_000 },
  );
}

/** Pause, resume or cancel, each from the statuses it may be taken from. */
export async function steerCampaign(
  id: string,
  step: Extract<CampaignStep, "pause" | "resume" | "cancel">,
  version: number,
  actor: EditorActor,
  now = new Date(),
  db: DbHandle = getDb(),
): Promise<StepOutcome> {
  return inTransaction(db, async (tx) => {
    const data =
      step === "pause"
        ? { status: "paused" }
        : // Resumed at the pace it had, counted from now: the pause is not made up for in a burst.
          step === "resume"
          ? { status: "sending", releasedAt: now }
          : { status: "cancelled", finishedAt: now };
    const { count } = await tx.notificationCampaign.updateMany({
      where: { id, version, status: { in: statusesFor(step) } },
      data: { ...data, version: { increment: 1 } },
    });
    if (count !== 1) return "stale";
    const details = step === "cancel" ? await withdrawUnsent(tx, id) : {};
    await auditEditorChange(tx, actor, `notification.${step}`, { type: "notification", id }, details);
    return "done";
  });
}

/**
 * A cancelled campaign's people still waiting get nothing, and its mails still in the outbox
 * are taken back; a mail already being sent goes out (it may be on the wire).
 */
async function withdrawUnsent(tx: Tx, id: string) {
  const { count: notHandedOver } = await tx.notificationRecipient.updateMany({ where: { campaignId: id, status: "waiting" }, data: { status: "cancelled" } });
  const queued = await tx.notificationRecipient.findMany({ where: { campaignId: id, status: "queued" }, select: { outboxMessageId: true } });
  const ids = queued.flatMap((row) => (row.outboxMessageId ? [row.outboxMessageId] : []));
  const { count: withdrawn } = await tx.outboxMessage.deleteMany({ where: { id: { in: ids }, status: "queued" } });
  const stillThere = await tx.outboxMessage.findMany({ where: { id: { in: ids } }, select: { id: true } });
  const sending = new Set(stillThere.map((row) => row.id));
  const taken = ids.filter((outboxId) => !sending.has(outboxId));
  await tx.notificationRecipient.updateMany({
    where: { campaignId: id, outboxMessageId: { in: taken } },
    data: { status: "cancelled", outboxMessageId: null },
  });
  return { notHandedOver, withdrawn };
}
