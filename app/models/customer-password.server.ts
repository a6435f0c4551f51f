// Customer passwords after the incident. Every imported account with a leaked hash must
// choose a new password (from a session its mailbox verified) before it can do anything
// else; the leaked password is refused, never signs anyone in, and stays recognisable only
// in wrapped form. New passwords are argon2id with OWASP's parameters, rehashed at sign-in
// when those parameters rise. All hashing goes through the bounded hashing queue.
import { getConfig } from "~/config.server";
import { getDb } from "~/db/client.server";
import { type DbHandle, inTransaction } from "~/db/transaction.server";
import type { CustomerPasswordProblem } from "~/domain/passwords/customer-policy";
import { PASSWORD_CHANGE_RULE, SIGN_IN_RULES } from "~/domain/rate-limit/rate-limit";
import type { Language } from "~/i18n/config";
import { composeMail } from "~/mail/compose.server";
import { hashingQueue } from "~/utils/hashing-queue.server";
import { decoyPasswordHash, hashPassword, verifyPassword } from "~/utils/password.server";
import { normaliseEmail } from "~/utils/personal-data.server";
import { addressLookupHash, unseal } from "~/utils/sealed.server";
import { appendAudit, recordAudit } from "./audit.server";
import { revokeCustomerSessions, startCustomerSession, type CustomerSessionInfo } from "./customer-session.server";
import { leakedPasswordMatch, LEGACY_PASSWORD_SELECT, wrapLegacyHash } from "./legacy-password.server";
import { enqueueMail } from "./outbox.server";
import { passwordProblemOffThread, passwordStrengthOffThread } from "./passwords/policy-pool.server";
import { lookUpBreachedPassword } from "~/http/pwned-passwords.server";
import { consumeRateLimits } from "./rate-limit.server";

export type PasswordChangeProblem = CustomerPasswordProblem | "leaked" | "leaked-variant" | "breached" | "current-wrong";

const ACCOUNT_SELECT = { id: true, emailCiphertext: true, passwordHash: true, ...LEGACY_PASSWORD_SELECT } as const;

/** Words of this service and company a password must not be: the portal's and the company's names. */
async function contextWords(db: DbHandle = getDb()): Promise<string[]> {
  const organization = await db.organization.findUnique({ where: { id: 1 }, select: { nameJa: true, nameEn: true } });
  return ["madoguchi", "窓口", organization?.nameJa ?? "", organization?.nameEn ?? ""].filter(Boolean);
}

/** For the strength meter: the score and the problem the form would report, without hashing. */
export async function passwordStrengthFor(customerId: string, password: string, db: DbHandle = getDb()) {
  const account = await db.customer.findUnique({ where: { id: customerId }, select: { emailCiphertext: true } });
  return passwordStrengthOffThread({ password, email: account ? unseal(account.emailCiphertext) : "", context: await contextWords(db) });
}

export type ChangeOutcome = { ok: true; setCookie: string } | { ok: false; problem: PasswordChangeProblem } | { ok: false; problem: "limited"; retryAt: Date };

/**
 * Sets a new password: checks every rule, stores argon2id of it (wrapping a still-bare
 * legacy hash on the way), ends every session of the customer and starts a new one for
 * this browser, and mails a confirmation. Throws HashingBusy when the hashing queue is full.
 */
