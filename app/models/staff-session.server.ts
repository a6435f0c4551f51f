// Staff sessions are database rows behind a signed cookie holding a random id (only its
// hash is stored): revocable at once, 30 minutes idle and 12 hours absolute.
import { getDb } from "~/db/client.server";
import { inTransaction, type DbHandle, type Tx } from "~/db/transaction.server";
import { bearerTokenHash, newBearerToken } from "~/utils/bearer-token.server";
import { sessionCookie, sessionIdFrom, sessionIsLive, TOUCH_INTERVAL_MS } from "~/utils/session-cookie.server";
import { oncePerRequest } from "~/utils/once-per-request.server";
import { appendAudit } from "./audit.server";

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

/** The signed-in staff member, or null when there is no live session (one lookup per request). */
export const getStaffSession = oncePerRequest(lookUpStaffSession);

async function lookUpStaffSession(request: Request, db: DbHandle = getDb()): Promise<CurrentSession> {
  const id = await sessionIdOf(request);
  if (!id) return null;
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
export async function revokePresentedStaffSession(request: Request, db: DbHandle = getDb()): Promise<void> {
  const id = await sessionIdOf(request);
  if (!id) return;
  await db.staffSession.updateMany({ where: { idHash: bearerTokenHash(id), revokedAt: null }, data: { revokedAt: new Date() } });
}

/**
 * Signs this browser out: its session revoked and, when it was live, the sign-out on record,
 * in one transaction. Returns the Set-Cookie header that clears the cookie.
 */
export async function endStaffSession(request: Request, clientHash: string, db: DbHandle = getDb()): Promise<string> {
  const current = await getStaffSession(request);
  await inTransaction(db, async (tx) => {
    await revokePresentedStaffSession(request, tx);
    if (current) await appendAudit(tx, { actor: current.staff, action: "staff.sign-out", clientHash, result: "ok" });
  });
  return staffSessionCookie().serialize("", { maxAge: 0 });
}

export async function revokeAllStaffSessions(tx: Tx, staffId: string): Promise<number> {
  const { count } = await tx.staffSession.updateMany({ where: { staffId, revokedAt: null }, data: { revokedAt: new Date() } });
  return count;
}
