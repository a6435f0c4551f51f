// The database client. Both providers' clients are generated from the same models
// (ADR 003), so one build serves SQLite and PostgreSQL; DATABASE_URL picks at start.
import { PrismaPg } from "@prisma/adapter-pg";
import { getConfig } from "~/config.server";
import { PrismaClient as PostgresClient } from "~/generated/postgresql/client";
import { PrismaClient as SqliteClient } from "~/generated/sqlite/client";
import { singleton } from "~/utils/singleton.server";
import { providerOf } from "./provider";
import { LOCK_WAIT_MS, sqliteAdapter } from "./sqlite-connections.server";

/** The generated clients differ only in provider-specific extras; code is written against the SQLite one's types. */
export type Db = InstanceType<typeof SqliteClient>;

export function createDb(databaseUrl: string): Db {
  if (providerOf(databaseUrl) === "sqlite") {
    // A transaction waits for the one before it as long as a write waits for the lock (ADR 024).
    return new SqliteClient({ adapter: sqliteAdapter(databaseUrl), transactionOptions: { maxWait: LOCK_WAIT_MS } });
  }
  const adapter = new PrismaPg({ connectionString: databaseUrl, connectionTimeoutMillis: 5_000 });
  return new PostgresClient({ adapter }) as unknown as Db;
}

/** The app's one client, created on first use. */
export function getDb(): Db {
  return singleton("db", () => createDb(getConfig().DATABASE_URL));
}
