// The database unavailable for a while, then back, with no restart of the app: requests fail
// cleanly (503, "temporarily unavailable, try again shortly" in the visitor's language, no
// stack trace) and everything works again once it returns, background jobs included.
// On SQLite: another process holds the write lock (as a stuck `sqlite3` session or a backup
// would); reads go on (WAL, and the process never waits inside SQLite: ADR 024), writes wait
// for the lock a bounded time and then fail. On PostgreSQL (only in
// `npm run test:pg`): a TCP proxy between an app instance and the database is cut and restored.
import Database from "better-sqlite3";
import { expect, test, type Page, type Request } from "@playwright/test";
import { E2E_DATABASE_URL, PORT as MAIN_PORT } from "../../playwright.config";
import { afterWholeRuns } from "../support/background-runs";
import { startApp, waitForApp } from "../support/app-process";
import { OWN_SERVER } from "../support/tags";
import { freePort, startOwnServer } from "../support/own-server";
import { testServerSecrets } from "../support/staff";
import { startTcpProxy } from "../support/tcp-proxy";
import { uniqueAddress } from "../support/customers";

const UNAVAILABLE = {
  ja: "ただいま混み合っているか、一時的に利用できません。しばらくしてからもう一度お試しください。",
  en: "The service is busy or temporarily unavailable. Please try again in a little while.",
};

const isCheckPost = (request: Request) => request.url().includes("/check") && request.method() === "POST";

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
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(lng === "ja" ? "一時的に利用できません" : "Temporarily unavailable");
  await expect(page).toHaveTitle(lng === "ja" ? "一時的に利用できません" : "Temporarily unavailable");
  await expect(page.getByText(UNAVAILABLE[lng])).toBeVisible();
  await expect(page.locator("body")).not.toContainText(/Error:|at \w+ \(|prisma|SQLITE|ECONN/i);
}

test(
  "SQLite locked for writing by another process: pages go on answering, writes wait for it, then answer 503 cleanly in both languages or go through once it lets go",
  OWN_SERVER,
  async ({ browser }) => {
    test.setTimeout(120_000);
    const server = await startOwnServer({ E2E_SMTP_PORT: "off" });
    const lock = new Database(`data/e2e-${server.port}.db`);
    // Another visitor's page, read from the database (each address once: no cached copy).
    let visits = 0;
    const visitorReads = (lng: "ja" | "en") => fetch(`${server.url}/?lng=${lng}&visit=${++visits}`).then((response) => response.status);
    try {
      const context = await browser.newContext({ baseURL: server.url, extraHTTPHeaders: { "X-Forwarded-For": "198.51.100.77" } });
      const page = await context.newPage();
      lock.exec("BEGIN IMMEDIATE");
      for (const lng of ["ja", "en"] as const) {
        const sent = page.waitForRequest(isCheckPost);
        const answered = askForCheck(page, uniqueAddress(`locked-${lng}`), lng);
        await sent;
        expect(await visitorReads(lng)).toBe(200);
        expect((await answered).status()).toBe(503);
        await expectCleanUnavailablePage(page, lng);
      }
      // Nothing was half-written.
      expect(await server.db.checkRequest.count()).toBe(0);

      // A write that finds the lock taken waits for it, and the process answers others meanwhile
      // (better-sqlite3 waiting inside SQLite used to stop it all): let go while the write waits.
      const sent = page.waitForRequest(isCheckPost);
      const answered = askForCheck(page, "customer003@example.com", "ja");
      await sent;
      expect(await visitorReads("ja")).toBe(200);
      lock.exec("ROLLBACK");
      expect((await answered).status()).toBe(200);
      await expect(page.getByRole("heading", { name: "メールをご確認ください" })).toBeVisible();
      // The background job lived through it and answers the check.
      await expect.poll(() => server.db.outboxMessage.count({ where: { template: "check-known" } }), { timeout: 30_000 }).toBe(1);
      await context.close();
    } finally {
      if (lock.inTransaction) lock.exec("ROLLBACK");
      lock.close();
      await server.stop();
      // What the server said is the only record of why a request failed (a 500 has no body to read).
      if (test.info().status !== test.info().expectedStatus) await test.info().attach("server output", { body: server.output() });
    }
  },
);

test("PostgreSQL cut off and back: /healthz and pages answer 503 meanwhile, and the app recovers by itself", async ({ browser }) => {
  test.skip(!/^postgres(ql)?:/.test(E2E_DATABASE_URL), "PostgreSQL only (npm run test:pg)");
  test.setTimeout(120_000);
  const database = new URL(E2E_DATABASE_URL);
  const proxy = await startTcpProxy({ host: database.hostname, port: Number(database.port || 5432) });
  database.host = `127.0.0.1:${proxy.port}`;
  const port = await freePort();
  // Another app instance on the suite's database, reaching it only through the proxy.
  const app = startApp(
    port,
    {
      ...testServerSecrets(),
      NODE_ENV: "production",
      DATABASE_URL: database.toString(),
      PUBLIC_ORIGIN: `http://127.0.0.1:${MAIN_PORT}`,
      TRUST_PROXY_HOPS: "1",
      SMTP_URL: "",
      LOG_LEVEL: "silent",
    },
    { output: "ignore" },
  );
  const base = app.url;
  const health = () =>
    fetch(`${base}/healthz`).then(
      (r) => r.status,
      () => 0,
    );
  try {
    await waitForApp(app, 60_000);
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
    await afterWholeRuns(
      ["check-answers", "outbox", "deletion-execution", "deletion-webhook"],
      [{ url: base, metricsToken: testServerSecrets().METRICS_TOKEN }],
    );
    expect(await health()).toBe(503);

    await proxy.restore();
    await expect.poll(health, { timeout: 30_000 }).toBe(200);
    expect((await page.goto("/?lng=ja"))?.status()).toBe(200);
    const response = await askForCheck(page, uniqueAddress("after-outage"), "ja");
    expect(response.status()).toBe(200);
    await expect(page.getByRole("heading", { name: "メールをご確認ください" })).toBeVisible();
    expect(app.child.exitCode).toBeNull();
    await context.close();
  } finally {
    app.child.kill("SIGTERM");
    await proxy.close();
  }
});
