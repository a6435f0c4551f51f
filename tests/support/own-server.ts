// A test server with a SQLite database of its own on a free port, for tests whose changes
// other specs must never observe (publishing the notice) or that need their own
// surroundings (a mail server that goes down). Same script as the shared server.
import { readFileSync, rmSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
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

/** `env` is added to the server's environment (e.g. E2E_SMTP_PORT). */
export async function startOwnServer(env: Record<string, string> = {}): Promise<OwnServer> {
  const port = await freePort();
  const databaseUrl = `file:./data/e2e-${port}.db`;
  let current = await launch(port, databaseUrl, env);
  const secrets = JSON.parse(readFileSync(secretsFileFor(port), "utf8")) as { SESSION_SECRET: string };
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
