// An inquiry as staff work on it: the whole thread with internal notes, the sender's
// contact details, who else has it open, and the actions (claim, assign, reply, note,
// status). Every view of the sender's data and every action is audited.
import { getDb } from "~/db/client.server";
import type { DbHandle } from "~/db/transaction.server";
import type { AuditAction } from "~/domain/audit/actions";
import { type InquiryCategory, type InquiryStatus, categoryOf, statusOf } from "~/domain/inquiries/categories";
import { onClaimed, onStaffAction, type StaffStatus } from "~/domain/inquiries/sla";
import { can } from "~/domain/staff/permissions";
import type { Language } from "~/i18n/config";
import { composeMail } from "~/mail/compose.server";
import { appendAudit, recordAudit } from "~/models/audit.server";
import { getCustomerExposure, type ExposureView } from "~/models/customer-exposure.server";
import type { EditorActor } from "~/models/editor-actor.server";
import { enqueueMail } from "~/models/outbox.server";
import { seal, unseal } from "~/utils/sealed.server";
import { newInquiryLinkToken } from "./access.server";
import { changeInquiry } from "./sla-update.server";

/** Someone counts as viewing while their page has checked in within this time. */
const VIEWER_FRESH_MS = 45_000;
/** Another agent's reply this recent is pointed out on the page. */
const RECENT_REPLY_MS = 10 * 60_000;

export interface StaffThreadMessage {
  id: string;
  kind: "customer" | "reply" | "note";
  author: string | null;
  body: string;
  at: string;
}

export interface StaffInquiry {
  id: string;
  reference: string;
  category: InquiryCategory;
  language: Language;
  status: InquiryStatus;
  version: number;
  dueAt: string | null;
  dueKind: string | null;
  createdAt: string;
  firstAnsweredAt: string | null;
  assignee: { id: string; name: string } | null;
  customerId: string | null;
  /** When the sender's data was erased on their deletion request: no contact, no messages. */
  erasedAt: string | null;
  contact: { email: string | null; name: string | null; by: "email" | "phone"; phone: string | null; callback: { from: string; until: string } | null };
  messages: StaffThreadMessage[];
}

export async function getStaffInquiry(reference: string, actor: EditorActor, db: DbHandle = getDb()): Promise<StaffInquiry | null> {
  const row = await db.inquiry.findUnique({
    where: { reference },
    select: {
      id: true,
      reference: true,
      category: true,
      language: true,
      status: true,
      version: true,
      dueAt: true,
      dueKind: true,
      createdAt: true,
      firstAnsweredAt: true,
      customerId: true,
      emailCiphertext: true,
      nameCiphertext: true,
      contactBy: true,
      phoneCiphertext: true,
      callbackFrom: true,
      callbackUntil: true,
      erasedAt: true,
      assignee: { select: { id: true, displayName: true } },
      messages: {
        orderBy: { createdAt: "asc" },
        select: { id: true, kind: true, bodyCiphertext: true, createdAt: true, author: { select: { displayName: true } } },
      },
    },
  });
  if (!row) return null;
  // Opening the thread shows the sender's address and words: a view of personal data.
  await recordAudit(
    {
      actor: { id: actor.id, email: actor.email },
      action: "inquiry.view",
      target: { type: "inquiry", id: reference },
      clientHash: actor.clientHash,
      result: "ok",
      details: { customerId: row.customerId },
    },
    db,
  );
  return {
    id: row.id,
    reference: row.reference,
    category: categoryOf(row.category),
    language: row.language === "en" ? "en" : "ja",
    status: statusOf(row.status),
    version: row.version,
    dueAt: row.dueAt?.toISOString() ?? null,
    dueKind: row.dueKind,
    createdAt: row.createdAt.toISOString(),
    firstAnsweredAt: row.firstAnsweredAt?.toISOString() ?? null,
    assignee: row.assignee ? { id: row.assignee.id, name: row.assignee.displayName } : null,
    customerId: row.customerId,
    erasedAt: row.erasedAt?.toISOString() ?? null,
    contact: {
      email: row.emailCiphertext ? unseal(row.emailCiphertext) : null,
      name: row.nameCiphertext ? unseal(row.nameCiphertext) : null,
      by: row.contactBy === "phone" ? "phone" : "email",
      phone: row.phoneCiphertext ? unseal(row.phoneCiphertext) : null,
      callback: row.callbackFrom && row.callbackUntil ? { from: row.callbackFrom.toISOString(), until: row.callbackUntil.toISOString() } : null,
    },
    messages: row.messages.map((message) => ({
      id: message.id,
      kind: message.kind === "customer" ? "customer" : message.kind === "note" ? "note" : "reply",
      author: message.author?.displayName ?? null,
      body: unseal(message.bodyCiphertext),
      at: message.createdAt.toISOString(),
    })),
  };
}

