// Signs a staff member into a browser context without the sign-in page (which has its own
// tests): an active account and a session row written to the test server's database,
// and the session cookie signed with the test server's secret.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { createCookie } from "@remix-run/node";
import type { BrowserContext } from "@playwright/test";
import { createDb, type Db } from "../../app/db/client.server";
import type { Role } from "../../app/domain/staff/permissions";
import { ABSOLUTE_TIMEOUT_MS } from "../../app/models/staff-session.server";
import { bearerTokenHash } from "../../app/utils/bearer-token.server";
import { PORT } from "../../playwright.config";
import { secretsFileFor } from "./secrets-file";

interface TestServerSecrets {
  SESSION_SECRET: string;
  LOOKUP_HASH_KEY: string;
  DATA_ENCRYPTION_KEYS: string;
  METRICS_TOKEN: string;
  DATABASE_URL: string;
}

let db: Db | undefined;
export function testServerSecrets(): TestServerSecrets {
  return JSON.parse(readFileSync(secretsFileFor(PORT), "utf8")) as TestServerSecrets;
}
export function testDb(): Db {
  db ??= createDb(testServerSecrets().DATABASE_URL);
  return db;
}

/** A running test server: the shared one (default) or a test's own (tests/support/own-server.ts). */
export interface TestTarget {
  db: Db;
  url: string;
  sessionSecret: string;
}

export function sharedServer(): TestTarget {
  return { db: testDb(), url: `http://127.0.0.1:${PORT}`, sessionSecret: testServerSecrets().SESSION_SECRET };
}

export interface TestStaff {
  id: string;
  email: string;
  displayName: string;
  role: Role;
}

export async function createActiveStaff(role: Role, name = `Test ${role}`, db = testDb()): Promise<TestStaff> {
  const email = `${role}-${randomBytes(4).toString("hex")}@staff.example.com`;
  const staff = await db.staffMember.create({
    data: { email, displayName: name, role, status: "active", enrolledAt: new Date() },
    select: { id: true },
  });
  return { id: staff.id, email, displayName: name, role };
}

/** Returns the staff member signed in to `context`. */
export async function signInAs(context: BrowserContext, role: Role, name?: string, target: TestTarget = sharedServer()): Promise<TestStaff> {
  const staff = await createActiveStaff(role, name, target.db);
  const id = randomBytes(32).toString("base64url");
  await target.db.staffSession.create({
    data: { idHash: bearerTokenHash(id), staffId: staff.id, clientHash: "e2e", expiresAt: new Date(Date.now() + ABSOLUTE_TIMEOUT_MS) },
  });
  const cookie = createCookie("staff_session", { secrets: [target.sessionSecret] });
  const header = await cookie.serialize(id);
  const value = header.slice(header.indexOf("=") + 1, header.indexOf(";"));
  await context.addCookies([{ name: "staff_session", value, url: target.url, httpOnly: true, sameSite: "Lax" }]);
  return staff;
}
