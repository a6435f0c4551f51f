// A change and its audit entry commit together or not at all, on a real SQLite file. The
// database itself refuses audit entries (a trigger) while a case runs, as a full disk or a
// broken chain would: the change must not be left behind without its entry, and a view of
// personal data must fail rather than be shown off the record.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/cli/prisma-cli";
import { getDb } from "~/db/client.server";
import { inTransaction } from "~/db/transaction.server";
import { LIMITS } from "~/domain/staff/throttle-policy";
import { createImportRun } from "~/models/import/runs.server";
import { viewCustomerExposure } from "~/models/inquiries/staff-inquiry.server";
import { countAttempt, throttleKeys, throttleState } from "~/models/sign-in-throttle.server";
import { endStaffSession, getStaffSession, startStaffSession } from "~/models/staff-session.server";
import { recordFailedSignIn } from "~/models/staff.server";

const dir = mkdtempSync(join(tmpdir(), "madoguchi-audit-tx-"));
Object.assign(process.env, {
  DATABASE_URL: `file:${join(dir, "audit-tx.db")}`,
  SESSION_SECRET: randomBytes(32).toString("base64url"),
  LOOKUP_HASH_KEY: randomBytes(32).toString("base64url"),
  DATA_ENCRYPTION_KEYS: `t:${randomBytes(32).toString("base64")}`,
});

beforeAll(() => prisma(["migrate", "deploy"], process.env.DATABASE_URL!), 60_000);
afterEach(() => getDb().$executeRawUnsafe(`DROP TRIGGER IF EXISTS "refuse_audit"`));
afterAll(async () => {
  await getDb().$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

async function refuseAuditEntries() {
  await getDb().$executeRawUnsafe(`CREATE TRIGGER "refuse_audit" BEFORE INSERT ON "AuditEntry" BEGIN SELECT RAISE(ABORT, 'audit refused'); END`);
}

// The driver reports the trigger's abort as a constraint failure of the audit entry's insert.
const AUDIT_REFUSED = /auditEntry\.create/;

const auditEntries = (action: string) => getDb().auditEntry.count({ where: { action } });

async function signedInStaff() {
  const staff = await getDb().staffMember.create({
    data: { email: `${randomBytes(6).toString("hex")}@example.test`, displayName: "Officer", role: "admin", status: "active" },
    select: { id: true, email: true },
  });
  const setCookie = await inTransaction(getDb(), (tx) => startStaffSession(tx, staff.id, "client"));
  // Each lookup gets a request of its own: the session is looked up once per request.
  const request = () => new Request("http://localhost/staff/logout", { method: "POST", headers: { Cookie: setCookie.split(";")[0]! } });
  return { staff, request };
}

const upload = (startedById: string) => ({ source: "upload" as const, fileName: "people.csv", bytesTotal: 10, startedById });

describe("a change and its audit entry", () => {
  it("sign-out: the session stays live when its entry can't be written", async () => {
    const { request } = await signedInStaff();
    await refuseAuditEntries();
    await expect(endStaffSession(request(), "client")).rejects.toThrow(AUDIT_REFUSED);
    expect(await getStaffSession(request())).not.toBeNull();
  });

  it("sign-out: the session ends with its entry when it can", async () => {
    const { request } = await signedInStaff();
    const before = await auditEntries("staff.sign-out");
    await endStaffSession(request(), "client");
    expect(await getStaffSession(request())).toBeNull();
    expect(await auditEntries("staff.sign-out")).toBe(before + 1);
  });

  it("upload: no import run starts without its entry", async () => {
    const { staff } = await signedInStaff();
    await refuseAuditEntries();
    const started = { actor: staff, action: "import.upload" as const, clientHash: "client", result: "ok" as const };
    await expect(createImportRun(upload(staff.id), started)).rejects.toThrow(AUDIT_REFUSED);
    expect(await getDb().importRun.count()).toBe(0);
  });

  it("failed sign-in: no lock is set without the failure on record", async () => {
    const keys = throttleKeys(randomBytes(8).toString("hex"), randomBytes(8).toString("hex"), null);
    for (let n = 0; n < LIMITS.pair.lockAfter; n++) expect(await countAttempt(keys)).toBeNull();
    await refuseAuditEntries();
    await expect(recordFailedSignIn(keys, { clientHash: "client", details: { reason: "password" } })).rejects.toThrow(AUDIT_REFUSED);
    expect((await throttleState(keys)).lockedUntil).toBeNull();
  });

  it("a staff view of personal data fails closed when it can't be recorded", async () => {
    const { staff } = await signedInStaff();
    await refuseAuditEntries();
    const actor = { id: staff.id, email: staff.email, clientHash: "client" };
    await expect(viewCustomerExposure("some-customer", "IQ-TEST", actor, "ja")).rejects.toThrow(AUDIT_REFUSED);
  });

  it("a model function handed a transaction joins it: the caller's rollback undoes both", async () => {
    const { staff } = await signedInStaff();
    const entries = await auditEntries("import.upload");
    const started = { actor: staff, action: "import.upload" as const, clientHash: "client", result: "ok" as const };
    await expect(
      inTransaction(getDb(), async (tx) => {
        await createImportRun(upload(staff.id), started, tx);
        throw new Error("the caller changed its mind");
      }),
    ).rejects.toThrow(/changed its mind/);
    expect(await getDb().importRun.count()).toBe(0);
    expect(await auditEntries("import.upload")).toBe(entries);
  });
});
