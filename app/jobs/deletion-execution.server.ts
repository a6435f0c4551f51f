// The execution of approved deletion requests, in the background on every app instance.
// A request is claimed first (approved → executing, or an executing one whose claim ran
// out because its instance died); from then on the customer can no longer cancel. The
// erasure itself is ONE transaction per person: every row about them is removed or
// anonymised, the request becomes the tombstone, the manifest entry and the confirmation
// mail are queued, and the audit entry written. Killed at any point, the transaction rolls
// back whole and the next run (after the claim runs out) does it all again: nothing is ever
// left half-erased; and as the transaction's first statement changes the request only while
// it is still executing, two instances that both reach it complete it once between them.
import { getConfig } from "~/config.server";
import { getDb } from "~/db/client.server";
import type { Tx } from "~/db/transaction.server";
import { ERASED_CATEGORIES, erasedCountsOf, type ErasedCategory } from "~/domain/deletions/categories";
import { manifestBody } from "~/domain/deletions/manifest";
import { claimEnd } from "~/domain/work-queue/retry";
import { i18next } from "~/i18n/i18next.server";
import { appendAudit } from "~/models/audit.server";
import { enqueueMail } from "~/models/outbox.server";
import { claimNext, recordFailure, type WorkQueue } from "~/models/work-queue.server";
import { unseal } from "~/utils/sealed.server";
import { countPersonalData, inquiriesOf, unsentMailOf, type Person } from "~/models/deletions/personal-data.server";
import { deletionAudit, deletionMail } from "~/models/deletions/requests.server";

/** How long a claimed request belongs to the instance executing it; an erasure takes well under a second. */
export const EXECUTION_CLAIM_MS = 15_000;

/** Stands in for an erased inquiry sender's address hash: matches no address. */
const ERASED_HASH = "erased";

function approvedAndDue(now: Date) {
  return { status: "approved", executeAfter: { lte: now } };
}

// Claimed by an instance that died before finishing.
function abandoned(now: Date) {
  return { status: "executing", claimedUntil: { lt: now } };
}

/** Approved requests whose grace period is over, as a work queue (app/models/work-queue.server.ts). */
const executionQueue: WorkQueue<string> = {
  name: "deletion-execution",
  claimMs: EXECUTION_CLAIM_MS,
  async findDue(now, take) {
    const rows = await getDb().deletionRequest.findMany({
      where: { OR: [approvedAndDue(now), abandoned(now)] },
      orderBy: { executeAfter: "asc" },
      take,
      select: { id: true },
    });
    return rows.map((row) => row.id);
  },
  // Both updates are conditional: of two instances racing for one request, one gets count 1.
  // The first one's claim also starts the execution, which the audit log records once.
  claim: (id, now, until) =>
    getDb().$transaction(async (tx) => {
      const claim = { status: "executing", claimedUntil: until, version: { increment: 1 } };
      const started = await tx.deletionRequest.updateMany({ where: { id, ...approvedAndDue(now) }, data: { ...claim, executionStartedAt: now } });
      if (started.count === 1) {
        const { reference } = await tx.deletionRequest.findUniqueOrThrow({ where: { id }, select: { reference: true } });
        await appendAudit(tx, deletionAudit("deletion.execution-start", reference, {}));
        return true;
      }
      const taken = await tx.deletionRequest.updateMany({ where: { id, ...abandoned(now) }, data: claim });
      return taken.count === 1;
    }),
  // No attempt count on the table: an erasure that failed (rolled back whole) waits out its claim.
};

async function eraseInquiries(tx: Tx, person: Person, now: Date): Promise<void> {
  const inquiries = await tx.inquiry.findMany({ where: inquiriesOf(person), select: { id: true } });
  const ids = inquiries.map((inquiry) => inquiry.id);
  if (ids.length === 0) return;
  await tx.inquiryMessage.deleteMany({ where: { inquiryId: { in: ids } } });
  await tx.inquiryLink.deleteMany({ where: { inquiryId: { in: ids } } });
  await tx.inquiryViewer.deleteMany({ where: { inquiryId: { in: ids } } });
  // The skeleton (category, dates, who answered when) stays for the desk's figures.
  await tx.inquiry.updateMany({
    where: { id: { in: ids } },
    data: {
      emailHash: ERASED_HASH,
      emailCiphertext: null,
      nameCiphertext: null,
      phoneCiphertext: null,
      callbackFrom: null,
      callbackUntil: null,
      customerId: null,
      status: "closed",
      dueAt: null,
      dueKind: null,
      erasedAt: now,
      version: { increment: 1 },
    },
  });
}

