// A migrated throwaway database of a PostgreSQL test's own, on the server tests/postgres/run.ts
// uses: a copy of the template the global setup migrated (tests/postgres/template-database.ts),
// filled by `seed` before the tests and dropped after them. The SQLite twin is
// tests/support/scratch-sqlite.ts.
import pg from "pg";
import { afterAll, beforeAll, inject } from "vitest";
import { createDb, type Db } from "~/db/client.server";
import { adminUrl, databaseUrl } from "./template-database";

declare module "vitest" {
  export interface ProvidedContext {
    /** The name of the migrated template database. */
    postgresTemplate: string;
  }
}

/** Registers the hooks; the returned function gives the client once beforeAll has run. */
export function useScratchDatabase(label: string, seed: (db: Db) => Promise<unknown>): () => Db {
  // A generated name (a fixed label and digits), not input: identifiers can't be bound parameters.
  const name = `madoguchi_${label}_${Date.now()}_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl(), connectionTimeoutMillis: 5_000 });
  let db: Db | undefined;

  beforeAll(async () => {
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${inject("postgresTemplate")}"`);
    db = createDb(databaseUrl(name));
    await seed(db);
  }, 180_000);

  afterAll(async () => {
    await db?.$disconnect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  });

  return () => db!;
}
