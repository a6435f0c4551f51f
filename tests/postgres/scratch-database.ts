// A migrated throwaway database of a PostgreSQL test's own, on the server tests/postgres/run.ts
// uses, filled by `seed` before the tests and dropped after them.
import pg from "pg";
import { afterAll, beforeAll } from "vitest";
import { prisma } from "~/cli/prisma-cli";
import { createDb, type Db } from "~/db/client.server";

/** Registers the hooks; the returned function gives the client once beforeAll has run. */
export function useScratchDatabase(label: string, seed: (db: Db) => Promise<unknown>): () => Db {
  const adminUrl = process.env.PG_ADMIN_URL ?? "postgresql://root@127.0.0.1:5432/postgres";
  // A generated name (a fixed label and digits), not input: identifiers can't be bound parameters.
  const name = `madoguchi_${label}_${Date.now()}_${process.pid}`;
  const databaseUrl = Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString();
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5_000 });
  let db: Db | undefined;

  beforeAll(async () => {
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await prisma(["migrate", "deploy"], databaseUrl);
    db = createDb(databaseUrl);
    await seed(db);
  }, 180_000);

  afterAll(async () => {
    await db?.$disconnect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  });

  return () => db!;
}
