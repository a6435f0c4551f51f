// The people of a notification campaign: their mail rendered from the records (addresses and
// names unsealed only here, to send or preview), and where the campaign stands (ADR 031).
import { getDb } from "~/db/client.server";
import { inTransaction, type DbHandle } from "~/db/transaction.server";
import type { CampaignTexts } from "~/domain/notifications/checklist";
import { minutesLeft } from "~/domain/notifications/pace";
import { RECIPIENT_STATUSES, type RecipientStatus } from "~/domain/notifications/status";
import { mailSetting, type MailSetting } from "~/mail/compose.server";
import type { RenderedMail } from "~/mail/mail-content";
import { bilingualNotificationMail, notificationMailFor, type NotificationRecord } from "~/mail/notification.server";
import { isLanguage, type Language } from "~/i18n/config";
import { appendAudit } from "~/models/audit.server";
import type { EditorActor } from "~/models/editor-actor.server";
import { enqueueMail } from "~/models/outbox.server";
import { unseal } from "~/utils/sealed.server";

export interface AddressedRecord {
  customerId: string;
  email: string;
  record: NotificationRecord;
}

/** The people with these ids as the records hold them now; an id missing from the result was erased meanwhile. */
export async function notificationRecords(customerIds: string[], db: DbHandle = getDb()): Promise<AddressedRecord[]> {
  const customers = await db.customer.findMany({
    where: { id: { in: customerIds } },
    select: {
      id: true,
      emailCiphertext: true,
      nameCiphertext: true,
      languageCiphertext: true,
      exposures: {
        orderBy: { group: { position: "asc" } },
        select: {
          periodFrom: true,
          periodUntil: true,
          group: { select: { nameJa: true, nameEn: true } },
          categories: {
            orderBy: { category: { position: "asc" } },
            select: { category: { select: { labelJa: true, labelEn: true, recommendedActionJa: true, recommendedActionEn: true } } },
          },
        },
      },
    },
  });
  return customers.map((customer) => ({
    customerId: customer.id,
    email: unseal(customer.emailCiphertext),
    record: {
      name: customer.nameCiphertext ? unseal(customer.nameCiphertext) : null,
      language: languageOf(customer.languageCiphertext),
      exposures: customer.exposures.map((exposure) => ({
        groupJa: exposure.group.nameJa,
        groupEn: exposure.group.nameEn,
        periodFrom: exposure.periodFrom,
        periodUntil: exposure.periodUntil,
        categories: exposure.categories.map(({ category }) => ({
          labelJa: category.labelJa,
          labelEn: category.labelEn,
          actionJa: category.recommendedActionJa,
          actionEn: category.recommendedActionEn,
        })),
      })),
    },
  }));
}

function languageOf(envelope: string | null): Language | null {
  const language = envelope ? unseal(envelope) : null;
  return isLanguage(language) ? language : null;
}

/** Both languages' settings (contacts, hours, the company's name), read once for a batch of mails. */
export async function bothSettings(): Promise<{ ja: MailSetting; en: MailSetting }> {
  const [ja, en] = await Promise.all([mailSetting("ja", { withoutAddress: true }), mailSetting("en", { withoutAddress: true })]);
  return { ja, en };
}

/**
 * The mail as it would go to the person the company knows by `externalId`, or null when no one
 * in the records has that id. Showing it shows their data, so it is audited.
 */
export async function previewMail(
  campaign: { id: string; texts: CampaignTexts },
  externalId: string,
  actor: EditorActor,
  db: DbHandle = getDb(),
): Promise<RenderedMail | null> {
  const customer = await db.customer.findUnique({ where: { externalId }, select: { id: true } });
  if (!customer) return null;
  const [person] = await notificationRecords([customer.id], db);
  if (!person) return null;
  const mail = notificationMailFor(campaign.texts, person.record, await bothSettings());
  await inTransaction(db, (tx) =>
    appendAudit(tx, {
      actor: { id: actor.id, email: actor.email },
      action: "notification.preview",
      target: { type: "customer", id: customer.id },
      clientHash: actor.clientHash,
      result: "ok",
      details: { campaign: campaign.id },
    }),
  );
  return mail;
}

