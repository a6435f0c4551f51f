// A new inquiry reaches the queue in one of two ways. A verified customer's goes in at
// once. A visitor's waits as a PendingInquiry until they open the link mailed to the
// address they gave: the same happens whatever the address, so the form reveals nothing,
// and no unconfirmed text reaches staff.
import { randomBytes } from "node:crypto";
import { getConfig } from "~/config.server";
import { getDb } from "~/db/client.server";
import { type DbHandle, inTransaction, type Tx } from "~/db/transaction.server";
import type { InquiryCategory } from "~/domain/inquiries/categories";
import { CALLBACK_WINDOW_MINUTES, isBookableWindow } from "~/domain/inquiries/callback";
import { referenceFromBytes } from "~/domain/inquiries/reference";
import { onSubmitted } from "~/domain/inquiries/sla";
import { INQUIRY_RULES } from "~/domain/rate-limit/rate-limit";
import type { Language } from "~/i18n/config";
import { composeMail } from "~/mail/compose.server";
import { appendAudit } from "~/models/audit.server";
import { enqueueMail } from "~/models/outbox.server";
import { consumeRateLimits, type RateLimitOutcome } from "~/models/rate-limit.server";
import { bearerTokenHash, newBearerToken } from "~/utils/bearer-token.server";
import { normaliseEmail } from "~/utils/personal-data.server";
import { addressLookupHash, seal, unseal } from "~/utils/sealed.server";
import { grantThreadAccess, newInquiryLinkToken } from "./access.server";
import { getChannelHours } from "./channel-hours.server";
import { getSlaTargets } from "./settings.server";

/** A visitor has a day to confirm; after that the inquiry is dropped unread. */
export const CONFIRMATION_TTL_MS = 24 * 60 * 60_000;

/** The form's fields, checked by the inquiry schema. */
export interface InquiryFields {
  category: InquiryCategory;
  message: string;
  name?: string;
  language: Language;
  contactBy: "email" | "phone";
  phone?: string;
  callbackFrom?: string;
}

type Refusal = { status: "limited"; retryAt: Date } | { status: "window-unavailable" };

/** The call-back window must still be bookable in the phone desk's hours. */
async function callbackProblem(fields: InquiryFields, now: Date, db: DbHandle = getDb()): Promise<Refusal | null> {
  if (fields.contactBy !== "phone") return null;
  const from = new Date(fields.callbackFrom ?? "");
  return isBookableWindow(await getChannelHours("phone", db), from, now) ? null : { status: "window-unavailable" };
}

function limited(outcome: RateLimitOutcome): Refusal | null {
  return outcome.limited ? { status: "limited", retryAt: outcome.retryAt } : null;
}

async function newReference(db: DbHandle = getDb()): Promise<string> {
  // 40 random bits: a collision is a one-in-ten-million event even with 100,000 inquiries,
  // but it is checked rather than left to fail the insert.
  for (;;) {
    const reference = referenceFromBytes(randomBytes(5));
    const taken = await db.inquiry.findUnique({ where: { reference }, select: { id: true } });
    if (!taken) return reference;
  }
}

interface Sender {
  email: string;
  customerId: string | null;
  clientHash: string;
  verified: boolean;
}

export interface Submitted {
  reference: string;
  dueAt: Date;
  /** Lets the submitting browser into the thread (visitors, who have no session). */
  setCookie: string | null;
}

/**
 * Writes the inquiry, its first message and the "received" mail, in one transaction that
 * first runs `claim` (if given) and writes nothing when it returns false.
 */
async function enterQueue(
  fields: InquiryFields,
  sender: Sender,
  now: Date,
  options: { withAccessCookie: boolean; claim?: (tx: Tx) => Promise<boolean> },
  db: DbHandle = getDb(),
): Promise<Submitted | null> {
  const [hours, targets, reference] = await Promise.all([getChannelHours("email", db), getSlaTargets(fields.category, db), newReference(db)]);
  const sla = onSubmitted({ hours, targets, now });
  const callback =
    fields.contactBy === "phone" && fields.callbackFrom
      ? { from: new Date(fields.callbackFrom), until: new Date(Date.parse(fields.callbackFrom) + CALLBACK_WINDOW_MINUTES * 60_000) }
      : null;
  const link = newInquiryLinkToken(reference, fields.language);
  const mail = await composeMail({ template: "inquiry-received", language: fields.language, reference, dueAt: sla.dueAt!, callback, linkUrl: link.url });
  return inTransaction(db, async (tx) => {
    if (options.claim && !(await options.claim(tx))) return null;
    const inquiry = await tx.inquiry.create({
      data: {
        reference,
        category: fields.category,
        language: fields.language,
        status: sla.status,
        dueAt: sla.dueAt,
        dueKind: sla.dueKind,
        customerId: sender.customerId,
        emailHash: addressLookupHash(sender.email),
        emailCiphertext: seal(sender.email),
        nameCiphertext: fields.name ? seal(fields.name) : null,
        contactBy: fields.contactBy,
        phoneCiphertext: callback && fields.phone ? seal(fields.phone) : null,
        callbackFrom: callback?.from ?? null,
        callbackUntil: callback?.until ?? null,
        createdAt: now,
        lastActivityAt: now,
        messages: { create: { kind: "customer", bodyCiphertext: seal(fields.message), createdAt: now } },
      },
      select: { id: true },
    });
    await link.store(tx, inquiry.id, now);
    await enqueueMail(tx, { template: "inquiry-received", customerId: sender.customerId, mail: { to: sender.email, ...mail } });
    await appendAudit(tx, {
      actor: null,
      action: "inquiry.submit",
      target: { type: "inquiry", id: reference },
      clientHash: sender.clientHash,
      result: "ok",
      details: { category: fields.category, verified: sender.verified, contactBy: fields.contactBy },
    });
    const setCookie = options.withAccessCookie ? await grantThreadAccess(tx, inquiry.id, reference, now) : null;
    return { reference, dueAt: sla.dueAt!, setCookie };
  });
}

