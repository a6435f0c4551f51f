// The administrator's operations view and the Prometheus endpoint: real figures from the
// shared test server's database (mail failures seeded straight into its outbox), in Japanese
// and in English; other roles refused; /metrics only with the configured bearer token.
import { expect, test, type Page } from "@playwright/test";
import { formatDateTime } from "../../app/utils/format";
import { UNREACHABLE_DB_PORT } from "../../playwright.config";
import { parseMetrics, sampleValue, seedMailFailures } from "../support/operations";
import { signInAs, testDb, testServerSecrets } from "../support/staff";

const TEXT = {
  ja: {
    title: "運用状況",
    failed: "送信をあきらめたもの",
    givenUp: "送信中止",
    retrying: "再試行待ち",
    loop: "「影響の確認」への回答",
    webhookLoop: "削除マニフェストの Webhook 送信",
    menu: "運用状況",
  },
  en: {
    title: "Operations",
    failed: "Given up",
    givenUp: "Given up",
    retrying: "Waiting to retry",
    loop: "Answering “Am I affected?” checks",
    webhookLoop: "Posting the deletion manifest to the webhook",
    menu: "Operations",
  },
};

const countFailed = () => testDb().outboxMessage.count({ where: { status: "failed" } });

/** A failure of the webhook loop as an instance would record it, but with an address left in its message. */
async function seedLoopFailure(address: string) {
  const lastError = `fetch failed: getaddrinfo ENOTFOUND hooks.example.com (${address})`;
  await testDb().backgroundJobStatus.upsert({
    where: { name: "deletion-webhook" },
    create: { name: "deletion-webhook", lastFailureAt: new Date(), lastError, failures: 1 },
    update: { lastFailureAt: new Date(), lastError, failures: { increment: 1 } },
  });
}

async function countIn(page: Page, label: string): Promise<number> {
  const row = page
    .getByTestId("outbox-counts")
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: label, exact: true }) });
  const text = await row.getByRole("cell").innerText();
  return Number(text.replace(/[^\d]/g, ""));
}

