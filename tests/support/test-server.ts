// Starts the built app for the browser tests, as `npm start` would but on a fresh
// database of its own: random secrets for this run, migrations, demo data, then the
// production server. Usage: tsx tests/support/test-server.ts <port> [database-url]
// E2E_PUBLIC_PORT: the port visitors use, when a load balancer stands in front (the
// several-instance suite); the secrets file and the public origin go by it.
// E2E_SECRETS_FILE: the deployment's secrets, for a database restored from a backup.
import { randomBytes } from "node:crypto";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { startApp } from "./app-process";
import { secretsFileFor } from "./secrets-file";

const port = process.argv[2] ?? "3100";
const publicPort = process.env.E2E_PUBLIC_PORT ?? port;
const databaseUrl = process.argv[3] || `file:./data/e2e-${port}.db`;
// E2E_RESTART=1: on the database and secrets already there (data/e2e-<port>.secrets.json): the
// same server again after it was killed, or an own server on its copy of the run's database.
const restart = process.env.E2E_RESTART === "1";
if (databaseUrl.startsWith("file:") && !restart) {
  const file = databaseUrl.slice("file:".length);
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
}

// METRICS_TOKEN: the bearer token /metrics wants (tests/e2e/operations.spec.ts reads it here).
type Secrets = { SESSION_SECRET: string; LOOKUP_HASH_KEY: string; DATA_ENCRYPTION_KEYS: string; METRICS_TOKEN: string };
const kept = restart ? secretsFileFor(publicPort) : process.env.E2E_SECRETS_FILE;
const secrets: Secrets = kept
  ? (({ SESSION_SECRET, LOOKUP_HASH_KEY, DATA_ENCRYPTION_KEYS, METRICS_TOKEN }: Secrets) => ({
      SESSION_SECRET,
      LOOKUP_HASH_KEY,
      DATA_ENCRYPTION_KEYS,
      METRICS_TOKEN,
    }))(JSON.parse(readFileSync(kept, "utf8")) as Secrets)
  : {
      SESSION_SECRET: randomBytes(32).toString("base64url"),
      LOOKUP_HASH_KEY: randomBytes(32).toString("base64url"),
      DATA_ENCRYPTION_KEYS: `e2e:${randomBytes(32).toString("base64")}`,
      METRICS_TOKEN: randomBytes(32).toString("base64url"),
    };
// Fixtures sign staff in by writing session rows and signing cookies with this run's secret.
mkdirSync("data", { recursive: true });
writeFileSync(secretsFileFor(publicPort), JSON.stringify({ ...secrets, DATABASE_URL: databaseUrl }), { mode: 0o600 });

const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: "production",
  PORT: port,
  DATABASE_URL: databaseUrl,
  ...secrets,
  PUBLIC_ORIGIN: `http://127.0.0.1:${publicPort}`,
  // Lets the headers test pose as a TLS-terminating proxy, and tests pose as many clients.
  TRUST_PROXY_HOPS: process.env.E2E_TRUST_PROXY_HOPS ?? "1",
  // A real SMTP receiver started by the tests (E2E_SMTP_PORT=off: none, as in the demo);
  // retries come seconds apart, not minutes (or as a test scales them).
  SMTP_URL: process.env.E2E_SMTP_PORT === "off" ? "" : `smtp://127.0.0.1:${process.env.E2E_SMTP_PORT ?? Number(publicPort) + 3}`,
  OUTBOX_RETRY_BASE_SECONDS: process.env.E2E_OUTBOX_RETRY_BASE_SECONDS ?? "1",
  LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? "warn",
};

function forwardSignals(child: ChildProcess): void {
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
}

// Setup is a command, run from source as `npm run setup` runs it; the server is the build.
const setup = spawn(process.execPath, ["--import", "tsx", "app/cli/setup.ts"], { env, stdio: "inherit" });
forwardSignals(setup);
const setupCode = await new Promise<number>((resolve) => setup.on("exit", (code) => resolve(code ?? 1)));
if (setupCode !== 0) process.exit(setupCode);
const app = startApp(Number(port), env, { output: "inherit" });
forwardSignals(app.child);
// This process stands between its starter and the app: the app's "listening" is passed up.
app.child.on("message", (message) => {
  process.send?.(message as string);
  process.channel?.unref();
});
process.exit((await app.exited) ?? 1);
