// `npm run audit:verify` against real SQLite files: an intact log passes, and an altered or a
// removed entry is reported by its sequence number with exit code 1.
import { randomBytes } from "node:crypto";
import { copyFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { operatorCommand } from "../support/operator-command";
import { scratchSqliteDatabase } from "../support/scratch-sqlite";

const { dir, file: original } = scratchSqliteDatabase("original");
const ENTRIES = 7;

// appendAudit reads the app's configuration, so it must be complete before app code runs.
process.env.DATABASE_URL = `file:${original}`;
process.env.SESSION_SECRET = randomBytes(32).toString("base64url");
process.env.LOOKUP_HASH_KEY = randomBytes(32).toString("base64url");
process.env.DATA_ENCRYPTION_KEYS = `k1:${randomBytes(32).toString("base64")}`;

const { createDb } = await import("~/db/client.server");
const { appendAudit } = await import("~/models/audit.server");
const { auditChainBatches } = await import("~/models/audit-log.server");
const { verifyChain } = await import("~/domain/audit/verify");

function auditVerify(file: string) {
  return operatorCommand("app/cli/audit-verify.ts", [], file);
}

/** A copy of the intact log to damage, and a client on it. */
function copyOfLog(name: string) {
  const file = join(dir, name);
  copyFileSync(original, file);
  return { file, db: createDb(`file:${file}`) };
}

beforeAll(async () => {
  const db = createDb(`file:${original}`);
  const actor = { id: "staff-1", email: "officer@example.com" };
  for (let i = 1; i <= ENTRIES; i++) {
    await db.$transaction((tx) =>
      appendAudit(tx, {
        actor: i % 3 === 0 ? null : actor,
        action: i % 2 ? "staff.sign-in" : "audit.view",
        target: i === 4 ? { type: "route", id: "/staff/audit" } : undefined,
        clientHash: "c1",
        result: i === 5 ? "denied" : "ok",
        details: { filters: { action: "audit.view" }, page: i },
      }),
    );
  }
  await db.$disconnect();
}, 120_000);

describe("npm run audit:verify", { timeout: 60_000 }, () => {
  it("reports an intact log and exits 0", async () => {
    expect(await auditVerify(original)).toEqual({ code: 0, output: `audit log intact: ${ENTRIES} entries` });
  });

  it("carries the chain across batches", async () => {
    const db = createDb(`file:${original}`);
    try {
      expect(await verifyChain(auditChainBatches(3, db))).toEqual({ intact: true, entries: ENTRIES });
    } finally {
      await db.$disconnect();
    }
  });

  it("calls an empty log intact", async () => {
    const { file, db } = copyOfLog("empty.db");
    await db.$executeRaw`DELETE FROM AuditEntry`;
    await db.$disconnect();
    expect(await auditVerify(file)).toEqual({ code: 0, output: "audit log intact: 0 entries" });
  });

  it("names an altered entry and exits 1", async () => {
    const { file, db } = copyOfLog("altered.db");
    await db.$executeRaw`UPDATE AuditEntry SET result = 'ok' WHERE sequence = 5`;
    await db.$disconnect();
    expect(await auditVerify(file)).toEqual({
      code: 1,
      output: "audit log broken at entry #5: its contents no longer match its hash (the entry was altered)",
    });
  });

  it("names the entry after a removed one and exits 1", async () => {
    const { file, db } = copyOfLog("removed.db");
    await db.$executeRaw`DELETE FROM AuditEntry WHERE sequence = 4`;
    await db.$disconnect();
    expect(await auditVerify(file)).toEqual({
      code: 1,
      output: "audit log broken at entry #5: entry #4 is missing before it",
    });
  });

  it("refuses a database file that doesn't exist instead of creating one", async () => {
    expect(await auditVerify(join(dir, "missing.db"))).toEqual({
      code: 2,
      output: `audit log could not be read: no database file at file:${join(dir, "missing.db")}`,
    });
  });
});
