// `npm run db:backup -- <file>`: a consistent copy of the database while the portal runs.
// SQLite: SQLite's online backup (readers and the writer carry on). PostgreSQL: pg_dump in its
// custom format, one snapshot, restored with pg_restore (docs/deployment.md). Needs only
// DATABASE_URL; the copy is as secret as the database, and useless without the same
// DATA_ENCRYPTION_KEYS and LOOKUP_HASH_KEY. Exit codes: 0 written, 1 failed, 2 usage.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { DEFAULT_DATABASE_URL, providerOf } from "~/db/provider";
import { readCommandLine } from "./command-line";

const USAGE = "Usage: npm run db:backup -- <file>";
const target = readCommandLine(USAGE, {}, 1).positionals[0];
if (!target) {
  console.error(USAGE);
  process.exit(2);
}
if (existsSync(target)) {
  console.error(`${target} exists already: a backup never overwrites a file.`);
  process.exit(2);
}

if (existsSync(".env")) process.loadEnvFile(".env");
const databaseUrl = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;

async function backupSqlite(file: string) {
  if (!existsSync(file)) throw new Error(`no database file at ${file}`);
  const source = new Database(file, { readonly: true, fileMustExist: true });
  try {
    await source.backup(target!);
  } finally {
    source.close();
  }
}

const PRISMA_ONLY_PARAMETERS = ["schema", "connection_limit", "pool_timeout", "pgbouncer", "statement_cache_size", "socket_timeout"];

async function backupPostgres(url: string) {
  // The password goes in pg_dump's environment, not its arguments, which `ps` shows to all.
  const connection = new URL(url);
  const password = decodeURIComponent(connection.password);
  connection.password = "";
  // Prisma's own URL parameters mean nothing to libpq, which refuses unknown ones.
  for (const name of PRISMA_ONLY_PARAMETERS) connection.searchParams.delete(name);
  await promisify(execFile)("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", `--file=${target}`, `--dbname=${connection.toString()}`], {
    env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) },
  });
}

try {
  if (providerOf(databaseUrl) === "sqlite") await backupSqlite(databaseUrl.slice("file:".length));
  else await backupPostgres(databaseUrl);
  console.log(`Backup written to ${target}.`);
} catch (error) {
  console.error(`The backup failed: ${(error as Error).message}`);
  process.exitCode = 1;
}
