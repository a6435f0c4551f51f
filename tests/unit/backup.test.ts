// `npm run db:backup` on a real SQLite file in WAL mode, with a client holding it open and the
// latest writes still only in the -wal file (where copying the file alone would lose them):
// the backup holds every entry and its audit chain verifies. The PostgreSQL path is tested by
// the PostgreSQL suite, which restores such a backup and runs the browser suite on it.
import { randomBytes } from "node:crypto";
import { existsSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { operatorCommand } from "../support/operator-command";
import { scratchSqliteDatabase } from "../support/scratch-sqlite";

const { dir, file: live } = scratchSqliteDatabase("live");
const ENTRIES = 5;

// appendAudit reads the app's configuration, so it must be complete before app code runs.
process.env.DATABASE_URL = `file:${live}`;
process.env.SESSION_SECRET = randomBytes(32).toString("base64url");
process.env.LOOKUP_HASH_KEY = randomBytes(32).toString("base64url");
process.env.DATA_ENCRYPTION_KEYS = `k1:${randomBytes(32).toString("base64")}`;

const { createDb } = await import("~/db/client.server");
const { appendAudit } = await import("~/models/audit.server");
const { auditChainBatches } = await import("~/models/audit-log.server");
const { verifyChain } = await import("~/domain/audit/verify");

function backup(databaseFile: string, target: string) {
  return operatorCommand("app/cli/backup.ts", [target], databaseFile);
}

const db = createDb(`file:${live}`);

beforeAll(async () => {
  await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  // No checkpoint at the end: the entries stay in live.db-wal while this client is open.
  await db.$queryRawUnsafe("PRAGMA wal_autocheckpoint = 0");
  for (let i = 1; i <= ENTRIES; i++) {
    await db.$transaction((tx) => appendAudit(tx, { actor: null, action: "staff.sign-in", clientHash: "c1", result: "ok", details: { n: i } }));
  }
}, 120_000);

afterAll(async () => {
  await db.$disconnect();
});

describe("npm run db:backup (SQLite)", { timeout: 60_000 }, () => {
  it("copies a database in use, writes still in its WAL included, and the copy verifies", async () => {
    expect(statSync(`${live}-wal`).size).toBeGreaterThan(0);
    const target = join(dir, "copy.db");
    expect(await backup(live, target)).toEqual({ code: 0, output: `Backup written to ${target}.` });

    const copy = createDb(`file:${target}`);
    try {
      expect(await verifyChain(auditChainBatches(100, copy))).toEqual({ intact: true, entries: ENTRIES });
    } finally {
      await copy.$disconnect();
    }
  });

  it("never overwrites a file", async () => {
    const target = join(dir, "taken.db");
    writeFileSync(target, "earlier backup");
    expect(await backup(live, target)).toEqual({ code: 2, output: `${target} exists already: a backup never overwrites a file.` });
  });

  it("refuses a database file that doesn't exist, and writes nothing", async () => {
    const target = join(dir, "never.db");
    expect(await backup(join(dir, "missing.db"), target)).toEqual({
      code: 1,
      output: `The backup failed: no database file at ${join(dir, "missing.db")}`,
    });
    expect(existsSync(target)).toBe(false);
  });
});
