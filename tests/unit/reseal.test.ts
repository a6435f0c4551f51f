// The reseal after a key rotation against a real SQLite file made by the app's migrations
// (tests/support/reseal-case.ts, also run on PostgreSQL).
import { afterAll, beforeAll } from "vitest";
import { createDb, type Db } from "~/db/client.server";
import { describeReseal, seedUnderOldKey } from "../support/reseal-case";
import { scratchSqliteDatabase } from "../support/scratch-sqlite";

const { url } = scratchSqliteDatabase("reseal");
let db: Db | undefined;

beforeAll(async () => {
  db = createDb(url);
  await seedUnderOldKey(db);
}, 120_000);

afterAll(async () => {
  await db?.$disconnect();
});

describeReseal(() => db!);
