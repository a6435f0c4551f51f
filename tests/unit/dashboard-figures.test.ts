// The dashboard's figures against a real SQLite file migrated like a deployment's, seeded
// with known counts (tests/support/dashboard-figures-case.ts, which the PostgreSQL suite
// runs too). Nothing here reads the app's configuration, so none is set.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";
import { prisma } from "~/cli/prisma-cli";
import { createDb, type Db } from "~/db/client.server";
import { describeKnownFigures, seedKnownFigures } from "../support/dashboard-figures-case";

const dir = mkdtempSync(join(tmpdir(), "madoguchi-dashboard-figures-"));
const databaseUrl = `file:${join(dir, "figures.db")}`;
let db: Db;

beforeAll(async () => {
  await prisma(["migrate", "deploy"], databaseUrl);
  db = createDb(databaseUrl);
  await seedKnownFigures(db);
}, 120_000);

afterAll(async () => {
  await db?.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

describeKnownFigures(() => db);
