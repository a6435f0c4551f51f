// Deletion requests as their customer makes and follows them: asking (one open request at
// most), the status page, and withdrawing until the erasure starts. Each step mails the
// customer in the request's language and is audited.
import { randomBytes } from "node:crypto";
import { getConfig } from "~/config.server";
import { getDb } from "~/db/client.server";
import type { Prisma } from "~/generated/sqlite/client";
import { type DbHandle, inTransaction, type Tx } from "~/db/transaction.server";
import { isUniqueViolation } from "~/db/unique-violation";
import type { AuditAction } from "~/domain/audit/actions";
import { parseErasedCounts, type ErasedCounts } from "~/domain/deletions/categories";
import { deletionDueAt, lastDayOf } from "~/domain/deletions/deadline";
import { canCancel, CANCELLABLE_STATUSES, deletionStatusOf, type DeletionStatus } from "~/domain/deletions/status";
import { referenceFromBytes } from "~/domain/inquiries/reference";
import { DELETION_REQUEST_RULE } from "~/domain/rate-limit/rate-limit";
import type { Language } from "~/i18n/config";
import { composeMail, type DeletionMailRequest } from "~/mail/compose.server";
import { appendAudit, type AuditEvent } from "~/models/audit.server";
import type { EditorActor } from "~/models/editor-actor.server";
import { enqueueMail } from "~/models/outbox.server";
import { consumeRateLimits } from "~/models/rate-limit.server";
import { formatLocalDate } from "~/utils/format";
import { unseal } from "~/utils/sealed.server";
import { getDeletionSettings } from "./settings.server";
import { deletionStatusUrl } from "./status-link.server";

/** What the status page and the staff pages show of a request: no personal data. */
export interface DeletionRequestView {
  id: string;
  reference: string;
  status: DeletionStatus;
  language: Language;
  receivedAt: Date;
  dueAt: Date;
  reviewStartedAt: Date | null;
  decidedAt: Date | null;
  ground: { ja: string; en: string } | null;
  explanation: { ja: string; en: string } | null;
  executeAfter: Date | null;
  executionStartedAt: Date | null;
  completedAt: Date | null;
  cancelledAt: Date | null;
  erased: ErasedCounts;
  version: number;
}

export const REQUEST_VIEW_SELECT = {
  id: true,
  reference: true,
  status: true,
  language: true,
  receivedAt: true,
  dueAt: true,
  reviewStartedAt: true,
  decidedAt: true,
  groundJa: true,
  groundEn: true,
  explanationJa: true,
  explanationEn: true,
  executeAfter: true,
  executionStartedAt: true,
  completedAt: true,
  cancelledAt: true,
  erased: true,
  version: true,
} as const;

type RequestRow = Prisma.DeletionRequestGetPayload<{ select: typeof REQUEST_VIEW_SELECT }>;

export function requestView(row: RequestRow): DeletionRequestView {
  return {
    id: row.id,
    reference: row.reference,
    status: deletionStatusOf(row.status),
    language: row.language === "en" ? "en" : "ja",
    receivedAt: row.receivedAt,
    dueAt: row.dueAt,
    reviewStartedAt: row.reviewStartedAt,
    decidedAt: row.decidedAt,
    ground: row.groundJa && row.groundEn ? { ja: row.groundJa, en: row.groundEn } : null,
    explanation: row.explanationJa && row.explanationEn ? { ja: row.explanationJa, en: row.explanationEn } : null,
    executeAfter: row.executeAfter,
    executionStartedAt: row.executionStartedAt,
    completedAt: row.completedAt,
    cancelledAt: row.cancelledAt,
    erased: parseErasedCounts(row.erased),
    version: row.version,
  };
}

/** What a step's mail says beyond the request itself: the template and its own details. */
type DeletionMailDetails = DeletionMailRequest extends infer Mail
  ? Mail extends DeletionMailRequest
    ? Omit<Mail, "language" | "reference" | "statusUrl">
    : never
  : never;

/** The mail about one step, composed before the transaction that takes the step. */
export async function deletionMail(request: { id: string; reference: string; language: Language }, details: DeletionMailDetails) {
  const mailRequest: DeletionMailRequest = {
    ...details,
    language: request.language,
    reference: request.reference,
    statusUrl: deletionStatusUrl(request, request.language),
  };
  return { template: mailRequest.template, rendered: await composeMail(mailRequest) };
}

/** Queues a composed mail to the customer's address, if they are still there to mail. */
export async function enqueueDeletionMail(tx: Tx, customerId: string | null, mail: Awaited<ReturnType<typeof deletionMail>>): Promise<void> {
  if (!customerId) return;
  const customer = await tx.customer.findUnique({ where: { id: customerId }, select: { emailCiphertext: true } });
  if (!customer) return;
  await enqueueMail(tx, { template: mail.template, customerId, mail: { to: unseal(customer.emailCiphertext), ...mail.rendered } });
}

