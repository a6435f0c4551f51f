// Hands each sending campaign's mails to the outbox at the campaign's pace (ADR 031). A
// hand-over claims its share of time with a conditional update of the campaign's clock in the
// same transaction that queues the mails and marks their people, so two instances never hand
// over the same interval, and a crash leaves either all of a batch queued or none of it. The
// outbox then sends each mail once (its claim and its Message-ID).
import { getDb } from "~/db/client.server";
import { inTransaction } from "~/db/transaction.server";
import { nextHandOver } from "~/domain/notifications/pace";
import { notificationMailFor } from "~/mail/notification.server";
import { campaignSelect } from "~/models/notifications/campaigns.server";
import { bothSettings, notificationRecords } from "~/models/notifications/recipients.server";

type MailSettings = Awaited<ReturnType<typeof bothSettings>>;
import { enqueueMail } from "~/models/outbox.server";

/** Mails rendered and queued in one transaction: short enough not to hold SQLite's writer for long. */
const BATCH = 200;

/** Hands over what every sending campaign's pace allows now; returns how many mails were queued. */
export async function releaseNotifications(options: { signal?: AbortSignal; now?: () => Date } = {}): Promise<number> {
  const now = options.now ?? (() => new Date());
  const campaigns = await getDb().notificationCampaign.findMany({ where: { status: "sending" }, select: { id: true } });
  let queued = 0;
  // The company's name, contacts and hours, read once a run rather than once a batch.
  let settings: MailSettings | undefined;
  const settingsOnce = async () => (settings ??= await bothSettings());
  for (const { id } of campaigns) {
    for (;;) {
      if (options.signal?.aborted) return queued;
      const count = await handOver(id, now(), settingsOnce);
      if (count === 0) break;
      queued += count;
    }
    await completeIfDone(id, now());
  }
  return queued;
}

/** One batch of a campaign: as many mails as its pace allows, up to BATCH. */
async function handOver(id: string, now: Date, mailSettings: () => Promise<MailSettings>): Promise<number> {
  const db = getDb();
  const campaign = await db.notificationCampaign.findUnique({ where: { id }, select: campaignSelect });
  if (!campaign || campaign.status !== "sending" || !campaign.startedAt || !campaign.releasedAt) return 0;
  const due = nextHandOver(campaign, { startedAt: campaign.startedAt, releasedAt: campaign.releasedAt, now }, BATCH);
  if (due.count === 0) return 0;
  const waiting = await db.notificationRecipient.findMany({
    where: { campaignId: id, status: "waiting" },
    orderBy: { customerId: "asc" },
    take: due.count,
    select: { customerId: true },
  });
  if (waiting.length === 0) return 0;
  const people = await notificationRecords(waiting.map((row) => row.customerId));
  const settings = await mailSettings();
  const mails = people.map((person) => ({ person, mail: notificationMailFor(campaign, person.record, settings) }));
  return inTransaction(db, async (tx) => {
    // The clock as read above: another instance that handed this interval over first moved it,
    // and a pause or a cancellation changed the status.
    const { count } = await tx.notificationCampaign.updateMany({
      where: { id, status: "sending", releasedAt: campaign.releasedAt },
      data: { releasedAt: due.releasedAt },
    });
    if (count !== 1) return 0;
    for (const { person, mail } of mails) {
      const outboxMessageId = await enqueueMail(tx, { template: "notification", customerId: person.customerId, mail: { to: person.email, ...mail } });
      await tx.notificationRecipient.updateMany({
        where: { campaignId: id, customerId: person.customerId, status: "waiting" },
        data: { status: "queued", outboxMessageId, queuedAt: now },
      });
    }
    // Erased on request between the start and their turn: nothing to send them.
    const found = new Set(people.map((person) => person.customerId));
    const erased = waiting.filter((row) => !found.has(row.customerId)).map((row) => row.customerId);
    if (erased.length > 0) {
      await tx.notificationRecipient.updateMany({ where: { campaignId: id, customerId: { in: erased }, status: "waiting" }, data: { status: "left-out" } });
    }
    return waiting.length;
  });
}

/**
 * Over when nobody waits and no mail of it is left in the outbox. A queued mail whose row an
 * erasure removed (it deletes the person's unsent mail) counts its person as left out.
 */
async function completeIfDone(id: string, now: Date): Promise<void> {
  const db = getDb();
  if ((await db.notificationRecipient.count({ where: { campaignId: id, status: "waiting" } })) > 0) return;
  const queued = await db.notificationRecipient.findMany({ where: { campaignId: id, status: "queued" }, select: { outboxMessageId: true } });
  const ids = queued.flatMap((row) => (row.outboxMessageId ? [row.outboxMessageId] : []));
  const present = new Set((await db.outboxMessage.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((row) => row.id));
  const gone = ids.filter((outboxId) => !present.has(outboxId));
  await inTransaction(db, async (tx) => {
    if (gone.length > 0) {
      await tx.notificationRecipient.updateMany({ where: { campaignId: id, outboxMessageId: { in: gone }, status: "queued" }, data: { status: "left-out" } });
    }
    if (gone.length === ids.length) {
      await tx.notificationCampaign.updateMany({ where: { id, status: "sending" }, data: { status: "completed", finishedAt: now } });
    }
  });
}
