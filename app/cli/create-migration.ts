// Creates a migration for both providers from prisma/models.prisma, without a TTY
// (`prisma migrate dev` needs one): apply the existing migrations to a scratch
// database, diff them against the models, and write the difference as a new
// timestamped migration. Usage: npm run db:migration -- add-something
//
// PostgreSQL scratch databases are created on PG_ADMIN_URL (default: the local
// server these machines run) and dropped afterwards.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { DatabaseProvider } from "~/db/provider";
import { readCommandLine } from "./command-line";
import { migrationDrift } from "./migration-drift";
import { prisma } from "./prisma-cli";

const USAGE = "Usage: npm run db:migration -- <name in kebab-case>";
const name = readCommandLine(USAGE, {}, 1).positionals[0] ?? "";
if (!/^[a-z0-9-]+$/.test(name)) {
  console.error(USAGE);
  process.exit(2);
}
const adminUrl = process.env.PG_ADMIN_URL ?? "postgresql://root@127.0.0.1:5432/postgres";

async function withScratchDatabase<T>(provider: DatabaseProvider, work: (url: string) => Promise<T>): Promise<T> {
  if (provider === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "madoguchi-migration-"));
    try {
      return await work(`file:${join(dir, "scratch.db")}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const database = `madoguchi_migration_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${database}"`); // generated name, no input
  try {
    const url = new URL(adminUrl);
    url.pathname = `/${database}`;
    return await work(url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await admin.end();
  }
}

async function createMigration(provider: DatabaseProvider): Promise<void> {
  await withScratchDatabase(provider, async (url) => {
    const sql = await migrationDrift(provider, url);
    if (!sql) {
      console.log(`${provider}: models and migrations already match; nothing written`);
      return;
    }
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const folder = `prisma/${provider}/migrations/${stamp}_${name.replaceAll("-", "_")}`;
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, "migration.sql"), `${sql}\n`);
    await prisma(["migrate", "deploy"], url); // proves the new migration applies
    console.log(`${provider}: wrote ${folder}/migration.sql`);
  });
}

for (const provider of ["sqlite", "postgresql"] as const) {
  await createMigration(provider);
}
