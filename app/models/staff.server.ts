// Staff accounts: invitations and one-time enrolment links, enrolment of both factors,
// sign-in, deactivation, reset and session revocation. Every change is audited in the
// same transaction.
import { getConfig } from "~/config.server";
import { getDb } from "~/db/client.server";
import { derivedDigest } from "~/domain/keys/derived-digest";
import { type DbHandle, inTransaction, type Tx } from "~/db/transaction.server";
import { generateRecoveryCodes, normaliseRecoveryCode } from "~/domain/staff/recovery-codes";
import type { Role } from "~/domain/staff/permissions";
import { bearerTokenHash, newBearerToken } from "~/utils/bearer-token.server";
import { normaliseEmail } from "~/utils/personal-data.server";
import { seal, unseal } from "~/utils/sealed.server";
import { hashingQueue } from "~/utils/hashing-queue.server";
import { decoyPasswordHash, hashPassword, verifyPassword } from "~/utils/password.server";
import { acceptTotp, newTotpSecret } from "~/utils/totp.server";
import { appendAudit, type AuditEvent } from "./audit.server";
import { lockConfirmedFailures } from "./sign-in-throttle.server";
import { revokeAllStaffSessions, startStaffSession, type StaffIdentity } from "./staff-session.server";

const ENROLMENT_LINK_TTL_MS = 72 * 60 * 60_000;

export type Actor = { id: string; email: string } | null;

function recoveryCodeHash(code: string): string {
  return derivedDigest(getConfig().SESSION_SECRET, "recovery-code", code);
}

export function enrolmentLink(token: string): string {
  return `${getConfig().PUBLIC_ORIGIN}/staff/enrol/${token}`;
}

/** A new one-time link; earlier unused links of the same person stop working. */
async function issueEnrolmentToken(tx: Tx, staffId: string, now = new Date()): Promise<string> {
  await tx.staffEnrolmentToken.updateMany({ where: { staffId, usedAt: null }, data: { usedAt: now } });
  const token = newBearerToken();
  await tx.staffEnrolmentToken.create({
    data: { staffId, tokenHash: bearerTokenHash(token), expiresAt: new Date(now.getTime() + ENROLMENT_LINK_TTL_MS) },
  });
  return token;
}

export class StaffEmailTakenError extends Error {}

export async function inviteStaff(
  input: { email: string; displayName: string; role: Role },
  actor: Actor,
  clientHash: string | null,
  db: DbHandle = getDb(),
): Promise<{ staffId: string; link: string }> {
  const email = normaliseEmail(input.email);
  return inTransaction(db, async (tx) => {
    const existing = await tx.staffMember.findUnique({ where: { email }, select: { id: true } });
    if (existing) throw new StaffEmailTakenError(email);
    const staff = await tx.staffMember.create({
      data: { email, displayName: input.displayName, role: input.role },
      select: { id: true },
    });
    const token = await issueEnrolmentToken(tx, staff.id);
    await appendAudit(tx, {
      actor,
      action: "staff.invite",
      target: { type: "staff", id: staff.id },
      clientHash,
      result: "ok",
      details: { email, role: input.role, via: actor ? "ui" : "cli" },
    });
    return { staffId: staff.id, link: enrolmentLink(token) };
  });
}

export interface Enrolment {
  tokenId: string;
  staff: { id: string; email: string; displayName: string };
  /** "password" first, then "second-factor" with the pending secret. */
  step: "password" | "second-factor";
  pendingTotpSecret: string | null;
}

export async function findEnrolment(token: string, now = new Date(), db: DbHandle = getDb()): Promise<Enrolment | null> {
  const row = await db.staffEnrolmentToken.findUnique({
    where: { tokenHash: bearerTokenHash(token) },
    select: {
      id: true,
      expiresAt: true,
      usedAt: true,
      pendingPasswordHash: true,
      pendingTotpSecret: true,
      staff: { select: { id: true, email: true, displayName: true, status: true } },
    },
  });
  if (!row || row.usedAt || row.expiresAt <= now || row.staff.status === "deactivated") return null;
  const { status: _status, ...staff } = row.staff;
  return {
    tokenId: row.id,
    staff,
    step: row.pendingPasswordHash ? "second-factor" : "password",
    pendingTotpSecret: row.pendingTotpSecret ? unseal(row.pendingTotpSecret) : null,
  };
}

/**
 * Step 1: the password is kept (hashed) on the link until the second factor is confirmed.
 * Throws HashingBusy when the hashing queue is full.
 */
