// The database unavailable for a while, then back, with no restart of the app: requests fail
// cleanly (503, "temporarily unavailable, try again shortly" in the visitor's language, no
// stack trace) and everything works again once it returns, background jobs included.
// On SQLite: another process holds the write lock (as a stuck `sqlite3` session or a backup
// would); reads go on (WAL), writes wait the busy timeout and fail. On PostgreSQL (only in
// `npm run test:pg`): a TCP proxy between an app instance and the database is cut and restored.
import { spawn } from "node:child_process";
import Database from "better-sqlite3";
import { expect, test, type Page } from "@playwright/test";
import { E2E_DATABASE_URL, PORT as MAIN_PORT } from "../../playwright.config";
import { OWN_SERVER } from "../support/tags";
import { freePort, startOwnServer } from "../support/own-server";
import { testServerSecrets } from "../support/staff";
import { startTcpProxy } from "../support/tcp-proxy";
import { uniqueAddress } from "../support/customers";

const UNAVAILABLE = {
  ja: "ただいま混み合っているか、一時的に利用できません。しばらくしてからもう一度お試しください。",
  en: "The service is busy or temporarily unavailable. Please try again in a little while.",
};

async function askForCheck(page: Page, email: string, lng: "ja" | "en") {
  await page.goto(`/check?lng=${lng}`);
  await page.getByLabel(lng === "ja" ? "メールアドレス" : "Email address", { exact: true }).fill(email);
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().includes("/check") && r.request().method() === "POST"),
    page.getByRole("button", { name: lng === "ja" ? "確認結果をメールで受け取る" : "Send me the answer by mail" }).click(),
  ]);
  return response;
}

async function expectCleanUnavailablePage(page: Page, lng: "ja" | "en") {
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(lng === "ja" ? "エラーが発生しました" : "Something went wrong");
  await expect(page.getByText(UNAVAILABLE[lng])).toBeVisible();
  await expect(page.locator("body")).not.toContainText(/Error:|at \w+ \(|prisma|SQLITE|ECONN/i);
}

test("SQLite locked for writing by another process: writes answer 503 cleanly in both languages, and work again once it lets go", OWN_SERVER, async ({ browser }) => {
  test.setTimeout(120_000);
  const server = await startOwnServer({ E2E_SMTP_PORT: "off" });
  const lock = new Database(`data/e2e-${server.port}.db`);
  try {
    const context = await browser.newContext({ baseURL: server.url, extraHTTPHeaders: { "X-Forwarded-For": "198.51.100.77" } });
    const page = await context.newPage();
    lock.exec("BEGIN IMMEDIATE");
    for (const lng of ["ja", "en"] as const) {
      const response = await askForCheck(page, uniqueAddress(`locked-${lng}`), lng);
      expect(response.status()).toBe(503);
      await expectCleanUnavailablePage(page, lng);
    }
    // Reads go on meanwhile, and nothing was half-written.
    expect((await page.goto("/?lng=ja"))?.status()).toBe(200);
    lock.exec("ROLLBACK");
    expect(await server.db.checkRequest.count()).toBe(0);

    // Let go: the same request works, and the background job answers it (the loop lived through it).
    const response = await askForCheck(page, "customer003@example.com", "ja");
    expect(response.status()).toBe(200);
    await expect(page.getByRole("heading", { name: "メールをご確認ください" })).toBeVisible();
    await expect.poll(() => server.db.outboxMessage.count({ where: { template: "check-known" } }), { timeout: 30_000 }).toBe(1);
    await context.close();
  } finally {
    if (lock.inTransaction) lock.exec("ROLLBACK");
    lock.close();
    await server.stop();
  }
});

test("PostgreSQL cut off and back: /healthz and pages answer 503 meanwhile, and the app recovers by itself", async ({ browser }) => {
  test.skip(!/^postgres(ql)?:/.test(E2E_DATABASE_URL), "PostgreSQL only (npm run test:pg)");
  test.setTimeout(120_000);
  const database = new URL(E2E_DATABASE_URL);
  const proxy = await startTcpProxy({ host: database.hostname, port: Number(database.port || 5432) });
  database.host = `127.0.0.1:${proxy.port}`;
  const port = await freePort();
  // Another app instance on the suite's database, reaching it only through the proxy.
  const child = spawn(process.execPath, ["--import", "tsx", "app/server/main.ts"], {
    env: {
      ...process.env,
      ...testServerSecrets(),
      NODE_ENV: "production",
      PORT: String(port),
      DATABASE_URL: database.toString(),
      PUBLIC_ORIGIN: `http://127.0.0.1:${MAIN_PORT}`,
      TRUST_PROXY_HOPS: "1",
      SMTP_URL: "",
      LOG_LEVEL: "silent",
    },
    stdio: "ignore",
  });
  const base = `http://127.0.0.1:${port}`;
  const health = () => fetch(`${base}/healthz`).then((r) => r.status, () => 0);
  try {
    await expect.poll(health, { timeout: 60_000 }).toBe(200);
    const context = await browser.newContext({ baseURL: base, extraHTTPHeaders: { "X-Forwarded-For": "198.51.100.78" } });
    const page = await context.newPage();
    expect((await page.goto("/?lng=ja"))?.status()).toBe(200);

    await proxy.cut();
    expect(await health()).toBe(503);
    for (const lng of ["ja", "en"] as const) {
      expect((await page.goto(`/?lng=${lng}`))?.status()).toBe(503);
      await expectCleanUnavailablePage(page, lng);
    }
    // Down for a while: the background jobs meet the outage too.
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    expect(await health()).toBe(503);

    await proxy.restore();
    await expect.poll(health, { timeout: 30_000 }).toBe(200);
    expect((await page.goto("/?lng=ja"))?.status()).toBe(200);
    const response = await askForCheck(page, uniqueAddress("after-outage"), "ja");
    expect(response.status()).toBe(200);
    await expect(page.getByRole("heading", { name: "メールをご確認ください" })).toBeVisible();
    expect(child.exitCode).toBeNull();
    await context.close();
  } finally {
    child.kill("SIGTERM");
    await proxy.close();
  }
});