async function eraseCustomer(tx: Tx, person: Person): Promise<void> {
  await tx.outboxMessage.deleteMany({ where: unsentMailOf(person) });
  // Sent mail keeps only the fact it was sent; the link to the person goes.
  await tx.outboxMessage.updateMany({
    where: { OR: [...(person.customerId ? [{ customerId: person.customerId }] : []), { recipientHash: person.emailHash }] },
    data: { customerId: null, recipientHash: null },
  });
  await tx.checkRequest.deleteMany({ where: { emailHash: person.emailHash } });
  await tx.pendingInquiry.deleteMany({ where: { emailHash: person.emailHash } });
  if (!person.customerId) return;
  const customerId = person.customerId;
  // Deleting the sessions revokes them: the next request from any of their browsers is anonymous.
  await tx.customerSession.deleteMany({ where: { customerId } });
  await tx.checkLink.deleteMany({ where: { customerId } });
  await tx.customerExposureCategory.deleteMany({ where: { exposure: { customerId } } });
  await tx.customerExposure.deleteMany({ where: { customerId } });
  // Earlier requests (cancelled, refused) stay as records, no longer tied to anyone.
  await tx.deletionRequest.updateMany({ where: { customerId }, data: { customerId: null } });
  // Address, name and every password field go with the row.
  await tx.customer.deleteMany({ where: { id: customerId } });
}

/** Labels of what was erased, in the customer's language, for the confirmation mail. */
async function erasedLabels(language: "ja" | "en", counts: Record<ErasedCategory, number>): Promise<string[]> {
  const t = await i18next.getFixedT(language, "deletion");
  return ERASED_CATEGORIES.filter((category) => counts[category] > 0).map((category) => t(`category.${category}.title`));
}

/** Erases one claimed request's person; false when another instance completed it first. */
async function executeOne(requestId: string, now: Date): Promise<boolean> {
  const db = getDb();
  const request = await db.deletionRequest.findUniqueOrThrow({
    where: { id: requestId },
    select: { id: true, reference: true, language: true, customerId: true, emailHash: true, externalId: true, receivedAt: true, decidedAt: true },
  });
  const person: Person = { customerId: request.customerId, emailHash: request.emailHash };
  const language = request.language === "en" ? "en" : "ja";
  const view = { id: request.id, reference: request.reference, language } as const;
  // Composed before the transaction, which must not wait on reads of its own database: the
  // kinds of data named in the mail are those held now (the tombstone counts them again inside).
  const held = await countPersonalData(db, person);
  const mail = await deletionMail(view, { template: "deletion-completed", completedAt: now, erased: await erasedLabels(language, held) });
  return db.$transaction(
    async (tx) => {
      // The first statement writes, so SQLite takes its lock now; and it is conditional, so
      // a request another instance completed meanwhile is left alone.
      const { count: mine } = await tx.deletionRequest.updateMany({
        where: { id: request.id, status: "executing" },
        data: { claimedUntil: claimEnd(now, EXECUTION_CLAIM_MS) },
      });
      if (mine !== 1) return false;
      const counts = await countPersonalData(tx, person);
      const customer = person.customerId ? await tx.customer.findUnique({ where: { id: person.customerId }, select: { emailCiphertext: true } }) : null;
      const address = customer ? unseal(customer.emailCiphertext) : null;
      await eraseInquiries(tx, person, now);
      await eraseCustomer(tx, person);
      const erased = erasedCountsOf(counts);
      await tx.deletionRequest.update({
        where: { id: request.id },
        data: {
          status: "completed",
          completedAt: now,
          customerId: null,
          openKey: null,
          claimedUntil: null,
          erased: JSON.stringify(erased),
          version: { increment: 1 },
        },
        select: { id: true },
      });
      const entry = await tx.deletionManifestEntry.create({
        data: { requestId: request.id, body: "", webhookStatus: getConfig().DELETION_WEBHOOK_URL ? "pending" : "not-configured", createdAt: now },
        select: { sequence: true },
      });
      const body = manifestBody(entry.sequence, {
        requestId: request.id,
        reference: request.reference,
        externalId: request.externalId,
        receivedAt: request.receivedAt.toISOString(),
        decidedAt: (request.decidedAt ?? now).toISOString(),
        completedAt: now.toISOString(),
        erased,
      });
      await tx.deletionManifestEntry.update({ where: { sequence: entry.sequence }, data: { body }, select: { sequence: true } });
      // The confirmation goes to the address read above, after everything else about them
      // (their unsent mail included) is gone; the outbox drops it once sent.
      if (address) {
        await enqueueMail(tx, { template: mail.template, customerId: null, mail: { to: address, ...mail.rendered } });
      }
      await appendAudit(tx, deletionAudit("deletion.execute", request.reference, {}, { erased, manifestSequence: entry.sequence }));
      return true;
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
}

/** Carries out every approved request that is due; returns how many were completed. */
export async function executeDueDeletions(options: { signal?: AbortSignal; now?: () => Date } = {}): Promise<number> {
  const now = options.now ?? (() => new Date());
  let completed = 0;
  while (!options.signal?.aborted) {
    const claimedAt = now();
    const id = await claimNext(executionQueue, claimedAt);
    if (!id) break;
    try {
      if (await executeOne(id, now())) completed++;
    } catch (error) {
      // Rolled back whole; tried again when its claim runs out, and the others go on meanwhile.
      await recordFailure(executionQueue, id, error, { now: now(), claimedAt });
    }
  }
  return completed;
}
