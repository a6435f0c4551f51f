// Transactions that compose. A model function takes the handle it runs on as its last
// parameter, `db: DbHandle = getDb()` (ADR 027): the app's client by default, a command's own
// client, or a caller's transaction. What must be atomic runs in `inTransaction(db, …)`, which
// opens a transaction on a client and joins the caller's when handed one, so a change and its
// audit entry (or its mail) commit together however the functions are combined.
import type { Db } from "./client.server";

/** The client inside an interactive transaction. */
export type Tx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

/** What a model function runs its queries on: a client, or a transaction already open. */
export type DbHandle = Db | Tx;

export interface TransactionOptions {
  /** Milliseconds the transaction may run (Prisma's default is 5 s; PostgreSQL enforces it). */
  timeout?: number;
  /** Milliseconds to wait for a connection to start it. */
  maxWait?: number;
}

function isClient(db: DbHandle): db is Db {
  // Prisma leaves $transaction off a transaction's client: transactions don't nest.
  return "$transaction" in db && typeof db.$transaction === "function";
}

/**
 * Runs `work` in a transaction: a new one on a client, or the caller's when `db` is one (the
 * caller's options then hold, and its commit is the one that counts).
 */
export async function inTransaction<T>(db: DbHandle, work: (tx: Tx) => Promise<T>, options?: TransactionOptions): Promise<T> {
  return isClient(db) ? db.$transaction(work, options) : work(db);
}