export async function choosePassword(enrolment: Enrolment, password: string, db: DbHandle = getDb()): Promise<void> {
  const pendingPasswordHash = await hashingQueue().run(() => hashPassword(password));
  await db.staffEnrolmentToken.update({
    where: { id: enrolment.tokenId },
    data: {
      pendingPasswordHash,
      pendingTotpSecret: seal(newTotpSecret()),
    },
  });
}

/**
 * Step 2: a first code proves the authenticator works; then both factors become the
 * account's, the link is used up, earlier sessions end, and fresh recovery codes are
 * returned to be shown once.
 */
export async function confirmSecondFactor(
  enrolment: Enrolment,
  code: string,
  clientHash: string,
  db: DbHandle = getDb(),
): Promise<{ recoveryCodes: string[]; setCookie: string } | null> {
  if (!enrolment.pendingTotpSecret) return null;
  const step = await acceptTotp(enrolment.pendingTotpSecret, code, null);
  if (step === null) return null;
  const recoveryCodes = generateRecoveryCodes();
  const setCookie = await inTransaction(db, async (tx) => {
    const token = await tx.staffEnrolmentToken.findUnique({
      where: { id: enrolment.tokenId },
      select: { usedAt: true, pendingPasswordHash: true, pendingTotpSecret: true },
    });
    if (!token || token.usedAt || !token.pendingPasswordHash || !token.pendingTotpSecret) return null;
    const now = new Date();
    await tx.staffEnrolmentToken.update({ where: { id: enrolment.tokenId }, data: { usedAt: now } });
    await tx.staffMember.update({
      where: { id: enrolment.staff.id },
      data: {
        status: "active",
        passwordHash: token.pendingPasswordHash,
        totpSecret: token.pendingTotpSecret,
        totpLastStep: step,
        enrolledAt: now,
      },
    });
    await revokeAllStaffSessions(tx, enrolment.staff.id);
    await tx.staffRecoveryCode.deleteMany({ where: { staffId: enrolment.staff.id } });
    await tx.staffRecoveryCode.createMany({
      data: recoveryCodes.map((code) => ({ staffId: enrolment.staff.id, codeHash: recoveryCodeHash(normaliseRecoveryCode(code)!) })),
    });
    await appendAudit(tx, {
      actor: { id: enrolment.staff.id, email: enrolment.staff.email },
      action: "staff.enrol",
      target: { type: "staff", id: enrolment.staff.id },
      clientHash,
      result: "ok",
    });
    return startStaffSession(tx, enrolment.staff.id, clientHash);
  });
  return setCookie ? { recoveryCodes, setCookie } : null;
}

export type SignInOutcome =
  | { ok: true; staff: StaffIdentity; setCookie: string }
  | { ok: false; staffId: string | null; reason: "unknown-account" | "password" | "second-factor" | "second-factor-limited" };

/**
 * Checks both factors. Unknown addresses cost the same argon2 verification as known
 * ones, and every failure looks the same to the client.
 */
export async function signIn(
  input: { email: string; password: string; code: string },
  clientHash: string,
  failuresBefore: number,
  /** Asked once the password is right, before the code is checked (or spent): may it be tried? */
  secondFactorAllowed?: () => Promise<boolean>,
  db: DbHandle = getDb(),
): Promise<SignInOutcome> {
  const staff = await db.staffMember.findUnique({
    where: { email: normaliseEmail(input.email) },
    select: { id: true, email: true, displayName: true, role: true, status: true, passwordHash: true, totpSecret: true, totpLastStep: true },
  });
  const usable = staff && staff.status === "active" && staff.passwordHash && staff.totpSecret ? staff : null;
  const decoy = await decoyPasswordHash();
  const password = await hashingQueue().run(() => verifyPassword(usable?.passwordHash ?? decoy, input.password));
  if (!usable) return { ok: false, staffId: staff?.id ?? null, reason: "unknown-account" };
  if (!password.valid) return { ok: false, staffId: usable.id, reason: "password" };
  // Answered as any failure: a different answer would tell that the password was right.
  if (secondFactorAllowed && !(await secondFactorAllowed())) return { ok: false, staffId: usable.id, reason: "second-factor-limited" };

  const secondFactor = await checkSecondFactor(usable.id, unseal(usable.totpSecret!), usable.totpLastStep, input.code, db);
  if (!secondFactor) return { ok: false, staffId: usable.id, reason: "second-factor" };

  const identity: StaffIdentity = { id: usable.id, email: usable.email, displayName: usable.displayName, role: usable.role };
  // OWASP parameters may have been raised since this hash was made; hashed before the
  // transaction, which should not stay open while waiting for a core.
  const rehashed = password.needsRehash ? await hashingQueue().run(() => hashPassword(input.password)) : null;
  const setCookie = await inTransaction(db, async (tx) => {
    await tx.staffMember.update({
      where: { id: usable.id },
      data: {
        ...(secondFactor.kind === "totp" ? { totpLastStep: secondFactor.step } : {}),
        ...(rehashed ? { passwordHash: rehashed } : {}),
      },
    });
    await appendAudit(tx, {
      actor: identity,
      action: "staff.sign-in",
      target: { type: "staff", id: identity.id },
      clientHash,
      result: "ok",
      details: {
        secondFactor: secondFactor.kind,
        ...(failuresBefore > 0 ? { afterFailures: failuresBefore } : {}),
        ...(password.needsRehash ? { passwordRehashed: true } : {}),
      },
    });
    return startStaffSession(tx, identity.id, clientHash);
  });
  return { ok: true, staff: identity, setCookie };
}