/** The audit entry of a step: by the customer or the system (no actor) or by a member of staff. */
export function deletionAudit(
  action: AuditAction,
  reference: string,
  by: { actor?: EditorActor; clientHash?: string },
  details?: Record<string, unknown>,
): AuditEvent {
  return {
    actor: by.actor ? { id: by.actor.id, email: by.actor.email } : null,
    action,
    target: { type: "deletion-request", id: reference },
    clientHash: by.actor?.clientHash ?? by.clientHash ?? null,
    result: "ok",
    ...(details ? { details } : {}),
  };
}

export type RequestOutcome = { status: "created"; reference: string } | { status: "already-open"; reference: string } | { status: "limited"; retryAt: Date };

async function openRequestOf(customerId: string, db: DbHandle = getDb()): Promise<{ reference: string } | null> {
  return db.deletionRequest.findUnique({ where: { openKey: customerId }, select: { reference: true } });
}

/**
 * A verified customer asks for their data to be erased. One open request at most: the
 * unique openKey makes a second one fail even when two arrive at once on two instances.
 */
export async function requestDeletion(
  customerId: string,
  language: Language,
  clientHash: string,
  now = new Date(),
  db: DbHandle = getDb(),
): Promise<RequestOutcome> {
  const open = await openRequestOf(customerId, db);
  if (open) return { status: "already-open", reference: open.reference };
  const limits = await consumeRateLimits([{ rule: DELETION_REQUEST_RULE, subject: customerId }], now, db);
  if (limits.limited) return { status: "limited", retryAt: limits.retryAt };
  const customer = await db.customer.findUniqueOrThrow({ where: { id: customerId }, select: { emailHash: true, externalId: true } });
  const { deadlineDays } = await getDeletionSettings(db);
  const timeZone = getConfig().DESK_TIME_ZONE;
  const dueAt = deletionDueAt(now, deadlineDays, timeZone);
  const id = `dr${randomBytes(12).toString("hex")}`;
  const reference = referenceFromBytes(randomBytes(5), "DR");
  const mail = await deletionMail(
    { id, reference, language },
    { template: "deletion-received", lastDay: formatLocalDate(lastDayOf(dueAt, timeZone), language, { withYear: true }) },
  );
  try {
    await inTransaction(db, async (tx) => {
      await tx.deletionRequest.create({
        data: {
          id,
          reference,
          customerId,
          openKey: customerId,
          emailHash: customer.emailHash,
          externalId: customer.externalId,
          language,
          receivedAt: now,
          dueAt,
        },
        select: { id: true },
      });
      await enqueueDeletionMail(tx, customerId, mail);
      await appendAudit(tx, deletionAudit("deletion.request", reference, { clientHash }, { customerId, deadlineDays }));
    });
  } catch (error) {
    const existing = isUniqueViolation(error) ? await openRequestOf(customerId, db) : null;
    if (existing) return { status: "already-open", reference: existing.reference };
    throw error;
  }
  return { status: "created", reference };
}

/** The customer's requests, newest first, for their page. */
export async function listCustomerRequests(customerId: string, db: DbHandle = getDb()): Promise<DeletionRequestView[]> {
  const rows = await db.deletionRequest.findMany({ where: { customerId }, orderBy: { receivedAt: "desc" }, take: 20, select: REQUEST_VIEW_SELECT });
  return rows.map(requestView);
}

export async function getRequestByReference(reference: string, db: DbHandle = getDb()): Promise<(DeletionRequestView & { customerId: string | null }) | null> {
  const row = await db.deletionRequest.findUnique({ where: { reference }, select: { ...REQUEST_VIEW_SELECT, customerId: true } });
  return row ? { ...requestView(row), customerId: row.customerId } : null;
}

/**
 * The customer withdraws the request. Conditional on a state that can still be cancelled:
 * once the execution job has claimed it (executing), this changes nothing.
 */
export async function cancelDeletion(reference: string, clientHash: string, now = new Date(), db: DbHandle = getDb()): Promise<"cancelled" | "too-late"> {
  const request = await getRequestByReference(reference, db);
  if (!request || !canCancel(request.status)) return "too-late";
  const mail = await deletionMail(request, { template: "deletion-cancelled" });
  return inTransaction(db, async (tx) => {
    const { count } = await tx.deletionRequest.updateMany({
      where: { id: request.id, status: { in: [...CANCELLABLE_STATUSES] } },
      data: { status: "cancelled", cancelledAt: now, openKey: null, version: { increment: 1 } },
    });
    if (count !== 1) return "too-late";
    await enqueueDeletionMail(tx, request.customerId, mail);
    await appendAudit(tx, deletionAudit("deletion.cancel", reference, { clientHash }, { from: request.status }));
    return "cancelled";
  });
}
