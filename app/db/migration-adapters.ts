// Driver adapters for the Prisma CLI (migrate deploy / diff / dev) on the JavaScript
// schema engine, which needs no downloaded native engine. They work around three known
// defects of that path on Prisma 6.19 (see docs/decisions/002-prisma-without-downloads.md).
// Used only by prisma.config.ts; the app itself uses app/db/client.server.ts.
import { randomBytes } from "node:crypto";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";

/**
 * The wasm schema engine arms 10 s and 60 s timers and never clears them, so a CLI
 * command sits idle for up to a minute after its work is done. Long timers are
 * unref'd so they no longer keep the process alive; short ones are left alone.
 */
export function unrefLongTimers(): void {
  const originalSetTimeout = globalThis.setTimeout;
  const patched = ((handler: TimerHandler, timeout?: number, ...args: unknown[]) => {
    const timer = originalSetTimeout(handler as () => void, timeout, ...args) as unknown as NodeJS.Timeout;
    if ((timeout ?? 0) >= 5_000) timer.unref();
    return timer;
  }) as unknown as typeof setTimeout;
  globalThis.setTimeout = Object.assign(patched, originalSetTimeout);
}

/**
 * The engine sends a whole migration.sql to the shadow database as one argument-less
 * executeRaw, but better-sqlite3 runs one statement per call (P3006 "External error").
 * Such calls are routed to executeScript, which runs a multi-statement script.
 */
function runArgumentlessSqlAsScript(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const executeRaw = adapter.executeRaw.bind(adapter);
  adapter.executeRaw = async (query) => {
    if (query.args.length === 0) {
      await adapter.executeScript(query.sql);
      return 0;
    }
    return executeRaw(query);
  };
  return adapter;
}

export function sqliteMigrationAdapter(url: string): SqlMigrationAwareDriverAdapterFactory {
  const factory = new PrismaBetterSQLite3({ url });
  const connectToShadowDb = factory.connectToShadowDb.bind(factory);
  factory.connectToShadowDb = async () => runArgumentlessSqlAsScript(await connectToShadowDb());
  return factory;
}

// PostgreSQL catalog types the engine reads while introspecting, which adapter-pg
// refuses to decode ("Column type 'name' could not be deserialized"). Their text
// form is what the engine wants, so they are reported to the adapter as text.
const CATALOG_TYPE_OIDS = new Set([
  18, // "char"
  19, // name
  24, // regproc
  194, // pg_node_tree
  2205, // regclass
  2206, // regtype
  1003, // name[] — reported as text[] below
]);
const TEXT_OID = 25;
const TEXT_ARRAY_OID = 1009;

type QueryResultWithFields = { fields?: Array<{ dataTypeID: number }> };
type Queryable = { query: (...args: unknown[]) => unknown };

// Only promise-style calls are rewritten: that is how adapter-pg queries, while pg's
// pool internally calls clients with callbacks, which must pass through untouched.
const patchedClients = new WeakSet<Queryable>();

function reportCatalogTypesAsText(client: Queryable): void {
  if (patchedClients.has(client)) return; // pooled clients come back many times
  patchedClients.add(client);
  const query = client.query.bind(client);
  client.query = (...args: unknown[]) => {
    const result = query(...args);
    if (typeof args.at(-1) === "function") return result;
    return (result as Promise<QueryResultWithFields>).then((value) => {
      for (const field of value?.fields ?? []) {
        if (!CATALOG_TYPE_OIDS.has(field.dataTypeID)) continue;
        field.dataTypeID = field.dataTypeID === 1003 ? TEXT_ARRAY_OID : TEXT_OID;
      }
      return value;
    });
  };
}

function patchedPool(connectionString: string): pg.Pool {
  const pool = new pg.Pool({ connectionString, max: 2 });
  reportCatalogTypesAsText(pool as unknown as Queryable);
  // Clients checked out for transactions get the same treatment; pg.Pool.query
  // checks out clients with a callback, and those are left as they are.
  const connect = pool.connect.bind(pool) as (...args: unknown[]) => unknown;
  (pool as unknown as { connect: unknown }).connect = (...args: unknown[]) => {
    if (typeof args[0] === "function") return connect(...args);
    return (connect() as Promise<pg.PoolClient>).then((client) => {
      reportCatalogTypesAsText(client as unknown as Queryable);
      return client;
    });
  };
  return pool;
}

/**
 * adapter-pg's connectToShadowDb reuses the main connection string, so the shadow
 * database would be the real one. Instead a uniquely named database is created for
 * each shadow connection and dropped when the engine disposes of it.
 */
export function postgresMigrationAdapter(url: string): SqlMigrationAwareDriverAdapterFactory {
  const factory = new PrismaPg(patchedPool(url));
  factory.connectToShadowDb = async () => {
    const name = `prisma_shadow_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    // The name is generated above from hex digits only; identifiers can't be bound.
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const shadowUrl = new URL(url);
    shadowUrl.pathname = `/${name}`;
    const shadowPool = patchedPool(shadowUrl.toString());
    const adapter = await new PrismaPg(shadowPool).connect();
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      await shadowPool.end(); // an external pool isn't ended by the adapter
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await cleanup.end();
    };
    return adapter;
  };
  return factory;
}
