// `npm run test:pg`: the PostgreSQL suite. Needs a PostgreSQL server where the user in
// PG_ADMIN_URL (default postgresql://root@127.0.0.1:5432/postgres) may create databases.
// It creates two throwaway databases, checks the migrations against the models, then
// runs the browser suite against the app on PostgreSQL (all but the tests that start a
// SQLite server of their own), and drops them again.
import { spawn } from "node:child_process";
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
const e2e = `madoguchi_e2e_${suffix}`;
let status = 1;
try {
  // Generated names (digits only), not input: identifiers can't be bound parameters.
  await admin.query(`CREATE DATABASE "${scratch}"`);
  await admin.query(`CREATE DATABASE "${e2e}"`);
  const npx = "npx";
  status = await run(npx, ["vitest", "run", "--config", "tests/postgres/vitest.config.ts"], {
    PG_SCRATCH_URL: databaseUrl(scratch),
  });
  if (status === 0) {
    // Tests with a server of their own run it on SQLite: `npm test` has run them already.
    status = await run(npx, ["playwright", "test", "--grep-invert", OWN_SERVER.tag], { E2E_DATABASE_URL: databaseUrl(e2e) });
  }
} finally {
  for (const name of [scratch, e2e]) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
}
process.exit(status);
