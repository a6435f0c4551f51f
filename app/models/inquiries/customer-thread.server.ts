// The customer's side of an inquiry: the thread without staff notes, their replies, and
// closing it. Access is checked by the caller (threadAccess).
import { getDb } from "~/db/client.server";
import type { DbHandle } from "~/db/transaction.server";
import { type InquiryCategory, type InquiryStatus, categoryOf, statusOf } from "~/domain/inquiries/categories";
import { onCustomerClose, onCustomerMessage } from "~/domain/inquiries/sla";
import { INQUIRY_REPLY_RULE } from "~/domain/rate-limit/rate-limit";
import { appendAudit } from "~/models/audit.server";
import { consumeRateLimits } from "~/models/rate-limit.server";
import { seal, unseal } from "~/utils/sealed.server";
import { changeInquiry } from "./sla-update.server";

export interface CustomerThreadMessage {
  id: string;
  from: "customer" | "desk";
  body: string;
  at: string;
}

export interface CustomerThread {
  reference: string;
  category: InquiryCategory;
  status: InquiryStatus;
  dueAt: string | null;
  createdAt: string;
  callback: { from: string; until: string } | null;
  messages: CustomerThreadMessage[];
}

export async function getCustomerThread(inquiryId: string, db: DbHandle = getDb()): Promise<CustomerThread | null> {
  const inquiry = await db.inquiry.findUnique({
    where: { id: inquiryId },
    select: {
      reference: true,
      category: true,
      status: true,
      dueAt: true,
      createdAt: true,
      callbackFrom: true,
      callbackUntil: true,
      messages: {
        // Staff notes never leave the back office.
        where: { kind: { in: ["customer", "reply"] } },
        orderBy: { createdAt: "asc" },
        select: { id: true, kind: true, bodyCiphertext: true, createdAt: true },
      },
    },
  });
  if (!inquiry) return null;
  return {
    reference: inquiry.reference,
    category: categoryOf(inquiry.category),
    status: statusOf(inquiry.status),
    dueAt: inquiry.dueAt?.toISOString() ?? null,
    createdAt: inquiry.createdAt.toISOString(),
    callback: inquiry.callbackFrom && inquiry.callbackUntil ? { from: inquiry.callbackFrom.toISOString(), until: inquiry.callbackUntil.toISOString() } : null,
    messages: inquiry.messages.map((message) => ({
      id: message.id,
      from: message.kind === "customer" ? "customer" : "desk",
      body: unseal(message.bodyCiphertext),
      at: message.createdAt.toISOString(),
    })),
  };
}

export type CustomerReplyOutcome = { status: "sent" } | { status: "closed" } | { status: "limited"; retryAt: Date };

/** The customer writes again: the desk owes an answer (a resolved inquiry reopens). */
export async function addCustomerMessage(
  inquiryId: string,
  body: string,
  clientHash: string,
  now = new Date(),
  db: DbHandle = getDb(),
): Promise<CustomerReplyOutcome | null> {
  const limit = await consumeRateLimits([{ rule: INQUIRY_REPLY_RULE, subject: inquiryId }], now, db);
  if (limit.limited) return { status: "limited", retryAt: limit.retryAt };
  return changeInquiry<CustomerReplyOutcome>(
    { id: inquiryId },
    (state, context) => {
      // A closed inquiry stays closed; the page offers a new one.
      if (state.status === "closed") return { unchanged: { status: "closed" } };
      return {
        next: onCustomerMessage(state, context),
        write: async (tx) => {
          await tx.inquiryMessage.create({ data: { inquiryId, kind: "customer", bodyCiphertext: seal(body), createdAt: now }, select: { id: true } });
          await appendAudit(tx, {
            actor: null,
            action: "inquiry.customer-reply",
            target: { type: "inquiry", id: state.reference },
            clientHash,
            result: "ok",
            details: { from: state.status },
          });
          return { status: "sent" };
        },
      };
    },
    now,
    db,
  );
}

export async function closeByCustomer(inquiryId: string, clientHash: string, now = new Date(), db: DbHandle = getDb()): Promise<void> {
  await changeInquiry<void>(
    { id: inquiryId },
    (state) =>
      state.status === "closed"
        ? { unchanged: undefined }
        : {
            next: onCustomerClose(state),
            write: (tx) =>
              appendAudit(tx, {
                actor: null,
                action: "inquiry.customer-close",
                target: { type: "inquiry", id: state.reference },
                clientHash,
                result: "ok",
              }),
          },
    now,
    db,
  );
}

export interface CustomerInquirySummary {
  reference: string;
  category: InquiryCategory;
  status: InquiryStatus;
  createdAt: string;
  lastActivityAt: string;
}

/** The verified customer's inquiries, newest activity first, for their own page. */
export async function listCustomerInquiries(customerId: string, db: DbHandle = getDb()): Promise<CustomerInquirySummary[]> {
  const rows = await db.inquiry.findMany({
    where: { customerId },
    orderBy: { lastActivityAt: "desc" },
    take: 50,
    select: { reference: true, category: true, status: true, createdAt: true, lastActivityAt: true },
  });
  return rows.map((row) => ({
    reference: row.reference,
    category: categoryOf(row.category),
    status: statusOf(row.status),
    createdAt: row.createdAt.toISOString(),
    lastActivityAt: row.lastActivityAt.toISOString(),
  }));
}