/** The affected customer's exposure, shown on request; the view is audited. */
export async function viewCustomerExposure(
  customerId: string,
  reference: string,
  actor: EditorActor,
  language: Language,
  db: DbHandle = getDb(),
): Promise<ExposureView[]> {
  await recordAudit(
    {
      actor: { id: actor.id, email: actor.email },
      action: "customer.view-exposure",
      target: { type: "customer", id: customerId },
      clientHash: actor.clientHash,
      result: "ok",
      details: { inquiry: reference },
    },
    db,
  );
  return getCustomerExposure(customerId, language, db);
}

export interface Presence {
  version: number;
  status: string;
  /** Others with the page open now. */
  viewers: Array<{ name: string; since: string }>;
  /** The latest reply or note by someone else, if recent. */
  recentReply: { author: string; at: string; kind: "reply" | "note" } | null;
}

/** Records that `staffId` has the inquiry open, and says who else does and what changed. */
export async function checkIn(inquiryId: string, staffId: string, now = new Date(), db: DbHandle = getDb()): Promise<Presence | null> {
  await db.inquiryViewer.upsert({
    where: { inquiryId_staffId: { inquiryId, staffId } },
    create: { inquiryId, staffId, seenAt: now },
    update: { seenAt: now },
    select: { staffId: true },
  });
  const [inquiry, viewers, reply] = await Promise.all([
    db.inquiry.findUnique({ where: { id: inquiryId }, select: { version: true, status: true } }),
    db.inquiryViewer.findMany({
      where: { inquiryId, staffId: { not: staffId }, seenAt: { gt: new Date(now.getTime() - VIEWER_FRESH_MS) } },
      select: { seenAt: true, staff: { select: { displayName: true } } },
    }),
    db.inquiryMessage.findFirst({
      where: { inquiryId, kind: { in: ["reply", "note"] }, authorId: { not: staffId }, createdAt: { gt: new Date(now.getTime() - RECENT_REPLY_MS) } },
      orderBy: { createdAt: "desc" },
      select: { kind: true, createdAt: true, author: { select: { displayName: true } } },
    }),
  ]);
  if (!inquiry) return null;
  return {
    version: inquiry.version,
    status: inquiry.status,
    viewers: viewers.map((viewer) => ({ name: viewer.staff.displayName, since: viewer.seenAt.toISOString() })),
    recentReply: reply ? { author: reply.author?.displayName ?? "", at: reply.createdAt.toISOString(), kind: reply.kind === "note" ? "note" : "reply" } : null,
  };
}

export async function inquiryIdOf(reference: string, db: DbHandle = getDb()): Promise<string | null> {
  return (await db.inquiry.findUnique({ where: { reference }, select: { id: true } }))?.id ?? null;
}

/** Agents who can be given an inquiry. */
export async function listAssignableStaff(db: DbHandle = getDb()): Promise<Array<{ id: string; name: string }>> {
  const staff = await db.staffMember.findMany({
    where: { status: "active" },
    orderBy: { displayName: "asc" },
    select: { id: true, displayName: true, role: true },
  });
  return staff.filter((member) => can(member.role, "answer:inquiry")).map((member) => ({ id: member.id, name: member.displayName }));
}

function audit(actor: EditorActor, action: AuditAction, reference: string, details: Record<string, unknown>) {
  return {
    actor: { id: actor.id, email: actor.email },
    action,
    target: { type: "inquiry", id: reference },
    clientHash: actor.clientHash,
    result: "ok" as const,
    details,
  };
}

export type ActionOutcome = { status: "done" } | { status: "stale" } | { status: "invalid-assignee" } | { status: "not-found" } | { status: "erased" };

/** The sealed address, or null once the sender's data was erased on request (nothing more may be written). */
async function senderAddress(inquiryId: string, db: DbHandle = getDb()): Promise<string | null> {
  const inquiry = await db.inquiry.findUniqueOrThrow({ where: { id: inquiryId }, select: { emailCiphertext: true, erasedAt: true } });
  return inquiry.erasedAt || !inquiry.emailCiphertext ? null : inquiry.emailCiphertext;
}

/**
 * Gives the inquiry to `assigneeId` (null: nobody). A new inquiry that gets an owner is open.
 * Chosen on an older view than the current one (`seenVersion`), nothing changes: whoever took
 * it or answered since would be undone without anyone choosing to.
 */
