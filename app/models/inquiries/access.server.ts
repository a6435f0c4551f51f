// Who may open an inquiry's thread: the verified customer it belongs to, or whoever holds
// a mailbox link sent about it. Opening a link moves its token into a cookie of that one
// thread, so the token leaves the address bar (and the history) at once. The cookie is
// named after the reference rather than scoped to the thread's path, because Remix loads
// a page's data from "<path>.data", which a path-scoped cookie would not reach.
import { createCookie } from "@remix-run/node";
import { getConfig } from "~/config.server";
import { getDb } from "~/db/client.server";
import type { DbHandle, Tx } from "~/db/transaction.server";
import type { Language } from "~/i18n/config";
import { getCustomerSession, type CustomerSessionInfo } from "~/models/customer-session.server";
import { bearerTokenHash, newBearerToken } from "~/utils/bearer-token.server";

/** A link works for a month: long enough to follow a conversation, not forever. */
export const INQUIRY_LINK_TTL_MS = 30 * 24 * 60 * 60_000;

const accessCookie = (reference: string) =>
  createCookie(`inquiry_${reference}`, {
    path: "/inquiries",
    httpOnly: true,
    sameSite: "lax",
    secure: getConfig().NODE_ENV === "production",
    secrets: [getConfig().SESSION_SECRET],
  });

export function threadPath(reference: string): string {
  return `/inquiries/${reference}`;
}

function storeLink(tx: Tx, token: string, inquiryId: string, now: Date) {
  return tx.inquiryLink.create({
    data: { tokenHash: bearerTokenHash(token), inquiryId, expiresAt: new Date(now.getTime() + INQUIRY_LINK_TTL_MS) },
    select: { id: true },
  });
}

/** The token a mail's link will carry, made before the mail is composed and stored with it. */
export function newInquiryLinkToken(reference: string, language: Language) {
  const token = newBearerToken();
  return {
    url: `${getConfig().PUBLIC_ORIGIN}${threadPath(reference)}?lng=${language}&token=${encodeURIComponent(token)}`,
    store: (tx: Tx, inquiryId: string, now = new Date()) => storeLink(tx, token, inquiryId, now),
  };
}

async function liveLink(token: string, inquiryId: string, now: Date, db: DbHandle = getDb()) {
  return db.inquiryLink.findFirst({
    where: { tokenHash: bearerTokenHash(token), inquiryId, expiresAt: { gt: now } },
    select: { expiresAt: true },
  });
}

/** The Set-Cookie header that lets this browser into the thread, if the token is a live link to it. */
export async function openInquiryLink(reference: string, token: string, now = new Date(), db: DbHandle = getDb()): Promise<string | null> {
  const inquiry = await db.inquiry.findUnique({ where: { reference }, select: { id: true } });
  const link = inquiry && (await liveLink(token, inquiry.id, now, db));
  if (!link) return null;
  return accessCookie(reference).serialize(token, { maxAge: Math.floor((link.expiresAt.getTime() - now.getTime()) / 1000) });
}

/** A fresh link's token, straight into a cookie (after confirming, the browser gets in at once). */
export async function grantThreadAccess(tx: Tx, inquiryId: string, reference: string, now = new Date()): Promise<string> {
  const token = newBearerToken();
  await storeLink(tx, token, inquiryId, now);
  return accessCookie(reference).serialize(token, { maxAge: INQUIRY_LINK_TTL_MS / 1000 });
}

export type ThreadAccess = { allowed: true; inquiryId: string; session: CustomerSessionInfo | null } | { allowed: false; session: CustomerSessionInfo | null };

/**
 * Whether this request may see the thread. The answer is the same for a reference that
 * doesn't exist and one that isn't the visitor's, so references can't be probed.
 */
export async function threadAccess(request: Request, reference: string, now = new Date(), db: DbHandle = getDb()): Promise<ThreadAccess> {
  const session = await getCustomerSession(request);
  const inquiry = await db.inquiry.findUnique({ where: { reference }, select: { id: true, customerId: true } });
  if (!inquiry) return { allowed: false, session };
  if (session && inquiry.customerId === session.customerId) return { allowed: true, inquiryId: inquiry.id, session };
  const token: unknown = await accessCookie(reference).parse(request.headers.get("Cookie"));
  if (typeof token === "string" && token.length > 0 && (await liveLink(token, inquiry.id, now, db))) {
    return { allowed: true, inquiryId: inquiry.id, session };
  }
  return { allowed: false, session };
}