export async function changeCustomerPassword(
  input: {
    session: CustomerSessionInfo;
    password: string;
    currentPassword: string | undefined;
    language: Language;
    clientHash: string;
  },
  db: DbHandle = getDb(),
): Promise<ChangeOutcome> {
  const { session, password } = input;
  const account = await db.customer.findUniqueOrThrow({ where: { id: session.customerId }, select: ACCOUNT_SELECT });
  const queue = hashingQueue();

  // A session opened with the password must show it again; one opened from the mailbox
  // has just proven the mailbox, which is what a reset relies on anyway.
  if (session.verifiedBy === "password") {
    const limits = await consumeRateLimits([{ rule: PASSWORD_CHANGE_RULE, subject: account.id }], new Date(), db);
    if (limits.limited) return { ok: false, problem: "limited", retryAt: limits.retryAt };
    const current = await queue.run(() => verifyPassword(account.passwordHash ?? "", input.currentPassword ?? ""));
    if (!current.valid) return { ok: false, problem: "current-wrong" };
  }
  const email = unseal(account.emailCiphertext);
  const policyProblem = await passwordProblemOffThread({ password, email, context: await contextWords(db) });
  if (policyProblem) return { ok: false, problem: policyProblem };
  const leaked = await queue.run(() => leakedPasswordMatch(account, password));
  if (leaked) return { ok: false, problem: leaked === "leaked" ? "leaked" : "leaked-variant" };
  const breachService = getConfig().PWNED_PASSWORDS_URL;
  if (breachService && (await lookUpBreachedPassword(breachService, password.normalize("NFKC"))) === "breached") {
    return { ok: false, problem: "breached" };
  }

  const passwordHash = await queue.run(() => hashPassword(password));
  const wrapped =
    account.legacyPasswordHash !== null && account.legacyHashAlgorithm !== null
      ? await queue.run(() => wrapLegacyHash(account.legacyHashAlgorithm!, account.legacyPasswordHash!))
      : null;
  const changedAt = new Date();
  const mail = await composeMail({ template: "password-changed", language: input.language, changedAt });
  const setCookie = await inTransaction(db, async (tx) => {
    await tx.customer.update({
      where: { id: account.id },
      data: {
        passwordHash,
        passwordChangedAt: changedAt,
        ...(account.passwordHash === null ? { passwordFirstChangedAt: changedAt } : {}),
        ...(wrapped ? { legacyPasswordHash: null, legacyHashParameters: wrapped.parameters, legacyHashWrapped: wrapped.wrapped } : {}),
      },
      select: { id: true },
    });
    const revoked = await revokeCustomerSessions(tx, account.id, changedAt);
    await enqueueMail(tx, { template: "password-changed", customerId: account.id, mail: { to: email, ...mail } });
    await appendAudit(tx, {
      actor: null,
      action: "customer.change-password",
      target: { type: "customer", id: account.id },
      clientHash: input.clientHash,
      result: "ok",
      details: { verifiedBy: session.verifiedBy, sessionsEnded: revoked, firstAfterIncident: account.passwordHash === null },
    });
    return startCustomerSession(tx, account.id, input.clientHash, session.verifiedBy, changedAt);
  });
  return { ok: true, setCookie };
}

export type SignInOutcome = { ok: true; setCookie: string } | { ok: false; reason: "failed" } | { ok: false; reason: "limited"; retryAt: Date };

/**
 * Email and password. Whatever went wrong (unknown address, no new password yet, the
 * leaked password, a typo) the answer is the same, after the same argon2id work, so it
 * reveals neither the address nor whether a leaked password is right. Throws HashingBusy.
 */
export async function signInCustomer(input: { email: string; password: string; clientHash: string }, db: DbHandle = getDb()): Promise<SignInOutcome> {
  const emailHash = addressLookupHash(normaliseEmail(input.email));
  const limits = await consumeRateLimits(
    [
      { rule: SIGN_IN_RULES.address, subject: emailHash },
      { rule: SIGN_IN_RULES.client, subject: input.clientHash },
    ],
    new Date(),
    db,
  );
  if (limits.limited) return { ok: false, reason: "limited", retryAt: limits.retryAt };

  const account = await db.customer.findUnique({ where: { emailHash }, select: { id: true, passwordHash: true } });
  const queue = hashingQueue();
  const decoy = await decoyPasswordHash();
  const check = await queue.run(() => verifyPassword(account?.passwordHash ?? decoy, input.password));
  if (!account?.passwordHash || !check.valid) {
    // Written for unknown addresses too: the same work, so timing tells nothing either.
    const reason = !account ? "unknown-address" : account.passwordHash ? "password" : "no-new-password";
    await recordAudit(
      {
        actor: null,
        action: "customer.sign-in",
        target: account ? { type: "customer", id: account.id } : undefined,
        clientHash: input.clientHash,
        result: "failed",
        details: { reason },
      },
      db,
    );
    return { ok: false, reason: "failed" };
  }
  // OWASP parameters may have been raised since this hash was made.
  const rehashed = check.needsRehash ? await queue.run(() => hashPassword(input.password)) : null;
  const setCookie = await inTransaction(db, async (tx) => {
    if (rehashed) await tx.customer.update({ where: { id: account.id }, data: { passwordHash: rehashed }, select: { id: true } });
    await appendAudit(tx, {
      actor: null,
      action: "customer.sign-in",
      target: { type: "customer", id: account.id },
      clientHash: input.clientHash,
      result: "ok",
      details: rehashed ? { passwordRehashed: true } : undefined,
    });
    return startCustomerSession(tx, account.id, input.clientHash, "password");
  });
  return { ok: true, setCookie };
}