/**
 * A sign-in that failed: the counts that reached their limit locked, and the failure on
 * record, in one transaction (a lock is never set without its entry, nor the other way).
 */
export async function recordFailedSignIn(
  keys: string[],
  failure: Pick<AuditEvent, "target" | "clientHash" | "details">,
  db: DbHandle = getDb(),
): Promise<void> {
  await inTransaction(db, async (tx) => {
    await lockConfirmedFailures(keys, new Date(), tx);
    await appendAudit(tx, { ...failure, actor: null, action: "staff.sign-in", result: "failed" });
  });
}

async function checkSecondFactor(
  staffId: string,
  secret: string,
  lastStep: number | null,
  code: string,
  db: DbHandle = getDb(),
): Promise<{ kind: "totp"; step: number } | { kind: "recovery-code" } | null> {
  const compact = code.replace(/\s/g, "");
  const step = await acceptTotp(secret, compact, lastStep);
  if (step !== null) return { kind: "totp", step };
  const recovery = normaliseRecoveryCode(code);
  if (!recovery) return null;
  // Used up atomically: two simultaneous sign-ins can't both spend the same code.
  const { count } = await db.staffRecoveryCode.updateMany({
    where: { staffId, codeHash: recoveryCodeHash(recovery), usedAt: null },
    data: { usedAt: new Date() },
  });
  return count === 1 ? { kind: "recovery-code" } : null;
}

export async function listStaff(db: DbHandle = getDb()) {
  return db.staffMember.findMany({
    orderBy: [{ status: "asc" }, { email: "asc" }],
    select: {
      id: true,
      email: true,
      displayName: true,
      role: true,
      status: true,
      enrolledAt: true,
      _count: { select: { sessions: { where: { revokedAt: null, expiresAt: { gt: new Date() } } } } },
    },
  });
}

type AccountChange = "deactivate" | "reset" | "revoke-sessions";

/**
 * Deactivating ends every session at once; a reset also clears both factors and issues
 * a new enrolment link; revoking only ends the sessions.
 */
export async function changeStaffAccount(
  staffId: string,
  change: AccountChange,
  actor: Actor,
  clientHash: string | null,
  db: DbHandle = getDb(),
): Promise<{ link: string | null; email: string } | null> {
  return inTransaction(db, async (tx) => {
    const staff = await tx.staffMember.findUnique({ where: { id: staffId }, select: { id: true, email: true, status: true } });
    if (!staff) return null;
    const revoked = await revokeAllStaffSessions(tx, staffId);
    let link: string | null = null;
    if (change === "deactivate") {
      await tx.staffMember.update({ where: { id: staffId }, data: { status: "deactivated", deactivatedAt: new Date() } });
      await tx.staffEnrolmentToken.updateMany({ where: { staffId, usedAt: null }, data: { usedAt: new Date() } });
    }
    if (change === "reset") {
      await tx.staffMember.update({
        where: { id: staffId },
        data: { status: "invited", passwordHash: null, totpSecret: null, totpLastStep: null, deactivatedAt: null },
      });
      await tx.staffRecoveryCode.deleteMany({ where: { staffId } });
      link = enrolmentLink(await issueEnrolmentToken(tx, staffId));
    }
    await appendAudit(tx, {
      actor,
      action: `staff.${change}`,
      target: { type: "staff", id: staffId },
      clientHash,
      result: "ok",
      details: { email: staff.email, sessionsRevoked: revoked, via: actor ? "ui" : "cli" },
    });
    return { link, email: staff.email };
  });
}
