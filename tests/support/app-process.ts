// The one way tests and benches start the app and wait for it. The app is always the built
// server, started as `npm run serve` starts it: one node process running build/server.js, so a
// signal sent to the child reaches the app itself. Its environment is this process's with
// `env` on top (port, database, secrets…). A fresh deployment (secrets, migrations, demo data,
// then the server) is tests/support/test-server.ts, started with startTestServer.
import { spawn, type ChildProcess } from "node:child_process";

/** `npm run serve` without npm, for Playwright's webServer commands and for startApp. */
export const SERVE_COMMAND = [process.execPath, "--enable-source-maps", "build/server.js"];

/** Variables added to this process's environment for the child. */
type Environment = Record<string, string | undefined>;

export interface AppProcess {
  child: ChildProcess;
  url: string;
  /** The exit code; null after a signal. */
  exited: Promise<number | null>;
  /** Everything printed so far, when started with output "capture". */
  output(): string;
}

interface Spawned {
  /** "capture" keeps the output for output(); "inherit" prints it with this process's. */
  output?: "capture" | "inherit" | "ignore";
  /** A process group of its own, so that a kill of -pid reaches every process it starts. */
  detached?: boolean;
}

function started(command: string[], port: number, env: Environment, options: Spawned): AppProcess {
  const output = options.output ?? "capture";
  const child = spawn(command[0]!, command.slice(1), {
    env: { ...process.env, ...env, PORT: String(port) },
    // The IPC channel carries the app's "listening" (app/server/main.ts), which waitForApp waits for.
    stdio: output === "capture" ? ["ignore", "pipe", "pipe", "ipc"] : ["ignore", output, output, "ipc"],
    detached: options.detached ?? false,
  });
  let printed = "";
  child.stdout?.on("data", (chunk) => (printed += chunk));
  child.stderr?.on("data", (chunk) => (printed += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  // Only the deadline in waitForApp keeps a waiting process alive, never the channel itself.
  child.channel?.unref();
  return { child, url: `http://127.0.0.1:${port}`, exited, output: () => printed };
}

/** The built server on `port`, with `env` (DATABASE_URL, secrets, PUBLIC_ORIGIN…) on top of this process's. */
export function startApp(port: number, env: Environment, options: Spawned = {}): AppProcess {
  return started(SERVE_COMMAND, port, env, options);
}

/**
 * tests/support/test-server.ts on `port`: the built server on a fresh database of its own (or
 * `databaseUrl`), as the browser suite's main server runs. `env` takes its E2E_* settings.
 */
export function startTestServer(port: number, databaseUrl: string | undefined, env: Environment, options: Spawned = {}): AppProcess {
  const command = [process.execPath, "--import", "tsx", "tests/support/test-server.ts", String(port), ...(databaseUrl ? [databaseUrl] : [])];
  return started(command, port, env, options);
}

/**
 * Resolves once the app says it is listening (over the IPC channel startApp opens) and its
 * /healthz then answers 200. Fails as soon as the process exits instead, or after `timeoutMs`,
 * with what it printed.
 */
export async function waitForApp(app: AppProcess, timeoutMs = 120_000): Promise<void> {
  let deadline: NodeJS.Timeout | undefined;
  let onMessage: ((message: unknown) => void) | undefined;
  try {
    await Promise.race([
      new Promise<void>((resolve) => {
        onMessage = (message) => message === "listening" && resolve();
        app.child.on("message", onMessage);
      }),
      app.exited.then((code) => {
        throw new Error(`The app on ${app.url} exited (${code}) before it answered:\n${app.output()}`);
      }),
      new Promise<never>((_, reject) => {
        deadline = setTimeout(() => reject(new Error(`The app on ${app.url} did not answer within ${timeoutMs / 1000} s:\n${app.output()}`)), timeoutMs);
      }),
    ]);
  } finally {
    clearTimeout(deadline);
    if (onMessage) app.child.off("message", onMessage);
  }
  const status = await fetch(`${app.url}/healthz`).then(
    (response) => response.status,
    () => 0,
  );
  if (status !== 200) throw new Error(`The app on ${app.url} listens but /healthz answered ${status}:\n${app.output()}`);
}
