// `npm run test:pg`: the PostgreSQL suite. Needs a PostgreSQL server where the user in
// PG_ADMIN_URL (default postgresql://root@127.0.0.1:5432/postgres) may create databases, and
// Debian's nginx and pg_dump/pg_restore (.ci/run installs them). It creates throwaway
// databases, checks the migrations against the models, then:
//  - sets up a deployment's database (migrations, demo data) and backs it up with
//    `npm run db:backup`, restoring the dump into a fresh database with pg_restore, as
//    docs/deployment.md tells an operator to;
//  - runs the browser suite against that restored database, served by two app instances
//    behind a local nginx (all but the tests that start a SQLite server of their own, and the
//    accessibility checks, whose pages are the same on either database);
// and drops the databases again.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import pg from "pg";
import { OWN_SERVER } from "../support/tags";

const adminUrl = process.env.PG_ADMIN_URL ?? "postgresql://root@127.0.0.1:5432/postgres";

function databaseUrl(name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

function run(command: string, args: string[], env: Record<string, string>): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: "inherit" });
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5_000 });
try {
  await admin.connect();
} catch (error) {
  console.error(
    `The PostgreSQL suite needs a PostgreSQL server (tried ${new URL(adminUrl).host}): ${(error as Error).message}\n` +
      "Start one, or point PG_ADMIN_URL at a server where this user may CREATE DATABASE.",
  );
  process.exit(1);
}

const suffix = `${Date.now()}_${process.pid}`;
const scratch = `madoguchi_drift_${suffix}`;
const live = `madoguchi_live_${suffix}`;
const restored = `madoguchi_restored_${suffix}`;
const dumpFile = `data/pg-suite-${suffix}.dump`;
const secretsFile = `data/pg-suite-${suffix}.secrets.json`;
// The deployment's secrets: a restored backup is readable only with the same keys.
const secrets = {
  SESSION_SECRET: randomBytes(32).toString("base64url"),
  LOOKUP_HASH_KEY: randomBytes(32).toString("base64url"),
  DATA_ENCRYPTION_KEYS: `pg:${randomBytes(32).toString("base64")}`,
  METRICS_TOKEN: randomBytes(32).toString("base64url"),
};

async function steps(): Promise<number> {
  const npx = "npx";
  let status = await run(npx, ["vitest", "run", "--config", "tests/postgres/vitest.config.ts"], {
    PG_SCRATCH_URL: databaseUrl(scratch),
  });
  if (status !== 0) return status;

  mkdirSync("data", { recursive: true });
  writeFileSync(secretsFile, JSON.stringify(secrets), { mode: 0o600 });
  const deployment = { NODE_ENV: "production", LOG_LEVEL: "warn", ...secrets, DATABASE_URL: databaseUrl(live) };
  status = await run(npx, ["tsx", "app/cli/setup.ts"], deployment);
  if (status === 0) status = await run(npx, ["tsx", "app/cli/backup.ts", dumpFile], deployment);
  if (status === 0) {
    status = await run("pg_restore", ["--no-owner", "--no-privileges", "--exit-on-error", `--dbname=${databaseUrl(restored)}`, dumpFile], {});
  }
  if (status !== 0) {
    console.error("The backup and restore of the deployment's database failed.");
    return status;
  }
  // Tests with a server of their own run it on SQLite: `npm test` has run them already.
  // Arguments after `npm run test:pg --` narrow the browser suite (spec files, --grep).
  return run(npx, ["playwright", "test", "--grep-invert", OWN_SERVER.tag, ...process.argv.slice(2)], {
    E2E_DATABASE_URL: databaseUrl(restored),
    E2E_SECRETS_FILE: secretsFile,
    E2E_INSTANCES: "2",
    // A fifth of the suite's time, and nothing in it depends on the database (CI's budget).
    E2E_SKIP_ACCESSIBILITY: "1",
  });
}

let status = 1;
try {
  // Generated names (digits only), not input: identifiers can't be bound parameters.
  for (const name of [scratch, live, restored]) await admin.query(`CREATE DATABASE "${name}"`);
  status = await steps();
} finally {
  for (const name of [scratch, live, restored]) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
  for (const file of [dumpFile, secretsFile]) rmSync(file, { force: true });
}
process.exit(status);
