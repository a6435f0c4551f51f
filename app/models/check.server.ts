// "Am I affected?": a visitor asks about an address; the mailbox of that address gets
// the answer. The request is recorded the same way whatever the address, and worked out
// after the response (answerPendingChecks), so the page reveals nothing.
import { getConfig } from "~/config.server";
import { getDb } from "~/db/client.server";
import { type DbHandle, inTransaction } from "~/db/transaction.server";
import { CHECK_RULES } from "~/domain/rate-limit/rate-limit";
import type { Language } from "~/i18n/config";
import { composeMail, type MailRequest } from "~/mail/compose.server";
import { bearerTokenHash, newBearerToken } from "~/utils/bearer-token.server";
import { normaliseEmail } from "~/utils/personal-data.server";
import { addressLookupHash, seal, unseal } from "~/utils/sealed.server";
import { appendAudit } from "./audit.server";
import { startCustomerSession } from "./customer-session.server";
import { enqueueMail } from "./outbox.server";
import { consumeRateLimits, type RateLimitOutcome } from "./rate-limit.server";
import { claimNext, recordFailure, type WorkQueue } from "./work-queue.server";

export const CHECK_LINK_TTL_MS = 30 * 60_000;
const STALE_AFTER_MS = 24 * 60 * 60_000;
/** How long one instance may work on a request before another takes it over. */
const CLAIM_MS = 60_000;

/** Counts the request against the limits and, unless limited, records it for answering. */
export async function requestCheck(input: { email: string; language: Language; clientHash: string }, db: DbHandle = getDb()): Promise<RateLimitOutcome> {
  const email = normaliseEmail(input.email);
  const emailHash = addressLookupHash(email);
  const outcome = await consumeRateLimits(
    [
      { rule: CHECK_RULES.address, subject: emailHash },
      { rule: CHECK_RULES.client, subject: input.clientHash },
    ],
    new Date(),
    db,
  );
  if (outcome.limited) return outcome;
  await db.checkRequest.create({
    data: { emailHash, emailCiphertext: seal(email), language: input.language },
    select: { id: true },
  });
  return outcome;
}

function unclaimed(now: Date) {
  return { OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }] };
}

/** Waiting requests as a work queue (app/models/work-queue.server.ts), oldest first. */
const checkQueue: WorkQueue<string> = {
  name: "check-answers",
  claimMs: CLAIM_MS,
  async findDue(now, take) {
    const rows = await getDb().checkRequest.findMany({ where: unclaimed(now), orderBy: { createdAt: "asc" }, take, select: { id: true } });
    return rows.map((row) => row.id);
  },
  async claim(id, now, until) {
    const { count } = await getDb().checkRequest.updateMany({ where: { id, ...unclaimed(now) }, data: { claimedUntil: until } });
    return count === 1;
  },
  // No attempt count on the table: a request whose answer failed waits out its claim.
};

/**
 * Answers every waiting request: a mailbox link for a known address, a "no record" mail
 * otherwise. A failure ends the run, so that the loop's status shows it on the operations view;
 * so does `signal` (the process is stopping: requests not yet claimed are left to other instances).
 */
export async function answerPendingChecks(options: { signal?: AbortSignal; now?: () => Date } = {}): Promise<number> {
  const now = options.now ?? (() => new Date());
  let answered = 0;
  while (!options.signal?.aborted) {
    const claimedAt = now();
    const id = await claimNext(checkQueue, claimedAt);
    if (!id) return answered;
    try {
      if (await answer(id, claimedAt)) answered++;
    } catch (error) {
      await recordFailure(checkQueue, id, error, { now: now(), claimedAt });
      throw error;
    }
  }
  return answered;
}

async function answer(requestId: string, now: Date, db: DbHandle = getDb()): Promise<boolean> {
  const request = await db.checkRequest.findUnique({
    where: { id: requestId },
    select: { emailHash: true, emailCiphertext: true, language: true },
  });
  if (!request) return false;
  const language: Language = request.language === "en" ? "en" : "ja";
  const customer = await db.customer.findUnique({ where: { emailHash: request.emailHash }, select: { id: true } });
  const token = customer ? newBearerToken() : null;
  const expiresAt = new Date(now.getTime() + CHECK_LINK_TTL_MS);
  const mail: MailRequest = token
    ? { template: "check-known", language, linkUrl: checkLinkUrl(token, language), expiresAt }
    : { template: "check-unknown", language };
  const rendered = await composeMail(mail);
  return inTransaction(db, async (tx) => {
    // Deleting the request is the commit point: of two instances, only one gets count 1.
    const { count } = await tx.checkRequest.deleteMany({ where: { id: requestId } });
    if (count !== 1) return false;
    if (customer && token) {
      await tx.checkLink.create({
        data: { tokenHash: bearerTokenHash(token), customerId: customer.id, language, expiresAt },
        select: { id: true },
      });
    }
    await enqueueMail(tx, {
      template: mail.template,
      customerId: customer?.id ?? null,
      mail: { to: unseal(request.emailCiphertext), ...rendered },
    });
    return true;
  });
}

/** Forgets links a day after they stopped working; they prove nothing after that. */
export async function deleteStaleCheckLinks(now = new Date(), db: DbHandle = getDb()): Promise<void> {
  await db.checkLink.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - STALE_AFTER_MS) } } });
}

export function checkLinkUrl(token: string, language: Language): string {
  return `${getConfig().PUBLIC_ORIGIN}/check/open?lng=${language}&token=${encodeURIComponent(token)}`;
}

export type LinkState = "valid" | "used" | "expired" | "invalid";

/** What a link is, without using it (mail scanners open links; only the button uses one). */
export async function inspectCheckLink(token: string, now = new Date(), db: DbHandle = getDb()): Promise<LinkState> {
  const link = await db.checkLink.findUnique({
    where: { tokenHash: bearerTokenHash(token) },
    select: { usedAt: true, expiresAt: true },
  });
  if (!link) return "invalid";
  if (link.usedAt) return "used";
  if (link.expiresAt <= now) return "expired";
  return "valid";
}

/** Redeems a link: marks it used and starts the customer's session; the Set-Cookie header, or why not. */
export async function redeemCheckLink(
  token: string,
  clientHash: string,
  now = new Date(),
  db: DbHandle = getDb(),
): Promise<{ ok: true; setCookie: string } | { ok: false; state: Exclude<LinkState, "valid"> }> {
  const tokenHash = bearerTokenHash(token);
  return inTransaction(db, async (tx) => {
    // The conditional update comes first: of two simultaneous uses one wins, and on
    // SQLite the transaction holds the write lock before it reads anything.
    const { count } = await tx.checkLink.updateMany({
      where: { tokenHash, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    const link = await tx.checkLink.findUnique({ where: { tokenHash }, select: { customerId: true, usedAt: true } });
    if (!link) return { ok: false as const, state: "invalid" as const };
    if (count !== 1) return { ok: false as const, state: link.usedAt ? ("used" as const) : ("expired" as const) };
    const setCookie = await startCustomerSession(tx, link.customerId, clientHash, "mail-link", now);
    await appendAudit(tx, {
      actor: null,
      action: "customer.open-check-link",
      target: { type: "customer", id: link.customerId },
      clientHash,
      result: "ok",
    });
    return { ok: true as const, setCookie };
  });
}
