// A test server with a SQLite database of its own on a free port, for tests whose changes
// other specs must never observe (publishing the notice) or that need their own
// surroundings (a mail server that goes down). Same script as the shared server.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { expect } from "@playwright/test";
import { createDb, type Db } from "../../app/db/client.server";
import { getJobState } from "../../app/jobs/job-lease.server";
import { PORT } from "../../playwright.config";
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

/** Each stage of preparing the run's own-server database (the server answering, the wrap done). */
const PREPARE_STAGE_MS = 90_000;
const TEMPLATE_PREFIX = `data/own-server-template-${PORT}-`;

/**
 * The database every own server of this run starts from, with its secrets: a fresh deployment
 * (migrations, demonstration data) whose server has wrapped the demo's 300 legacy hashes and
 * stopped. Set up once per run by whichever worker asks first; a copy for each server then
 * costs the server's start, where setup and the wrap cost 14 s of CPU on two cores each time.
 * E2E_RUN_ID (set by playwright.config.ts) keeps one run's from another's.
 */
function ownServerTemplate() {
  const run = process.env.E2E_RUN_ID;
  if (!run) throw new Error("E2E_RUN_ID is not set: own servers start under Playwright, whose config sets it.");
  const dir = `${TEMPLATE_PREFIX}${run}`;
  return { dir, file: `${dir}/template.db`, secrets: `${dir}/secrets.json`, ready: `${dir}/ready` };
}

async function prepareOwnServerTemplate(): Promise<void> {
  const template = ownServerTemplate();
  mkdirSync("data", { recursive: true });
  try {
    mkdirSync(template.dir);
  } catch {
    // Another worker is preparing it, or has.
    const state = () => (existsSync(template.ready) ? "ready" : existsSync(template.dir) ? "preparing" : "failed");
    await expect.poll(state, { timeout: 2 * PREPARE_STAGE_MS, message: "the own servers' database, prepared by another worker" }).not.toBe("preparing");
    if (state() !== "ready") throw new Error("Preparing the own servers' database failed in another worker; see its error.");
    return;
  }
  try {
    for (const entry of readdirSync("data")) {
      if (`data/${entry}`.startsWith(TEMPLATE_PREFIX) && `data/${entry}` !== template.dir) rmSync(`data/${entry}`, { recursive: true, force: true });
    }
    const port = await freePort();
    const app = startTestServer(port, `file:./${template.file}`, { E2E_SMTP_PORT: "off", E2E_LOG_LEVEL: "warn" }, { detached: true });
    const db = createDb(`file:./${template.file}`);
    try {
      await waitForApp(app, PREPARE_STAGE_MS);
      // The job releases its lease when done, so a copy's server finds nothing held.
      await expect
        .poll(async () => (await getJobState("wrap-legacy-hashes", new Date(), db)).finishedAt, {
          timeout: PREPARE_STAGE_MS,
          message: "the demo's legacy hashes wrapped",
        })
        .not.toBeNull();
    } finally {
      app.child.kill("SIGTERM");
      await app.exited;
      // The last connection closed writes the WAL back, so the file alone is the whole database.
      await db.$disconnect();
    }
    copyFileSync(secretsFileFor(port), template.secrets);
    rmSync(secretsFileFor(port), { force: true });
    writeFileSync(template.ready, "");
  } catch (error) {
    rmSync(template.dir, { recursive: true, force: true });
    throw error;
  }
}

/** `env` is added to the server's environment (e.g. E2E_SMTP_PORT). */
export async function startOwnServer(env: Record<string, string> = {}): Promise<OwnServer> {
  await prepareOwnServerTemplate();
  const template = ownServerTemplate();
  const port = await freePort();
  const databaseUrl = `file:./data/e2e-${port}.db`;
  copyFileSync(template.file, `data/e2e-${port}.db`);
  const secrets = JSON.parse(readFileSync(template.secrets, "utf8")) as { SESSION_SECRET: string };
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
