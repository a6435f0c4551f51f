// Affected customers written straight into a test server's database, sealed with that
// server's keys as the import would, for tests that need exposures of a known shape.
import { randomBytes } from "node:crypto";
import { createCookie } from "@remix-run/node";
import type { BrowserContext } from "@playwright/test";
import type { Db } from "../../app/db/client.server";
import { CUSTOMER_ABSOLUTE_TIMEOUT_MS } from "../../app/models/customer-session.server";
import { bearerTokenHash } from "../../app/utils/bearer-token.server";
import { emailLookupHash, encryptField, parseKeyRing } from "../../app/utils/personal-data.server";
import { sharedServer, testDb, testServerSecrets, type TestTarget } from "./staff";

export interface TestExposure {
  group: string;
  categories: string[];
  periodFrom?: string;
  periodUntil?: string;
}

export function uniqueAddress(label: string): string {
  return `${label}-${randomBytes(5).toString("hex")}@example.org`;
}

/** Password columns as the import (legacy) or a password change (passwordHash) leave them. */
export interface TestPasswordState {
  legacyPasswordHash?: string;
  legacyHashAlgorithm?: string;
  legacyHashParameters?: string;
  legacyHashWrapped?: string;
  passwordHash?: string;
}

export async function createAffectedCustomer(
  email: string,
  exposures: TestExposure[],
  {
    db = testDb(),
    secrets = testServerSecrets(),
    password = {},
  }: { db?: Db; secrets?: { LOOKUP_HASH_KEY: string; DATA_ENCRYPTION_KEYS: string }; password?: TestPasswordState } = {},
): Promise<{ id: string }> {
  const ring = parseKeyRing(secrets.DATA_ENCRYPTION_KEYS);
  const groups = await db.affectedGroup.findMany({ select: { id: true, key: true } });
  const categories = await db.dataCategory.findMany({ select: { id: true, key: true } });
  const groupId = (key: string) => groups.find((group) => group.key === key)!.id;
  const categoryId = (key: string) => categories.find((category) => category.key === key)!.id;
  return db.customer.create({
    data: {
      externalId: `test-${randomBytes(6).toString("hex")}`,
      emailHash: emailLookupHash(email, secrets.LOOKUP_HASH_KEY),
      emailCiphertext: encryptField(email, ring),
      ...password,
      exposures: {
        create: exposures.map((exposure) => ({
          groupId: groupId(exposure.group),
          periodFrom: exposure.periodFrom ?? null,
          periodUntil: exposure.periodUntil ?? null,
          categories: { create: exposure.categories.map((key) => ({ categoryId: categoryId(key) })) },
        })),
      },
    },
    select: { id: true },
  });
}

/** A verified customer session in `context`, as opening a mailbox link would start (that has its own tests). */
export async function verifyCustomer(
  context: BrowserContext,
  customerId: string,
  target: TestTarget = sharedServer(),
  verifiedBy: "mail-link" | "password" = "mail-link",
): Promise<void> {
  const id = randomBytes(32).toString("base64url");
  await target.db.customerSession.create({
    data: { idHash: bearerTokenHash(id), customerId, clientHash: "e2e", verifiedBy, expiresAt: new Date(Date.now() + CUSTOMER_ABSOLUTE_TIMEOUT_MS) },
  });
  const header = await createCookie("customer_session", { secrets: [target.sessionSecret] }).serialize(id);
  const value = header.slice(header.indexOf("=") + 1, header.indexOf(";"));
  await context.addCookies([{ name: "customer_session", value, url: target.url, httpOnly: true, sameSite: "Lax" }]);
}
