// Accounts that can really sign in, written straight into a test server's database as
// enrolment or a password change would leave them (those have their own tests), and the
// one-time links the app would have mailed, for tests of the sign-in pages themselves.
import { randomBytes } from "node:crypto";
import { generateSecret } from "otplib";
import { derivedDigest } from "../../app/domain/keys/derived-digest";
import { generateRecoveryCodes, normaliseRecoveryCode } from "../../app/domain/staff/recovery-codes";
import { bearerTokenHash, newBearerToken } from "../../app/utils/bearer-token.server";
import { hashPassword } from "../../app/utils/password.server";
import { emailLookupHash, encryptField, parseKeyRing } from "../../app/utils/personal-data.server";
import { createAffectedCustomer, uniqueAddress } from "./customers";
import { testDb, testServerSecrets } from "./staff";

export const STAFF_PASSWORD = "窓口の鍵は静かな港にある 2026";
export const CUSTOMER_PASSWORD = "丘の上の郵便局で待ち合わせ";

export interface EnrolledStaff {
  id: string;
  email: string;
  /** Each works once as the second factor (a TOTP code would, too, but only once per 30 s). */
  recoveryCodes: string[];
}

/** An active staff member with STAFF_PASSWORD, an authenticator and ten recovery codes. */
export async function createEnrolledStaff(role: "agent" | "officer" | "admin", label: string = role): Promise<EnrolledStaff> {
  const secrets = testServerSecrets();
  const email = `${label}-${randomBytes(4).toString("hex")}@staff.example.com`;
  const recoveryCodes = generateRecoveryCodes();
  const staff = await testDb().staffMember.create({
    data: {
      email,
      displayName: `Enrolled ${label}`,
      role,
      status: "active",
      enrolledAt: new Date(),
      passwordHash: await hashPassword(STAFF_PASSWORD),
      totpSecret: encryptField(generateSecret(), parseKeyRing(secrets.DATA_ENCRYPTION_KEYS)),
      recoveryCodes: {
        create: recoveryCodes.map((code) => ({
          codeHash: derivedDigest(secrets.SESSION_SECRET, "recovery-code", normaliseRecoveryCode(code)!),
        })),
      },
    },
    select: { id: true },
  });
  return { id: staff.id, email, recoveryCodes };
}

/** An affected customer who has chosen CUSTOMER_PASSWORD after the incident. */
export async function createCustomerWithPassword(label: string): Promise<{ id: string; email: string }> {
  const email = uniqueAddress(label);
  const passwordHash = await hashPassword(CUSTOMER_PASSWORD);
  const { id } = await createAffectedCustomer(email, [{ group: "members", categories: ["email"] }], { password: { passwordHash } });
  return { id, email };
}

/** The token of a fresh "am I affected?" mailbox link for the customer. */
export async function createCheckLink(customerId: string): Promise<string> {
  const token = newBearerToken();
  await testDb().checkLink.create({
    data: { tokenHash: bearerTokenHash(token), customerId, language: "ja", expiresAt: new Date(Date.now() + 30 * 60_000) },
    select: { id: true },
  });
  return token;
}

/** The token of a visitor's inquiry waiting for its mailbox's confirmation. */
export async function createPendingInquiry(email: string, message: string): Promise<string> {
  const secrets = testServerSecrets();
  const token = newBearerToken();
  const fields = { category: "other", message, language: "ja", contactBy: "email", email };
  await testDb().pendingInquiry.create({
    data: {
      tokenHash: bearerTokenHash(token),
      emailHash: emailLookupHash(email, secrets.LOOKUP_HASH_KEY),
      payload: encryptField(JSON.stringify(fields), parseKeyRing(secrets.DATA_ENCRYPTION_KEYS)),
      language: "ja",
      expiresAt: new Date(Date.now() + 24 * 60 * 60_000),
    },
    select: { id: true },
  });
  return token;
}
