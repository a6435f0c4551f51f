// Another app process of the main test server's deployment: same database (SQLite, or
// PostgreSQL in the PostgreSQL suite), secrets, public origin and mail server, on its own
// port. Its background jobs share the work with the main server's, as in production.
import { PORT as MAIN_PORT, SMTP_PORT } from "../../playwright.config";
import { startApp, type AppProcess } from "./app-process";
import { testServerSecrets } from "./staff";

export type Instance = AppProcess;

/**
 * `trustProxyHops`: 1 when tests call the instance directly posing as one proxy (X-Forwarded-For);
 * one more behind the several-instance suite's load balancer, which appends its own hop.
 */
export function startSecondInstance(port: number, logLevel = "warn", trustProxyHops = 1, output: "capture" | "inherit" = "capture"): Instance {
  return startApp(
    port,
    {
      NODE_ENV: "production",
      ...testServerSecrets(),
      PUBLIC_ORIGIN: `http://127.0.0.1:${MAIN_PORT}`,
      TRUST_PROXY_HOPS: String(trustProxyHops),
      SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
      OUTBOX_RETRY_BASE_SECONDS: "1",
      LOG_LEVEL: logLevel,
    },
    { output },
  );
}
