// A test server with a SQLite database of its own on a free port, for tests whose changes
// other specs must never observe (publishing the notice) or that need their own
// surroundings (a mail server that goes down). Same script as the shared server.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { setTimeout as delay } from "node:timers/promises";
import { createDb, type Db } from "../../app/db/client.server";
import { startTestServer, waitForApp, type AppProcess } from "./app-process";
import { secretsFileFor } from "./secrets-file";

export interface OwnServer {
  port: number;
  url: string;
  db: Db;
  sessionSecret: string;
  /** SIGKILL to the server and its setup wrapper, as a crash would: nothing gets to clean up. */
  kill(): Promise<void>;
  /** Starts the server again on the same port, database and secrets (after kill). */
  restart(): Promise<void>;
  stop(): Promise<void>;
  /** Everything the server (and its setup step) has printed so far, since its last start. */
  output(): string;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function launch(port: number, databaseUrl: string, env: Record<string, string>): Promise<AppProcess> {
  // Its own process group, so kill() reaches the server the wrapper started as well.
  const app = startTestServer(port, databaseUrl, { E2E_LOG_LEVEL: "warn", ...env }, { detached: true });
  await waitForApp(app, 90_000);
  return app;
}

/**
 * The database every own server of this run starts from, with its secrets: a fresh deployment
 * (migrations, demonstration data) whose server has wrapped the demo's 300 legacy hashes and
 * stopped. Set up once per run by whichever worker asks first; a copy for each server then
 * costs the server's start, where setup and the wrap cost 14 s of CPU on two cores each time.
 * E2E_RUN_ID (playwright.config.ts) keeps one run's template from another's.
 */
const TEMPLATE_PREFIX = `data/own-server-template-${process.env.E2E_PORT ?? 3100}-`;
const TEMPLATE_DIR = `${TEMPLATE_PREFIX}${process.env.E2E_RUN_ID ?? "local"}`;
const TEMPLATE_FILE = `${TEMPLATE_DIR}/template.db`;
const TEMPLATE_SECRETS = `${TEMPLATE_DIR}/secrets.json`;
const TEMPLATE_READY = `${TEMPLATE_DIR}/ready`;

async function ownServerTemplate(): Promise<void> {
  mkdirSync("data", { recursive: true });
  try {
    mkdirSync(TEMPLATE_DIR);
  } catch {
    // Another worker is preparing it (or has).
    for (const deadline = Date.now() + 150_000; !existsSync(TEMPLATE_READY); await delay(100)) {
      if (!existsSync(TEMPLATE_DIR)) throw new Error("Preparing the own servers' database failed in another worker; see its error.");
      if (Date.now() > deadline) throw new Error(`No own-server database in ${TEMPLATE_DIR} after 150 s.`);
    }
    return;
  }
  try {
    for (const entry of readdirSync("data")) {
      if (`data/${entry}`.startsWith(TEMPLATE_PREFIX) && `data/${entry}` !== TEMPLATE_DIR) rmSync(`data/${entry}`, { recursive: true, force: true });
    }
    const port = await freePort();
    const app = startTestServer(port, `file:./${TEMPLATE_FILE}`, { E2E_SMTP_PORT: "off", E2E_LOG_LEVEL: "warn" }, { detached: true });
    const db = createDb(`file:./${TEMPLATE_FILE}`);
    try {
      await waitForApp(app, 90_000);
      const wrapped = async () => (await db.jobLease.findUnique({ where: { name: "wrap-legacy-hashes" }, select: { finishedAt: true } }))?.finishedAt;
      for (const deadline = Date.now() + 90_000; !(await wrapped()); await delay(100)) {
        if (Date.now() > deadline) throw new Error(`The own servers' database: the demo's hashes not wrapped after 90 s.\n${app.output()}`);
      }
    } finally {
      app.child.kill("SIGTERM");
      await app.exited;
    }
    // Leases die with their holder; each copy's server takes them afresh.
    await db.jobLease.updateMany({ data: { holder: null, leaseUntil: null } });
    await db.$disconnect();
    copyFileSync(secretsFileFor(port), TEMPLATE_SECRETS);
    rmSync(secretsFileFor(port), { force: true });
    writeFileSync(TEMPLATE_READY, "");
  } catch (error) {
    rmSync(TEMPLATE_DIR, { recursive: true, force: true });
    throw error;
  }
}

/** `env` is added to the server's environment (e.g. E2E_SMTP_PORT). */
export async function startOwnServer(env: Record<string, string> = {}): Promise<OwnServer> {
  await ownServerTemplate();
  const port = await freePort();
  const databaseUrl = `file:./data/e2e-${port}.db`;
  copyFileSync(TEMPLATE_FILE, `data/e2e-${port}.db`);
  const secrets = JSON.parse(readFileSync(TEMPLATE_SECRETS, "utf8")) as { SESSION_SECRET: string };
  writeFileSync(secretsFileFor(port), JSON.stringify({ ...secrets, DATABASE_URL: databaseUrl }), { mode: 0o600 });
  // Started as a server is started again: on the database and secrets it finds.
  let current = await launch(port, databaseUrl, { ...env, E2E_RESTART: "1" });
  const db = createDb(databaseUrl);
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    db,
    sessionSecret: secrets.SESSION_SECRET,
    async kill() {
      process.kill(-current.child.pid!, "SIGKILL");
      await current.exited;
    },
    async restart() {
      // Setup's migration step wants the database to itself; the next query reconnects.
      await db.$disconnect();
      current = await launch(port, databaseUrl, { ...env, E2E_RESTART: "1" });
    },
    output: () => current.output(),
    async stop() {
      await db.$disconnect();
      current.child.kill("SIGTERM");
      await current.exited;
      for (const suffix of ["", "-wal", "-shm"]) rmSync(`data/e2e-${port}.db${suffix}`, { force: true });
      rmSync(secretsFileFor(port), { force: true });
    },
  };
}
