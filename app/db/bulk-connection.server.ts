// A connection of the import's own for its high-volume writes (staged lines, bad lines).
// Prisma's raw queries cost about 55 µs per staged line through the JS engine's query
// compiler, against 8 µs for the same statement on the driver (ADR 009), so these statements
// go straight to better-sqlite3 or pg. They are still built only with Prisma.sql and
// Prisma.join: the SQL text is fixed, every value is a bound parameter.
import Database from "better-sqlite3";
import pg from "pg";
import { providerOf } from "~/db/provider";
import type { Prisma } from "~/generated/sqlite/client";

export interface BulkConnection {
  /** Runs the statements in one short transaction. */
  write(statements: Prisma.Sql[]): Promise<void>;
  close(): Promise<void>;
}

export type BulkValue = string | number | null;

export async function openBulkConnection(databaseUrl: string): Promise<BulkConnection> {
  if (providerOf(databaseUrl) === "sqlite") return openSqlite(databaseUrl.slice("file:".length));
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5_000 });
  await client.connect();
  return {
    async write(statements) {
      await client.query("BEGIN");
      try {
        for (const statement of statements) await client.query(statement.text, statement.values as BulkValue[]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
    },
    close: () => client.end(),
  };
}

function openSqlite(file: string): BulkConnection {
  // The same busy wait as the app's client (app/db/client.server.ts): a competing writer is waited for.
  const db = new Database(file, { timeout: 5_000 });
  // Staged lines need not survive a power cut (the run would be retired and the file
  // imported again), so their many small commits skip the fsync. Only this connection's.
  db.pragma("synchronous = NORMAL");
  // Batches of one size share their SQL text, so they share one prepared statement.
  const prepared = new Map<string, Database.Statement>();
  const statementFor = (sql: string) => {
    let statement = prepared.get(sql);
    if (!statement) {
      if (prepared.size > 16) prepared.clear();
      statement = db.prepare(sql);
      prepared.set(sql, statement);
    }
    return statement;
  };
  const writeAll = db.transaction((statements: Prisma.Sql[]) => {
    for (const statement of statements) statementFor(statement.sql).run(statement.values as BulkValue[]);
  });
  return {
    write: async (statements) => {
      writeAll.immediate(statements);
    },
    close: async () => {
      db.close();
    },
  };
}
