// A test server with a SQLite database of its own on a free port, for tests whose changes
// other specs must never observe (publishing the notice) or that need their own
// surroundings (a mail server that goes down). Same script as the shared server.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { createDb, type Db } from "../../app/db/client.server";
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

interface Launched {
  child: ChildProcess;
  exited: Promise<void>;
}

async function launch(port: number, databaseUrl: string, env: Record<string, string>): Promise<Launched> {
  // Its own process group, so kill() reaches the server the wrapper started as well.
  const child: ChildProcess = spawn(
    process.execPath,
    ["--import", "tsx", "tests/support/test-server.ts", String(port), databaseUrl],
    { env: { ...process.env, E2E_LOG_LEVEL: "warn", ...env }, stdio: ["ignore", "pipe", "pipe"], detached: true },
  );
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The test's own server exited:\n${output}`);
    const status = await fetch(`${url}/healthz`).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) return { child, exited };
    if (Date.now() > deadline) throw new Error(`The test's own server did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
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
    async stop() {
      await db.$disconnect();
      current.child.kill("SIGTERM");
      await current.exited;
      for (const suffix of ["", "-wal", "-shm"]) rmSync(`data/e2e-${port}.db${suffix}`, { force: true });
      rmSync(secretsFileFor(port), { force: true });
    },
  };
}
