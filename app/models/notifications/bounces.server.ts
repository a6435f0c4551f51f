// Bounces of notifications that come back by mail (ADR 031): which mail a return address
// names, and what its delivery status notification means for the person it went to.
import { getConfig } from "~/config.server";
import { getDb } from "~/db/client.server";
import type { DbHandle } from "~/db/transaction.server";
import { derivedDigest } from "~/domain/keys/derived-digest";
import type { DeliveryStatus } from "~/domain/notifications/delivery-status";
import { redactError } from "~/domain/work-queue/redact";

/** The signature of a mail id in its return address. */
export function bounceSignature(mailId: string): string {
  return derivedDigest(getConfig().SESSION_SECRET, "bounce-address", mailId);
}

/**
 * Records a bounce against the person the mail went to: refused for good, their mail is
 * bounced; refused for now (a delay), it is noted and the mail stays sent. Returns whether the
 * mail was a notification still on record (an erasure may have removed its person since).
 */
export async function recordBounce(mailId: string, status: DeliveryStatus, db: DbHandle = getDb()): Promise<boolean> {
  const reason = redactError(status.reason);
  const { count } = await db.notificationRecipient.updateMany({
    where: { outboxMessageId: mailId },
    data:
      status.kind === "permanent" ? { status: "bounced", bounceKind: "permanent", bounceReason: reason } : { bounceKind: "temporary", bounceReason: reason },
  });
  return count > 0;
}
