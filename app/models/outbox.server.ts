// The outbox: every mail is a row written in the transaction of the change that causes
// it, so a mail is never lost and never sent for a change that was rolled back. The
// sender (app/jobs/outbox-sender.server.ts) claims rows one by one.
import { getDb } from "~/db/client.server";
import type { Tx } from "~/db/transaction.server";
import type { MailRequest } from "~/mail/compose.server";
import type { RenderedMail } from "~/mail/mail-content";
import { addressLookupHash, seal, unseal } from "~/utils/sealed.server";

export type MailTemplate = MailRequest["template"];

export interface OutgoingMail extends RenderedMail {
  to: string;
}

export async function enqueueMail(
  tx: Tx,
  message: { template: MailTemplate; customerId: string | null; mail: OutgoingMail },
): Promise<void> {
  await tx.outboxMessage.create({
    // The address and the body (which may hold a mailbox link) are sealed at rest; the
    // address's keyed hash lets an erasure find mail to it that is still unsent.
    data: {
      template: message.template,
      customerId: message.customerId,
      recipientHash: addressLookupHash(message.mail.to),
      payload: seal(JSON.stringify(message.mail)),
    },
    select: { id: true },
  });
}

function dueWhere(now: Date) {
  return {
    OR: [
      { status: "queued", nextAttemptAt: { lte: now } },
      // Claimed by an instance that died (or hung) before recording the outcome.
      { status: "sending", claimedUntil: { lt: now } },
    ],
  };
}

/**
 * Up to `limit` due mails, each claimed for this instance for `claimMs` (OUTBOX_CLAIM_SECONDS):
 * no other instance sends them until then.
 */
export async function claimDueMail(limit: number, now: Date, claimMs: number): Promise<Array<{ id: string; attempts: number; mail: OutgoingMail }>> {
  const db = getDb();
  const candidates = await db.outboxMessage.findMany({
    where: dueWhere(now),
    orderBy: { nextAttemptAt: "asc" },
    take: limit,
    select: { id: true },
  });
  const claimed = [];
  for (const { id } of candidates) {
    // Conditional on still being due: of two instances racing for a row, one gets count 1.
    const { count } = await db.outboxMessage.updateMany({
      where: { id, ...dueWhere(now) },
      data: { status: "sending", claimedUntil: new Date(now.getTime() + claimMs), attempts: { increment: 1 } },
    });
    if (count !== 1) continue;
    const row = await db.outboxMessage.findUniqueOrThrow({ where: { id }, select: { attempts: true, payload: true } });
    if (!row.payload) continue;
    claimed.push({ id, attempts: row.attempts, mail: JSON.parse(unseal(row.payload)) as OutgoingMail });
  }
  return claimed;
}

// Both outcomes update by condition rather than by id alone: an erasure on request may have
// removed the row while it was being sent, and that is not an error.

/** Sent: the body and the recipient's hash are erased, only the fact and the time stay. */
export async function markSent(id: string, now = new Date()): Promise<void> {
  await getDb().outboxMessage.updateMany({
    where: { id },
    data: { status: "sent", sentAt: now, payload: null, recipientHash: null, claimedUntil: null, lastError: null },
  });
}

export async function markFailed(id: string, error: string, retryAt: Date | null): Promise<void> {
  await getDb().outboxMessage.updateMany({
    where: { id },
    data: retryAt
      ? { status: "queued", nextAttemptAt: retryAt, claimedUntil: null, lastError: error }
      : { status: "failed", claimedUntil: null, lastError: error },
  });
}

/** Unsent mail for the development mailbox, newest first. */
export async function unsentMail(limit: number): Promise<Array<{ id: string; template: string; createdAt: Date; mail: OutgoingMail }>> {
  const rows = await getDb().outboxMessage.findMany({
    where: { status: { in: ["queued", "sending", "failed"] }, payload: { not: null } },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { id: true, template: true, createdAt: true, payload: true },
  });
  return rows.map((row) => ({ id: row.id, template: row.template, createdAt: row.createdAt, mail: JSON.parse(unseal(row.payload!)) as OutgoingMail }));
}
