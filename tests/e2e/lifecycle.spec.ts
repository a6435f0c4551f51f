import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { E2E_DATABASE_URL, PORT as MAIN_PORT } from "../../playwright.config";


const PORT = MAIN_PORT + 2;

test("SIGTERM shuts the server down gracefully", async ({ request }) => {
  test.setTimeout(60_000);
  const server = spawn("node_modules/.bin/tsx", ["app/server/main.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(PORT),
      // The main test server's database (SQLite, or PostgreSQL in the PostgreSQL suite).
      DATABASE_URL: E2E_DATABASE_URL,
      SESSION_SECRET: randomBytes(32).toString("base64url"),
      LOOKUP_HASH_KEY: randomBytes(32).toString("base64url"),
      DATA_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString("base64")}`,
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
