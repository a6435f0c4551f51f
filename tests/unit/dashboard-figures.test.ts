// The dashboard's figures against a real SQLite file migrated like a deployment's, seeded
// with known counts (tests/support/dashboard-figures-case.ts, which the PostgreSQL suite
// runs too). Nothing here reads the app's configuration, so none is set.
import { afterAll, beforeAll } from "vitest";
import { createDb, type Db } from "~/db/client.server";
import { describeKnownFigures, seedKnownFigures } from "../support/dashboard-figures-case";
import { scratchSqliteDatabase } from "../support/scratch-sqlite";

const { url: databaseUrl } = scratchSqliteDatabase("figures");
let db: Db;

beforeAll(async () => {
  db = createDb(databaseUrl);
  await seedKnownFigures(db);
}, 120_000);

afterAll(async () => {
  await db?.$disconnect();
});

describeKnownFigures(() => db);
