import { spawn } from "node:child_process";
import { expect, test } from "@playwright/test";
import { PORT as MAIN_PORT, SMTP_PORT } from "../../playwright.config";
import { testServerSecrets } from "../support/staff";

const PORT = MAIN_PORT + 2;

test("SIGTERM shuts the server down gracefully", async ({ request }) => {
  test.setTimeout(60_000);
  const server = spawn("node_modules/.bin/tsx", ["app/server/main.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(PORT),
      // A second instance of the main test server's deployment: its database (SQLite, or
      // PostgreSQL in the PostgreSQL suite), secrets and mail server. Its background jobs
      // share the work with the main server's, as a second instance's would.
      ...testServerSecrets(),
      PUBLIC_ORIGIN: `http://127.0.0.1:${MAIN_PORT}`,
      SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
      LOG_LEVEL: "info",
    },
  });
  let output = "";
  server.stdout.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => server.on("exit", (code) => resolve(code)));

  await expect
    .poll(async () => (await request.get(`http://127.0.0.1:${PORT}/healthz`).catch(() => null))?.status(), {
      timeout: 30_000,
    })
    .toBe(200);
  expect(output).toContain("Madoguchi is listening");

  server.kill("SIGTERM");
  expect(await exited).toBe(0);
  expect(output).toContain('"signal":"SIGTERM"');
  expect(output).toContain("shutting down");
});
