// The outbox: every mail is a row written in the transaction of the change that causes
// it, so a mail is never lost and never sent for a change that was rolled back. The
// sender (app/jobs/outbox-sender.server.ts) claims rows one by one, as a work queue.
import { getDb } from "~/db/client.server";
import { inTransaction, type DbHandle, type Tx } from "~/db/transaction.server";
import type { MailRequest } from "~/mail/compose.server";
import type { RenderedMail } from "~/mail/mail-content";
import { addressLookupHash, seal, unseal } from "~/utils/sealed.server";
import type { WorkQueue } from "./work-queue.server";
import { recipientRejection, type RejectionKind } from "~/domain/work-queue/smtp-rejection";

/** What the mail is: one of the mails composed on request, or a notification campaign's (and its test mail). */
export type MailTemplate = MailRequest["template"] | "notification" | "notification-test";

export interface OutgoingMail extends RenderedMail {
  to: string;
}

/** Returns the queued mail's id. */
export async function enqueueMail(tx: Tx, message: { template: MailTemplate; customerId: string | null; mail: OutgoingMail }): Promise<string> {
  const { id } = await tx.outboxMessage.create({
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
  return id;
}

/** After this many failed attempts (about two days with any base, app/domain/work-queue/retry.test.ts) a mail is given up. */
export const MAIL_MAX_ATTEMPTS = 100;

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
 * The outbox as a work queue (app/models/work-queue.server.ts): a mail being sent belongs to
 * its sender for `claimMs` (OUTBOX_CLAIM_SECONDS); a failed send is retried from
 * `retryBaseMs` (OUTBOX_RETRY_BASE_SECONDS) on and given up after MAIL_MAX_ATTEMPTS.
 */
export function mailQueue(settings: { claimMs: number; retryBaseMs: number }): WorkQueue<string> {
  return {
    name: "outbox",
    claimMs: settings.claimMs,
    async findDue(now, take) {
      const rows = await getDb().outboxMessage.findMany({ where: dueWhere(now), orderBy: { nextAttemptAt: "asc" }, take, select: { id: true } });
      return rows.map((row) => row.id);
    },
    async claim(id, now, until) {
      const { count } = await getDb().outboxMessage.updateMany({
        where: { id, ...dueWhere(now) },
        data: { status: "sending", claimedUntil: until, attempts: { increment: 1 } },
      });
      return count === 1;
    },
    retry: {
      schedule: { baseMs: settings.retryBaseMs, maxAttempts: MAIL_MAX_ATTEMPTS },
      // The receiving server's "no such user" stays so however often it is asked.
      givesUpAtOnce: (error) => recipientRejection(error) === "permanent",
      async record(id, failure, retryAt, cause) {
        await inTransaction(getDb(), async (tx) => {
          await tx.outboxMessage.updateMany({
            where: { id },
            data: retryAt
              ? { status: "queued", nextAttemptAt: retryAt, claimedUntil: null, lastError: failure }
              : { status: "failed", claimedUntil: null, lastError: failure },
          });
          const outcome = recipientOutcome(recipientRejection(cause), failure, retryAt);
          if (outcome) await tx.notificationRecipient.updateMany({ where: { outboxMessageId: id }, data: outcome });
        });
      },
    },
  };
}

/**
 * What a failed mail means for a notification's person (ADR 031): refused by their server for
 * good, bounced at once; refused for now, noted while it is tried again, bounced when given up;
 * failed otherwise, once given up. The reason is the redacted reply.
 */
function recipientOutcome(rejection: RejectionKind | null, failure: string, retryAt: Date | null) {
  if (rejection === "permanent" || (rejection === "temporary" && !retryAt)) return { status: "bounced", bounceKind: rejection, bounceReason: failure };
  if (rejection === "temporary") return { bounceKind: rejection, bounceReason: failure };
  return retryAt ? null : { status: "failed" };
}

/** A claimed mail, with what it is and the attempts made so far (this one included); null when an erasure removed it meanwhile. */
export async function claimedMail(id: string): Promise<{ attempts: number; template: string; mail: OutgoingMail } | null> {
  const row = await getDb().outboxMessage.findUnique({ where: { id }, select: { attempts: true, template: true, payload: true } });
  if (!row?.payload) return null;
  return { attempts: row.attempts, template: row.template, mail: JSON.parse(unseal(row.payload)) as OutgoingMail };
}

// The outcomes update by condition rather than by id alone (updateMany): an erasure on request
// may have removed the row while it was being sent, and that is not an error.

/** Sent: the body and the recipient's hash are erased, only the fact and the time stay. */
export async function markSent(id: string, now = new Date(), db: DbHandle = getDb()): Promise<void> {
  await inTransaction(db, async (tx) => {
    await tx.outboxMessage.updateMany({
      where: { id },
      data: { status: "sent", sentAt: now, payload: null, recipientHash: null, claimedUntil: null, lastError: null },
    });
    // A notification campaign's mail: its person is now told (ADR 031).
    await tx.notificationRecipient.updateMany({ where: { outboxMessageId: id }, data: { status: "sent", sentAt: now } });
  });
}

/** Unsent mail for the development mailbox, newest first. */
export async function unsentMail(limit: number, db: DbHandle = getDb()): Promise<Array<{ id: string; template: string; createdAt: Date; mail: OutgoingMail }>> {
  const rows = await db.outboxMessage.findMany({
    where: { status: { in: ["queued", "sending", "failed"] }, payload: { not: null } },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { id: true, template: true, createdAt: true, payload: true },
  });
  return rows.map((row) => ({ id: row.id, template: row.template, createdAt: row.createdAt, mail: JSON.parse(unseal(row.payload!)) as OutgoingMail }));
}
