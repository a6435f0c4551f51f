// The reseal after a key rotation on PostgreSQL: the same seeded data and the same checks as
// the SQLite test (tests/support/reseal-case.ts), in a throwaway database of its own on the
// server tests/postgres/run.ts uses.
import pg from "pg";
import { afterAll, beforeAll } from "vitest";
import { prisma } from "~/cli/prisma-cli";
import { createDb, type Db } from "~/db/client.server";
import { describeReseal, seedUnderOldKey } from "../support/reseal-case";

const adminUrl = process.env.PG_ADMIN_URL ?? "postgresql://root@127.0.0.1:5432/postgres";
// A generated name (digits only), not input: identifiers can't be bound parameters.
const name = `madoguchi_reseal_${Date.now()}_${process.pid}`;
const databaseUrl = Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString();
const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5_000 });
let db: Db | undefined;

beforeAll(async () => {
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await prisma(["migrate", "deploy"], databaseUrl);
  db = createDb(databaseUrl);
  await seedUnderOldKey(db);
}, 180_000);

afterAll(async () => {
  await db?.$disconnect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
});

describeReseal(() => db!);