/**
 * A test mail to the officer's own address, for a made-up person in every affected group: how
 * the mail looks in a real mailbox, without anyone's data leaving the records.
 */
export async function sendTestMail(campaign: { id: string; texts: CampaignTexts }, actor: EditorActor, db: DbHandle = getDb()): Promise<void> {
  const groups = await db.affectedGroup.findMany({
    orderBy: { position: "asc" },
    select: {
      nameJa: true,
      nameEn: true,
      categories: {
        orderBy: { category: { position: "asc" } },
        select: { category: { select: { labelJa: true, labelEn: true, recommendedActionJa: true, recommendedActionEn: true } } },
      },
    },
  });
  const sample: NotificationRecord = {
    name: null,
    // Both languages, so the officer reads both texts in a real mailbox.
    language: null,
    exposures: groups.map((group) => ({
      groupJa: group.nameJa,
      groupEn: group.nameEn,
      periodFrom: null,
      periodUntil: null,
      categories: group.categories.map(({ category }) => ({
        labelJa: category.labelJa,
        labelEn: category.labelEn,
        actionJa: category.recommendedActionJa,
        actionEn: category.recommendedActionEn,
      })),
    })),
  };
  const mail = bilingualNotificationMail(campaign.texts, sample, await bothSettings());
  await inTransaction(db, async (tx) => {
    await enqueueMail(tx, { template: "notification-test", customerId: null, mail: { to: actor.email, ...mail } });
    await appendAudit(tx, {
      actor: { id: actor.id, email: actor.email },
      action: "notification.test-mail",
      target: { type: "notification", id: campaign.id },
      clientHash: actor.clientHash,
      result: "ok",
    });
  });
}

export type CampaignCounts = Record<RecipientStatus, number>;

/** How many people of the campaign stand where. */
export async function campaignCounts(campaignId: string, db: DbHandle = getDb()): Promise<CampaignCounts> {
  const groups = await db.notificationRecipient.groupBy({ by: ["status"], where: { campaignId }, _count: { _all: true } });
  const counts = Object.fromEntries(RECIPIENT_STATUSES.map((status) => [status, 0])) as CampaignCounts;
  for (const group of groups) if (group.status in counts) counts[group.status as RecipientStatus] = group._count._all;
  return counts;
}

/** Mails sent per campaign, for the list of campaigns: one query for all of them. */
export async function sentPerCampaign(db: DbHandle = getDb()): Promise<Map<string, number>> {
  const groups = await db.notificationRecipient.groupBy({ by: ["campaignId"], where: { status: "sent" }, _count: { _all: true } });
  return new Map(groups.map((group) => [group.campaignId, group._count._all]));
}

export interface CampaignProgress {
  counts: CampaignCounts;
  /** Minutes until everyone waiting is handed over at the campaign's pace; null unless it is sending. */
  minutesLeft: number | null;
}

/** Where a started campaign stands, as its page and `npm run notifications` show it. */
export async function campaignProgress(
  campaign: { id: string; status: string; startedAt: Date | null; ratePerMinute: number; rampUpMinutes: number },
  now = new Date(),
  db: DbHandle = getDb(),
): Promise<CampaignProgress | null> {
  if (!campaign.startedAt) return null;
  const counts = await campaignCounts(campaign.id, db);
  // Only what is sending has time left: a paused campaign waits for someone to resume it.
  return {
    counts,
    minutesLeft: campaign.status === "sending" ? minutesLeft(campaign, counts.waiting, now.getTime() - campaign.startedAt.getTime()) : null,
  };
}

/** How many people a campaign started now would list: everyone in the records but those about to be erased on request (as startCampaign writes it). */
export function audienceSize(db: DbHandle = getDb()): Promise<number> {
  return db.customer.count({ where: { deletionRequests: { none: { status: { in: ["approved", "executing"] } } } } });
}
