import { randomBytes } from "node:crypto";
import { defineConfig, devices } from "@playwright/test";
import { SERVE_COMMAND } from "./tests/support/app-process";

// Browser tests drive the production build in Debian's Chromium (shared/STACK.md):
// Playwright never downloads a browser here.
// E2E_PORT lets two suites run side by side on one machine (each gets its own database).
export const PORT = Number(process.env.E2E_PORT ?? 3100);
// A second instance whose database can't be reached, for the 503 of /healthz.
export const UNREACHABLE_DB_PORT = PORT + 1;
/** The SMTP receiver the main test server sends its mail to (tests/support/smtp-receiver.ts). */
export const SMTP_PORT = PORT + 3;
/**
 * E2E_INSTANCES=2 or more (the PostgreSQL suite): the app runs as that many processes on one
 * database behind a local nginx on PORT, which the tests use as the only address.
 */
const INSTANCES = Number(process.env.E2E_INSTANCES ?? 1);
/** The app processes themselves (behind the balancer with E2E_INSTANCES=2), for what each counts on its own. */
export const APP_PORTS = INSTANCES > 1 ? Array.from({ length: INSTANCES }, (_, n) => PORT + 7 + n) : [PORT];
/** One run's own-server database apart from another's (tests/support/own-server.ts); workers inherit it. */
process.env.E2E_RUN_ID ??= randomBytes(6).toString("hex");
/** The database of the main test server; fixtures write staff and sessions into it. */
export const E2E_DATABASE_URL = process.env.E2E_DATABASE_URL || `file:./data/e2e-${PORT}.db`;

export default defineConfig({
  testDir: "tests/e2e",
  // E2E_SKIP_ACCESSIBILITY=1 (the PostgreSQL suite): the pages' markup is the same on either
  // database and behind any number of instances; `npm test` checks it.
  testIgnore: process.env.E2E_SKIP_ACCESSIBILITY === "1" ? "**/accessibility.spec.ts" : undefined,
  // One folder per port, so suites running side by side don't delete each other's results.
  outputDir: `test-results/${PORT}`,
  fullyParallel: true,
  workers: 2,
  // A whole journey (several browsers, sign-ins, mail) on a busy machine with two instances and
  // PostgreSQL can pass 30 s; every wait inside a test keeps its own short limit.
  timeout: 60_000,
  // A page that hashes a password or waits on a job answers in seconds on a loaded machine.
  expect: { timeout: 10_000 },
  retries: 0,
  // Whatever the tests did, by however many instances: no mail reached the receiver twice.
  globalTeardown: "./tests/support/no-mail-twice.ts",
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: "ja-JP",
    timezoneId: "Asia/Tokyo",
    // A trace copies every response (a page's scripts are over a megabyte) and every action into a file,
    // a sixth of the accessibility tests' CPU on two cores; E2E_TRACE=1 records them, kept for failed tests.
    // Without it, a failure still leaves its error with the locator's log and a screenshot.
    trace: process.env.E2E_TRACE === "1" ? "retain-on-failure" : "off",
    screenshot: "only-on-failure",
    launchOptions: {
      // Debian's chromium-headless-shell: the same Chromium without the desktop browser around it,
      // as Playwright runs headless by default. A context and its first page cost a quarter of the
      // CPU of full Chromium's new headless mode, a page load half (ADR 030).
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/lib/chromium/chromium-headless-shell",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: [
    {
      command: `tsx tests/support/smtp-receiver-server.ts ${SMTP_PORT} ${PORT}`,
      port: SMTP_PORT,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      // E2E_DATABASE_URL: the PostgreSQL suite (tests/postgres/run.ts) runs this same suite there.
      command: `tsx tests/support/test-server.ts ${APP_PORTS[0]} ${E2E_DATABASE_URL}`,
      url: `http://127.0.0.1:${APP_PORTS[0]}/healthz`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: "pipe",
      // Behind the balancer the tests still pose as one proxy, and nginx adds its own hop.
      env: INSTANCES > 1 ? { E2E_PUBLIC_PORT: String(PORT), E2E_TRUST_PROXY_HOPS: "2" } : {},
    },
    ...APP_PORTS.slice(1).map((port) => ({
      command: `tsx tests/support/instance-server.ts ${port}`,
      url: `http://127.0.0.1:${port}/healthz`,
      reuseExistingServer: false,
      timeout: 60_000,
    })),
    ...(INSTANCES > 1
      ? [
          {
            command: `tsx tests/support/load-balancer.ts ${PORT} ${APP_PORTS.join(" ")}`,
            url: `http://127.0.0.1:${PORT}/healthz`,
            reuseExistingServer: false,
            timeout: 30_000,
          },
        ]
      : []),
    {
      command: SERVE_COMMAND.join(" "),
      port: UNREACHABLE_DB_PORT,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        NODE_ENV: "production",
        PORT: String(UNREACHABLE_DB_PORT),
        // Nothing listens on port 9 of the loopback: every connection is refused.
        DATABASE_URL: "postgresql://madoguchi@127.0.0.1:9/unreachable",
        SESSION_SECRET: randomBytes(32).toString("base64url"),
        LOOKUP_HASH_KEY: randomBytes(32).toString("base64url"),
        DATA_ENCRYPTION_KEYS: `t:${randomBytes(32).toString("base64")}`,
        LOG_LEVEL: "silent",
      },
    },
  ],
});