export async function assignInquiry(
  reference: string,
  change: { assigneeId: string | null; seenVersion: number },
  actor: EditorActor,
  db: DbHandle = getDb(),
): Promise<ActionOutcome> {
  const { assigneeId, seenVersion } = change;
  const outcome = await changeInquiry<ActionOutcome>(
    { reference },
    async (state) => {
      if (state.version !== seenVersion) return { unchanged: { status: "stale" } };
      // Keeping who has it is no change, even someone who can no longer be given inquiries.
      if (state.assigneeId === assigneeId) return { unchanged: { status: "done" } };
      if (assigneeId && !(await listAssignableStaff(db)).some((member) => member.id === assigneeId)) return { unchanged: { status: "invalid-assignee" } };
      return {
        next: { ...(assigneeId ? onClaimed(state) : state), assigneeId },
        write: async (tx) => {
          await appendAudit(
            tx,
            audit(actor, assigneeId === actor.id ? "inquiry.claim" : "inquiry.assign", reference, { from: state.assigneeId, to: assigneeId }),
          );
          return { status: "done" };
        },
      };
    },
    new Date(),
    db,
  );
  return outcome ?? { status: "not-found" };
}

/**
 * Sends a reply to the customer (by mail, in the inquiry's language) and leaves the inquiry
 * in `nextStatus`. Written on an older view than the current one (`seenVersion`), it isn't
 * sent: the agent sees what changed first.
 */
export async function replyToInquiry(
  reference: string,
  reply: { body: string; nextStatus: StaffStatus; seenVersion: number },
  actor: EditorActor,
  db: DbHandle = getDb(),
): Promise<ActionOutcome> {
  const outcome = await changeInquiry<ActionOutcome>(
    { reference },
    async (state, context) => {
      if (state.version !== reply.seenVersion) return { unchanged: { status: "stale" } };
      const address = await senderAddress(state.id, db);
      if (!address) return { unchanged: { status: "erased" } };
      const link = newInquiryLinkToken(reference, state.language);
      const mail = await composeMail({ template: "inquiry-reply", language: state.language, reference, reply: reply.body, linkUrl: link.url });
      return {
        next: { ...onStaffAction(onClaimed(state), reply.nextStatus, true, context), assigneeId: state.assigneeId ?? actor.id },
        write: async (tx) => {
          await tx.inquiryMessage.create({
            data: { inquiryId: state.id, kind: "reply", authorId: actor.id, bodyCiphertext: seal(reply.body), createdAt: context.now },
            select: { id: true },
          });
          await link.store(tx, state.id, context.now);
          await enqueueMail(tx, { template: "inquiry-reply", customerId: state.customerId, mail: { to: unseal(address), ...mail } });
          await appendAudit(tx, audit(actor, "inquiry.reply", reference, { from: state.status, to: reply.nextStatus }));
          return { status: "done" };
        },
      };
    },
    new Date(),
    db,
  );
  return outcome ?? { status: "not-found" };
}

/** An internal note: staff only, no mail, no change to the clock. */
export async function addNote(reference: string, body: string, actor: EditorActor, db: DbHandle = getDb()): Promise<ActionOutcome> {
  const outcome = await changeInquiry<ActionOutcome>(
    { reference },
    async (state, context) => {
      if (!(await senderAddress(state.id, db))) return { unchanged: { status: "erased" } };
      return {
        next: state,
        write: async (tx) => {
          await tx.inquiryMessage.create({
            data: { inquiryId: state.id, kind: "note", authorId: actor.id, bodyCiphertext: seal(body), createdAt: context.now },
            select: { id: true },
          });
          await appendAudit(tx, audit(actor, "inquiry.note", reference, {}));
          return { status: "done" };
        },
      };
    },
    new Date(),
    db,
  );
  return outcome ?? { status: "not-found" };
}

/**
 * A change of status without a reply (after a phone call, or to reopen a closed inquiry).
 * Chosen on an older view than the current one (`seenVersion`), nothing changes.
 */
export async function setInquiryStatus(
  reference: string,
  change: { to: StaffStatus; seenVersion: number },
  actor: EditorActor,
  db: DbHandle = getDb(),
): Promise<ActionOutcome> {
  const { to, seenVersion } = change;
  const outcome = await changeInquiry<ActionOutcome>(
    { reference },
    (state, context) => {
      if (state.version !== seenVersion) return { unchanged: { status: "stale" } };
      if (state.status === to) return { unchanged: { status: "done" } };
      return {
        next: onStaffAction(state, to, false, context),
        write: async (tx) => {
          await appendAudit(tx, audit(actor, "inquiry.status", reference, { from: state.status, to }));
          return { status: "done" };
        },
      };
    },
    new Date(),
    db,
  );
  return outcome ?? { status: "not-found" };
}
