// `npm run audit:verify`: recomputes the audit log's hash chain from the first entry to the
// last and reports the first broken link. Needs only DATABASE_URL, so it can run on a copy
// of the database without the app's secrets. Exit codes: 0 intact, 1 broken, 2 unreadable.
import { existsSync } from "node:fs";
import { createDb, type Db } from "~/db/client.server";
import { DEFAULT_DATABASE_URL, providerOf } from "~/db/provider";
import { describeBreak, verifyChain } from "~/domain/audit/verify";
import { auditChainBatches } from "~/models/audit-log.server";
import { readCommandLine } from "./command-line";

// Large enough to keep round trips few, small enough that memory stays flat on any log.
const BATCH_SIZE = 5_000;

// The environment wins over .env (loadEnvFile doesn't overwrite variables already set).
readCommandLine("Usage: npm run audit:verify\nChecks the audit log's hash chain. Exit codes: 0 intact, 1 broken, 2 unreadable.", {}, 0);
if (existsSync(".env")) process.loadEnvFile(".env");
const databaseUrl = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;

let db: Db | undefined;
try {
  // SQLite would quietly create an empty file for a mistyped path, and call it intact.
  if (providerOf(databaseUrl) === "sqlite" && !existsSync(databaseUrl.slice("file:".length))) {
    throw new Error(`no database file at ${databaseUrl}`);
  }
  db = createDb(databaseUrl);
  const verdict = await verifyChain(auditChainBatches(BATCH_SIZE, db));
  if (verdict.intact) {
    console.log(`audit log intact: ${verdict.entries} entries`);
  } else {
    console.error(`audit log broken at entry #${verdict.broken.sequence}: ${describeBreak(verdict.broken)}`);
    process.exitCode = 1;
  }
} catch (error) {
  console.error(`audit log could not be read: ${(error as Error).message}`);
  process.exitCode = 2;
} finally {
  await db?.$disconnect();
}
