// Another app process of the main test server's deployment: same database (SQLite, or
// PostgreSQL in the PostgreSQL suite), secrets, public origin and mail server, on its own
// port. Its background jobs share the work with the main server's, as in production.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { PORT as MAIN_PORT, SMTP_PORT } from "../../playwright.config";
import { testServerSecrets } from "./staff";

export interface Instance {
  child: ChildProcessWithoutNullStreams;
  url: string;
  output: () => string;
  exited: Promise<number | null>;
}

/**
 * `trustProxyHops`: 1 when tests call the instance directly posing as one proxy (X-Forwarded-For);
 * one more behind the several-instance suite's load balancer, which appends its own hop.
 */
export function startSecondInstance(port: number, logLevel = "warn", trustProxyHops = 1): Instance {
  const child = spawn("node_modules/.bin/tsx", ["app/server/main.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      ...testServerSecrets(),
      PUBLIC_ORIGIN: `http://127.0.0.1:${MAIN_PORT}`,
      TRUST_PROXY_HOPS: String(trustProxyHops),
      SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
      OUTBOX_RETRY_BASE_SECONDS: "1",
      LOG_LEVEL: logLevel,
    },
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, url: `http://127.0.0.1:${port}`, output: () => output, exited };
}
