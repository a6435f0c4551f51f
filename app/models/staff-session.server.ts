// Staff sessions are database rows behind a signed cookie holding a random id (only its
// hash is stored): revocable at once, 30 minutes idle and 12 hours absolute.
import { getDb } from "~/db/client.server";
import type { Tx } from "~/db/transaction.server";
import { bearerTokenHash, newBearerToken } from "~/utils/bearer-token.server";
import { sessionCookie, sessionIdFrom, sessionIsLive, TOUCH_INTERVAL_MS } from "~/utils/session-cookie.server";

export const IDLE_TIMEOUT_MS = 30 * 60_000;
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60_000;
const staffSessionCookie = () => sessionCookie("staff_session");

export interface StaffIdentity {
  id: string;
  email: string;
  displayName: string;
  role: string;
}

/** Creates a session (a new id every sign-in: no fixation) and returns its Set-Cookie header. */
export async function startStaffSession(tx: Tx, staffId: string, clientHash: string): Promise<string> {
  const id = newBearerToken();
  const now = Date.now();
  await tx.staffSession.create({
    data: { idHash: bearerTokenHash(id), staffId, clientHash, expiresAt: new Date(now + ABSOLUTE_TIMEOUT_MS) },
  });
  return staffSessionCookie().serialize(id, { maxAge: ABSOLUTE_TIMEOUT_MS / 1000 });
}

const sessionIdOf = (request: Request) => sessionIdFrom(staffSessionCookie(), request);

type CurrentSession = { sessionId: string; staff: StaffIdentity } | null;

// The staff layout's loader and the page's own guard run for the same request in
// parallel; they share one lookup (and at most one lastSeenAt write) instead of two.
const lookups = new WeakMap<Request, Promise<CurrentSession>>();

/** The signed-in staff member, or null when there is no live session. */
export function getStaffSession(request: Request): Promise<CurrentSession> {
  let lookup = lookups.get(request);
  if (!lookup) {
    lookup = lookUpStaffSession(request);
    lookups.set(request, lookup);
  }
  return lookup;
}

async function lookUpStaffSession(request: Request): Promise<CurrentSession> {
  const id = await sessionIdOf(request);
  if (!id) return null;
  const db = getDb();
  const session = await db.staffSession.findUnique({
    where: { idHash: bearerTokenHash(id) },
    select: {
      id: true,
      lastSeenAt: true,
      expiresAt: true,
      revokedAt: true,
      staff: { select: { id: true, email: true, displayName: true, role: true, status: true } },
    },
  });
  const now = Date.now();
  if (!session || !sessionIsLive(session, IDLE_TIMEOUT_MS, now) || session.staff.status !== "active") return null;
  if (now - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await db.staffSession.update({ where: { id: session.id }, data: { lastSeenAt: new Date(now) } });
  }
  const { status: _status, ...staff } = session.staff;
  return { sessionId: session.id, staff };
}

/**
 * Revokes the session this browser's cookie names, if any. A sign-in or an enrolment calls
 * it after starting the new session: a cookie planted in the browser beforehand (even one
 * of a real session, another staff member's) is worth nothing afterwards.
 */
export async function revokePresentedStaffSession(request: Request): Promise<void> {
  const id = await sessionIdOf(request);
  if (!id) return;
  await getDb().staffSession.updateMany({ where: { idHash: bearerTokenHash(id), revokedAt: null }, data: { revokedAt: new Date() } });
}

/** Revokes this browser's session; returns the Set-Cookie header that clears it. */
export async function endStaffSession(request: Request): Promise<string> {
  await revokePresentedStaffSession(request);
  return staffSessionCookie().serialize("", { maxAge: 0 });
}

export async function revokeAllStaffSessions(tx: Tx, staffId: string): Promise<number> {
  const { count } = await tx.staffSession.updateMany({ where: { staffId, revokedAt: null }, data: { revokedAt: new Date() } });
  return count;
}