/** A verified customer's inquiry: into the queue at once, replies to the address they verified. */
export async function submitCustomerInquiry(
  fields: InquiryFields,
  customerId: string,
  clientHash: string,
  now = new Date(),
  db: DbHandle = getDb(),
): Promise<({ status: "submitted" } & Submitted) | Refusal> {
  const refusal =
    limited(
      await consumeRateLimits(
        [
          { rule: INQUIRY_RULES.customer, subject: customerId },
          { rule: INQUIRY_RULES.client, subject: clientHash },
        ],
        now,
        db,
      ),
    ) ?? (await callbackProblem(fields, now, db));
  if (refusal) return refusal;
  const customer = await db.customer.findUniqueOrThrow({ where: { id: customerId }, select: { emailCiphertext: true } });
  const sender = { email: unseal(customer.emailCiphertext), customerId, clientHash, verified: true };
  const submitted = (await enterQueue(fields, sender, now, { withAccessCookie: false }, db))!;
  return { status: "submitted", ...submitted };
}

/** A visitor's inquiry: held until they confirm the address by the link mailed to it. */
export async function requestInquiryConfirmation(
  fields: InquiryFields & { email: string },
  clientHash: string,
  now = new Date(),
  db: DbHandle = getDb(),
): Promise<{ status: "confirmation-sent" } | Refusal> {
  const email = normaliseEmail(fields.email);
  const refusal =
    limited(
      await consumeRateLimits(
        [
          { rule: INQUIRY_RULES.address, subject: addressLookupHash(email) },
          { rule: INQUIRY_RULES.client, subject: clientHash },
        ],
        now,
        db,
      ),
    ) ?? (await callbackProblem(fields, now, db));
  if (refusal) return refusal;
  const token = newBearerToken();
  const expiresAt = new Date(now.getTime() + CONFIRMATION_TTL_MS);
  const linkUrl = `${getConfig().PUBLIC_ORIGIN}/inquiries/confirm?lng=${fields.language}&token=${encodeURIComponent(token)}`;
  const mail = await composeMail({ template: "inquiry-confirm", language: fields.language, linkUrl, expiresAt });
  await inTransaction(db, async (tx) => {
    await tx.pendingInquiry.create({
      data: {
        tokenHash: bearerTokenHash(token),
        emailHash: addressLookupHash(email),
        payload: seal(JSON.stringify({ ...fields, email })),
        language: fields.language,
        expiresAt,
      },
      select: { id: true },
    });
    await enqueueMail(tx, { template: "inquiry-confirm", customerId: null, mail: { to: email, ...mail } });
  });
  return { status: "confirmation-sent" };
}

export type PendingState = "valid" | "invalid";

/** Whether a confirmation link still works, without using it (mail scanners open links). */
export async function inspectConfirmation(token: string, now = new Date(), db: DbHandle = getDb()): Promise<PendingState> {
  const pending = await db.pendingInquiry.findUnique({ where: { tokenHash: bearerTokenHash(token) }, select: { expiresAt: true } });
  return pending && pending.expiresAt > now ? "valid" : "invalid";
}

/**
 * Confirms a visitor's inquiry: it enters the queue now, and this browser may follow it.
 * Deleting the pending row is the first write of the transaction that queues it: a double
 * click confirms once, and a crash leaves either the pending row or the inquiry.
 */
export async function confirmInquiry(
  token: string,
  clientHash: string,
  now = new Date(),
  db: DbHandle = getDb(),
): Promise<({ status: "submitted" } & Submitted) | { status: "invalid" }> {
  const tokenHash = bearerTokenHash(token);
  const pending = await db.pendingInquiry.findUnique({ where: { tokenHash }, select: { payload: true, expiresAt: true } });
  if (!pending || pending.expiresAt <= now) return { status: "invalid" };
  const fields = JSON.parse(unseal(pending.payload)) as InquiryFields & { email: string };
  // The address is proven now: an affected customer's inquiry shows staff their exposure.
  const customer = await db.customer.findUnique({ where: { emailHash: addressLookupHash(fields.email) }, select: { id: true } });
  const sender = { email: fields.email, customerId: customer?.id ?? null, clientHash, verified: false };
  const submitted = await enterQueue(
    fields,
    sender,
    now,
    {
      withAccessCookie: true,
      claim: async (tx) => (await tx.pendingInquiry.deleteMany({ where: { tokenHash } })).count === 1,
    },
    db,
  );
  return submitted ? { status: "submitted", ...submitted } : { status: "invalid" };
}

/** Drops confirmations nobody used in time. */
export async function deleteExpiredPendingInquiries(now = new Date(), db: DbHandle = getDb()): Promise<void> {
  await db.pendingInquiry.deleteMany({ where: { expiresAt: { lte: now } } });
}
