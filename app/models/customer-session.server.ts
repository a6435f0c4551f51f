// A customer's session, started by opening a mailbox link: a database row behind a
// signed cookie holding a random id (only its hash is stored). Short-lived, because it
// shows what of the person's data leaked: 30 minutes idle, 2 hours at most.
import { getDb } from "~/db/client.server";
import { maskAddress } from "~/domain/email-address";
import type { DbHandle, Tx } from "~/db/transaction.server";
import { bearerTokenHash, newBearerToken } from "~/utils/bearer-token.server";
import { hasLegacyPassword, LEGACY_PASSWORD_SELECT } from "./legacy-password.server";
import { oncePerRequest } from "~/utils/once-per-request.server";
import { unseal } from "~/utils/sealed.server";
import { sessionCookie, sessionIdFrom, sessionIsLive, TOUCH_INTERVAL_MS } from "~/utils/session-cookie.server";

export const CUSTOMER_IDLE_TIMEOUT_MS = 30 * 60_000;
export const CUSTOMER_ABSOLUTE_TIMEOUT_MS = 2 * 60 * 60_000;

const customerSessionCookie = () => sessionCookie("customer_session");

export type VerifiedBy = "mail-link" | "password";

export interface CustomerSessionInfo {
  sessionId: string;
  customerId: string;
  verifiedBy: VerifiedBy;
  /** The leaked password was reset and no new one chosen yet: only the password form is open. */
  mustChangePassword: boolean;
  passwordChangedAt: Date | null;
  /** Who is signed in, as the header shows it to whoever holds the screen (cu***@example.com). */
  maskedAddress: string;
}

/** A new session (a new id every time: no fixation); returns its Set-Cookie header. */
export async function startCustomerSession(tx: Tx, customerId: string, clientHash: string, verifiedBy: VerifiedBy, now = new Date()): Promise<string> {
  const id = newBearerToken();
  await tx.customerSession.create({
    data: {
      idHash: bearerTokenHash(id),
      customerId,
      clientHash,
      verifiedBy,
      expiresAt: new Date(now.getTime() + CUSTOMER_ABSOLUTE_TIMEOUT_MS),
    },
    select: { id: true },
  });
  // Every verified session shows the customer what of theirs leaked: the first one is when
  // they checked (the dashboard's figure).
  await tx.customer.updateMany({ where: { id: customerId, firstCheckedAt: null }, data: { firstCheckedAt: now } });
  return customerSessionCookie().serialize(id, { maxAge: CUSTOMER_ABSOLUTE_TIMEOUT_MS / 1000 });
}

const sessionIdOf = (request: Request) => sessionIdFrom(customerSessionCookie(), request);

/**
 * Whether the request carries a customer's session cookie, live or not. Every public page
 * then shows who is signed in, so no shared cache may keep it (app/entry.server.tsx).
 */
export function carriesCustomerSession(request: Request): boolean {
  const name = customerSessionCookie().name;
  return (request.headers.get("Cookie") ?? "").split(";").some((pair) => pair.trim().startsWith(`${name}=`));
}

/** The verified customer of this request, or null (one lookup per request: the layout asks too). */
export const getCustomerSession = oncePerRequest(lookUpCustomerSession);

async function lookUpCustomerSession(request: Request, db: DbHandle = getDb()): Promise<CustomerSessionInfo | null> {
  const id = await sessionIdOf(request);
  if (!id) return null;
  const session = await db.customerSession.findUnique({
    where: { idHash: bearerTokenHash(id) },
    select: {
      id: true,
      customerId: true,
      lastSeenAt: true,
      expiresAt: true,
      revokedAt: true,
      verifiedBy: true,
      // The account's password state comes with the session: every customer page needs it.
      customer: { select: { emailCiphertext: true, passwordHash: true, passwordChangedAt: true, ...LEGACY_PASSWORD_SELECT } },
    },
  });
  const now = Date.now();
  if (!session || !sessionIsLive(session, CUSTOMER_IDLE_TIMEOUT_MS, now)) return null;
  if (now - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await db.customerSession.update({ where: { id: session.id }, data: { lastSeenAt: new Date(now) }, select: { id: true } });
  }
  return {
    sessionId: session.id,
    customerId: session.customerId,
    verifiedBy: session.verifiedBy === "password" ? "password" : "mail-link",
    mustChangePassword: session.customer.passwordHash === null && hasLegacyPassword(session.customer),
    passwordChangedAt: session.customer.passwordChangedAt,
    maskedAddress: maskAddress(unseal(session.customer.emailCiphertext)),
  };
}

/** Ends every session of the customer (after a password change, before starting a new one). */
export async function revokeCustomerSessions(tx: Tx, customerId: string, now = new Date()): Promise<number> {
  const { count } = await tx.customerSession.updateMany({ where: { customerId, revokedAt: null }, data: { revokedAt: now } });
  return count;
}

/** Forgets sessions a day after they ended; they prove nothing after that. */
export async function deleteStaleCustomerSessions(now = new Date(), db: DbHandle = getDb()): Promise<void> {
  await db.customerSession.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - 24 * 60 * 60_000) } } });
}

/**
 * Revokes the session this browser's cookie names, if any. A sign-in calls it after starting
 * the new session: a cookie planted in the browser beforehand (even one of a real session,
 * the planter's own) is worth nothing afterwards.
 */
export async function revokePresentedCustomerSession(request: Request, db: DbHandle = getDb()): Promise<void> {
  const id = await sessionIdOf(request);
  if (!id) return;
  await db.customerSession.updateMany({ where: { idHash: bearerTokenHash(id), revokedAt: null }, data: { revokedAt: new Date() } });
}

/** Ends this browser's session; returns the Set-Cookie header that clears the cookie. */
export async function endCustomerSession(request: Request, db: DbHandle = getDb()): Promise<string> {
  await revokePresentedCustomerSession(request, db);
  return customerSessionCookie().serialize("", { maxAge: 0 });
}
