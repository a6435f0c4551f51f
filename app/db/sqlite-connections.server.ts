// How the app talks to a SQLite file (ADR 024). Prisma's better-sqlite3 adapter gives a client
// one connection, and two things follow from that which this module puts right:
// - better-sqlite3 is synchronous, so its busy timeout waits for another process's write
//   lock by sleeping on the event loop: every request of the process, reads included, stood
//   still for as long as one write waited. Here the connections never wait inside SQLite
//   (busy timeout 0); a statement that finds the lock taken is tried again after a timer, so
//   other requests go on meanwhile, until LOCK_WAIT_MS have passed, when it fails as busy
//   (a 503, app/db/unavailable.ts).
// - An interactive transaction ran on the client's only connection, so any other request's
//   queries issued while it was open ran inside it: they saw its uncommitted rows, and their
//   writes vanished when it rolled back. Transactions get a connection of their own here, one
//   at a time; everything else runs on the other and, with the file in WAL mode (app/cli/setup.ts),
//   reads the last committed state while a transaction is open, and waits for its write lock
//   like any other writer.
// Transactions begin IMMEDIATE: they take the write lock first, so a transaction that has read
// can't find the lock taken when it comes to write (SQLite would not wait then, only fail).
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

type SqlDriverAdapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;
type Transaction = Awaited<ReturnType<SqlDriverAdapter["startTransaction"]>>;
type IsolationLevel = Parameters<SqlDriverAdapter["startTransaction"]>[0];
type SqlQuery = Parameters<SqlDriverAdapter["queryRaw"]>[0];

/** How long a statement or a transaction waits for a write lock held elsewhere. */
export const LOCK_WAIT_MS = 5_000;
// Short at first (most locks are let go within milliseconds), never longer than this.
const MAX_RETRY_DELAY_MS = 50;

function isBusy(error: unknown): boolean {
  // The adapter reports SQLITE_BUSY as a DriverAdapterError whose cause keeps SQLite's code,
  // and passes on the extended codes (SQLITE_BUSY_RECOVERY, …) as better-sqlite3 threw them.
  const { code, cause } = (error ?? {}) as { code?: unknown; cause?: { originalCode?: unknown } };
  const sqliteCode = cause?.originalCode ?? code;
  return typeof sqliteCode === "string" && sqliteCode.startsWith("SQLITE_BUSY");
}

/**
 * Runs `attempt` until it doesn't find the database busy, or LOCK_WAIT_MS have passed. Safe to
 * repeat: a statement that found the lock taken has changed nothing.
 */
async function whenNotBusy<T>(attempt: () => Promise<T>, deadline = Date.now() + LOCK_WAIT_MS): Promise<T> {
  for (let delay = 1; ; delay = Math.min(delay * 2, MAX_RETRY_DELAY_MS)) {
    try {
      return await attempt();
    } catch (error) {
      if (!isBusy(error) || Date.now() + delay > deadline) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}

const ENDS_TRANSACTION = /^\s*(commit|rollback)\b/i;
const isPragma = (query: SqlQuery) => /^\s*pragma\b/i.test(query.sql);

class SqliteConnections implements SqlDriverAdapter {
  readonly provider = "sqlite" as const;
  readonly adapterName: string;
  /** Settled when the transaction in progress (if any) has ended. */
  private transactionEnded: Promise<void> = Promise.resolve();

  constructor(
    private readonly queries: SqlDriverAdapter,
    private readonly transactions: SqlDriverAdapter,
  ) {
    this.adapterName = queries.adapterName;
  }

  // A PRAGMA sets the client, not one of its connections (the import's merge sets its page
  // cache and foreign-key checks outside the transaction it sets them for); on the transactions'
  // connection it waits for the one in progress, so that it never runs inside it.
  async queryRaw(query: SqlQuery) {
    if (isPragma(query)) await this.betweenTransactions(() => whenNotBusy(() => this.transactions.queryRaw(query)));
    return whenNotBusy(() => this.queries.queryRaw(query));
  }

  async executeRaw(query: SqlQuery) {
    if (isPragma(query)) await this.betweenTransactions(() => whenNotBusy(() => this.transactions.executeRaw(query)));
    return whenNotBusy(() => this.queries.executeRaw(query));
  }

  executeScript(script: string) {
    return whenNotBusy(() => this.queries.executeScript(script));
  }

  async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    // SQLite's transactions are serializable; no other level can be had.
    if (isolationLevel && isolationLevel !== "SERIALIZABLE") throw new Error(`SQLite has no isolation level ${isolationLevel}`);
    const deadline = Date.now() + LOCK_WAIT_MS;
    // Prisma's maxWait (LOCK_WAIT_MS too, app/db/client.server.ts) bounds the wait for the
    // transactions before this one; past it, Prisma ends this one as soon as it has begun.
    const end = await this.takeTransactionsConnection();
    const connection = this.transactions;
    try {
      await whenNotBusy(() => connection.executeRaw({ sql: "BEGIN IMMEDIATE", args: [], argTypes: [] }), deadline);
    } catch (error) {
      end();
      throw error;
    }
    // Prisma sends COMMIT or ROLLBACK through executeRaw, then calls commit() or rollback().
    return {
      provider: this.provider,
      adapterName: this.adapterName,
      options: { usePhantomQuery: false },
      queryRaw: (query) => whenNotBusy(() => connection.queryRaw(query)),
      executeRaw: async (query) => {
        try {
          return await whenNotBusy(() => connection.executeRaw(query));
        } catch (error) {
          // Prisma calls commit() or rollback() only after its COMMIT or ROLLBACK went through:
          // one that failed (a full disk) would keep this connection, and every later
          // transaction, waiting for ever.
          if (ENDS_TRANSACTION.test(query.sql)) {
            await connection.executeRaw({ sql: "ROLLBACK", args: [], argTypes: [] }).catch(() => undefined);
            end();
          }
          throw error;
        }
      },
      commit: async () => end(),
      rollback: async () => end(),
    };
  }

  /** Waits for the transaction in progress (if any) to end; returns what lets the next one go. */
  private async takeTransactionsConnection(): Promise<() => void> {
    const previous = this.transactionEnded;
    let end!: () => void;
    this.transactionEnded = new Promise((resolve) => (end = resolve));
    await previous;
    return end;
  }

  private async betweenTransactions<T>(work: () => Promise<T>): Promise<T> {
    const end = await this.takeTransactionsConnection();
    try {
      return await work();
    } finally {
      end();
    }
  }

  async dispose() {
    await Promise.all([this.queries.dispose(), this.transactions.dispose()]);
  }
}

/** The driver adapter for a SQLite file: one connection for transactions, one for everything else. */
export function sqliteAdapter(databaseUrl: string): Pick<PrismaBetterSQLite3, "provider" | "adapterName" | "connect"> {
  // Never wait inside SQLite: that would stop the whole process (see above).
  const factory = new PrismaBetterSQLite3({ url: databaseUrl, timeout: 0 });
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    async connect(): Promise<SqlDriverAdapter> {
      const [queries, transactions] = await Promise.all([factory.connect(), factory.connect()]);
      return new SqliteConnections(queries, transactions);
    },
  };
}