for (const language of ["ja", "en"] as const) {
  test(`an administrator sees the outbox, the background work and the jobs (${language})`, async ({ context, page }) => {
    const text = TEXT[language];
    const seeded = await seedMailFailures(testDb());
    await seedLoopFailure(seeded.address);
    await signInAs(context, "admin");
    const failedBefore = await countFailed();
    await page.goto(`/staff?lng=${language}`);
    await page.getByRole("link", { name: text.menu }).click();
    await expect(page).toHaveURL(/\/staff\/operations$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(text.title);
    await expect(page.locator("html")).toHaveAttribute("lang", language);

    // The seeded failures, by kind of mail and state, with the retry time in the desk's zone.
    const rows = page.getByTestId("outbox-failures").getByRole("row").filter({ hasText: seeded.marker });
    await expect(rows).toHaveCount(2);
    const givenUp = rows.filter({ hasText: "check-known" });
    await expect(givenUp.getByRole("cell").nth(0)).toHaveText(text.givenUp);
    await expect(givenUp.getByRole("cell").nth(1)).toHaveText("100");
    await expect(givenUp).toContainText("<[redacted]>: Recipient address rejected");
    const retrying = rows.filter({ hasText: "inquiry-reply" });
    await expect(retrying.getByRole("cell").nth(0)).toHaveText(text.retrying);
    await expect(retrying.getByRole("cell").nth(1)).toHaveText("3");
    await expect(retrying.getByRole("cell").nth(2)).toHaveText(formatDateTime(seeded.retryAt, language, "Asia/Tokyo"));

    // The counts are the database's (other tests may add failures meanwhile, never remove them).
    const failed = await countIn(page, text.failed);
    expect(failed).toBeGreaterThanOrEqual(Math.max(failedBefore, 1));
    expect(failed).toBeLessThanOrEqual(await countFailed());

    // Each loop as the instances recorded it: the check answers ran cleanly at start.
    const loops = page.getByTestId("loops");
    await expect(loops.getByRole("row", { name: text.loop }).getByRole("cell").nth(0)).toHaveText(language === "ja" ? /\d+月\d+日/ : /\d+ \w{3}/);
    const webhookLoop = loops.getByRole("row", { name: text.webhookLoop });
    await expect(webhookLoop).toContainText("ENOTFOUND hooks.example.com ([redacted])");

    // The wrap job ran over the demo customers' leaked hashes when the server started.
    await expect(page.getByTestId("wrap-state").getByRole("progressbar")).toBeVisible();
    await expect(page.getByTestId("wrap-state")).toContainText(/\d+%/);

    // No address anywhere on the page.
    expect(await page.content()).not.toContain(seeded.address);
  });
}

test("agents and privacy officers may not open the operations view", async ({ browser }) => {
  for (const role of ["agent", "privacy-officer"] as const) {
    const context = await browser.newContext();
    await signInAs(context, role);
    const page = await context.newPage();
    const response = await page.goto("/staff/operations");
    expect(response?.status(), role).toBe(403);
    await expect(page.getByText("の役割では、このページを開くことはできません。")).toBeVisible();
    await context.close();
  }
});

test("/metrics answers only a scraper with the configured token, and counts without personal data", async ({ request }) => {
  const token = testServerSecrets().METRICS_TOKEN;
  // An instance without METRICS_TOKEN has no /metrics at all.
  expect((await request.get(`http://127.0.0.1:${UNREACHABLE_DB_PORT}/metrics`)).status()).toBe(404);

  const attempts: Array<Record<string, string>> = [
    {},
    { Authorization: "Bearer wrong-token-wrong-token-wrong-token" },
    { Authorization: token },
    { Authorization: `Basic ${token}` },
  ];
  for (const headers of attempts) {
    const refused = await request.get("/metrics", { headers });
    expect(refused.status(), JSON.stringify(headers)).toBe(401);
    expect(refused.headers()["www-authenticate"]).toBe("Bearer");
  }

  const seeded = await seedMailFailures(testDb());
  await seedLoopFailure(seeded.address);
  const failedBefore = await countFailed();
  const retryingBefore = await testDb().outboxMessage.count({ where: { status: "queued", attempts: { gt: 0 } } });

  // A path holding an address and the health check, to be counted by the instance that then
  // answers /metrics. Behind the balancer (the PostgreSQL suite) each request may reach the
  // other instance, so they are sent again until one instance has answered all three.
  let samples: ReturnType<typeof parseMetrics> = [];
  const wrapBefore = await testDb().jobLease.findUniqueOrThrow({ where: { name: "wrap-legacy-hashes" }, select: { total: true } });
  await expect(async () => {
    expect((await request.get(`/${seeded.address}`)).status()).toBe(404);
    expect((await request.get("/healthz")).status()).toBe(200);
    const response = await request.get("/metrics", { headers: { Authorization: `Bearer ${token}` } });
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("text/plain");
    expect(response.headers()["cache-control"]).toBe("no-store");
    const body = await response.text();
    expect(body).not.toContain(seeded.address);
    expect(body).not.toContain(token);
    samples = parseMetrics(body);
    // This instance's requests, labelled from fixed lists.
    expect(sampleValue(samples, "madoguchi_http_requests_total", { method: "GET", status_class: "2xx", route: "healthz" })).toBeGreaterThanOrEqual(1);
    expect(sampleValue(samples, "madoguchi_http_requests_total", { method: "GET", status_class: "4xx", route: "other" })).toBeGreaterThanOrEqual(1);
  }).toPass({ timeout: 30_000 });
  expect(
    sampleValue(samples, "madoguchi_http_request_duration_seconds_count", { method: "GET", status_class: "2xx", route: "healthz" }),
  ).toBeGreaterThanOrEqual(1);
  const routes = new Set(samples.filter((sample) => sample.name === "madoguchi_http_requests_total").map((sample) => sample.labels.route));
  for (const route of routes)
    expect([
      "/",
      "check",
      "inquiries",
      "my",
      "signin",
      "notices",
      "deletion-requests",
      "staff",
      "build",
      "assets",
      "healthz",
      "metrics",
      "dev",
      "other",
    ]).toContain(route);
  expect(sampleValue(samples, "madoguchi_process_cpu_user_seconds_total")).toBeGreaterThan(0);

  // Queue depths and job progress from the database, seeded rows included.
  const failed = sampleValue(samples, "madoguchi_outbox_messages", { status: "failed" })!;
  expect(failed).toBeGreaterThanOrEqual(Math.max(failedBefore, 1));
  expect(failed).toBeLessThanOrEqual(await countFailed());
  expect(sampleValue(samples, "madoguchi_outbox_messages", { status: "queued" })).toBeGreaterThanOrEqual(1);
  expect(sampleValue(samples, "madoguchi_outbox_retrying_messages")).toBeGreaterThanOrEqual(Math.max(retryingBefore, 1));
  expect(sampleValue(samples, "madoguchi_outbox_oldest_waiting_age_seconds")).toBeGreaterThanOrEqual(0);
  expect(sampleValue(samples, "madoguchi_check_requests_waiting")).toBeGreaterThanOrEqual(0);
  // Other tests move inquiries and requests along meanwhile: these are only checked to be there.
  for (const name of ["madoguchi_inquiries_open", "madoguchi_inquiries_overdue", "madoguchi_deletion_requests_open", "madoguchi_deletion_requests_overdue"]) {
    expect(sampleValue(samples, name), name).toBeGreaterThanOrEqual(0);
  }
  for (const state of ["scheduled", "due", "executing"]) {
    expect(sampleValue(samples, "madoguchi_deletion_execution_requests", { state })).toBeGreaterThanOrEqual(0);
  }
  expect(sampleValue(samples, "madoguchi_deletion_webhook_pending")).toBeGreaterThanOrEqual(0);
  // The wrap job's last run, as the lease records it (another test's import may have started a
  // run since the scrape, so the scrape shows the run before this one or this one).
  const wrap = await testDb().jobLease.findUniqueOrThrow({ where: { name: "wrap-legacy-hashes" }, select: { total: true } });
  expect([wrapBefore.total, wrap.total]).toContain(sampleValue(samples, "madoguchi_job_total", { job: "wrap-legacy-hashes" }));
  expect(sampleValue(samples, "madoguchi_job_done", { job: "wrap-legacy-hashes" })).toBeGreaterThanOrEqual(0);
  expect(sampleValue(samples, "madoguchi_job_running", { job: "import" })).toBeGreaterThanOrEqual(0);
  expect(sampleValue(samples, "madoguchi_background_loop_failures", { loop: "deletion-webhook" })).toBeGreaterThanOrEqual(1);
  expect(sampleValue(samples, "madoguchi_background_loop_last_success_timestamp_seconds", { loop: "check-answers" })).toBeGreaterThan(Date.now() / 1000 - 3600);
});
