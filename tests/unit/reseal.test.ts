// The reseal after a key rotation against a real SQLite file made by the app's migrations
// (tests/support/reseal-case.ts, also run on PostgreSQL).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";
import { prisma } from "~/cli/prisma-cli";
import { createDb, type Db } from "~/db/client.server";
import { describeReseal, seedUnderOldKey } from "../support/reseal-case";

const dir = mkdtempSync(join(tmpdir(), "madoguchi-reseal-"));
const url = `file:${join(dir, "reseal.db")}`;
let db: Db | undefined;

beforeAll(async () => {
  await prisma(["migrate", "deploy"], url);
  db = createDb(url);
  await seedUnderOldKey(db);
}, 120_000);

afterAll(async () => {
  await db?.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

describeReseal(() => db!);
