// Deletion requests end to end: a verified customer asks, withdraws and asks again; the
// privacy officer refuses on a ground the customer reads, or approves; the background job
// erases everything about the person in one go, keeps the tombstone, appends the manifest
// entry and posts it to a webhook (signed, retried until acknowledged); a re-import skips
// the person; and a job killed half way through a batch finishes it after a restart.
import { readFileSync, writeFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import type { Db } from "../../app/db/client.server";
import { isValidWebhookSignature } from "../../app/domain/deletions/manifest";
import { counterKey, DELETION_REQUEST_RULE, windowEnd } from "../../app/domain/rate-limit/rate-limit";
import { emailLookupHash, encryptField, parseKeyRing } from "../../app/utils/personal-data.server";
import { createAffectedCustomer, uniqueAddress, verifyCustomer } from "../support/customers";
import { PASSWORD_STATE, seedDeletionRequest, seedPersonalData, startWebhookReceiver, type ServerSecrets } from "../support/deletions";
import { afterWholeRuns, ownInstance } from "../support/background-runs";
import { linkIn, mailTo, waitForMail, waitForMailAbout } from "../support/mailbox";
import { OWN_SERVER } from "../support/tags";
import { freePort, startOwnServer, type OwnServer } from "../support/own-server";
import { secretsFileFor } from "../support/secrets-file";
import { uploadImportFile } from "../support/import-upload";
import { startSmtpReceiver } from "../support/smtp-receiver";
import { signInAs, testDb, testServerSecrets } from "../support/staff";

const MEMBERS = [{ group: "members", categories: ["email", "password-hash"] }];
const GROUND_LEGAL = "法令により保存が義務付けられている記録です（例：税法上の取引記録）";

async function auditActionsOf(db: Db, reference: string): Promise<string[]> {
  const entries = await db.auditEntry.findMany({ where: { targetId: reference }, orderBy: { sequence: "asc" }, select: { action: true } });
  return entries.map((entry) => entry.action);
}

const ASK = {
  ja: { confirm: "上記の内容を理解し、データの削除を請求します", submit: "削除を請求する", done: "ご請求を受け付けました。確認のメールをお送りしました。" },
  en: {
    confirm: "I have read the above and ask for my data to be deleted",
    submit: "Ask for deletion",
    done: "We received your request and sent you a confirmation by mail.",
  },
};

/** Asks from /my/deletion in `language` (the request's mails come in it); returns the reference. */
async function askForDeletion(page: Page, language: "ja" | "en" = "ja"): Promise<string> {
  await page.goto(`/my/deletion?lng=${language}`);
  await page.getByLabel(ASK[language].confirm).check();
  await page.getByRole("button", { name: ASK[language].submit }).click();
  await expect(page).toHaveURL(/\/deletion-requests\/DR-[0-9A-Z]{4}-[0-9A-Z]{4}/);
  await expect(page.getByRole("status")).toHaveText(ASK[language].done);
  return /DR-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(page.url())![0];
}

test("the mailed status link only reads: a withdrawal takes a fresh proof of the mailbox, and no key tells a request from none", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const email = uniqueAddress("deletion-link");
  const customer = await createAffectedCustomer(email, MEMBERS);
  const customerContext = await browser.newContext();
  await verifyCustomer(customerContext, customer.id);
  const reference = await askForDeletion(await customerContext.newPage());
  const link = linkIn(await waitForMail(email), `/deletion-requests/${reference}`);

  // Whoever holds the mail reads where the request stands, but can't stop it: no button, the
  // way to withdraw explained, and a post with the key refused.
  // An address of its own: the check below counts against its client's limit.
  const holderContext = await browser.newContext({
    extraHTTPHeaders: { "X-Forwarded-For": `172.31.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}` },
  });
  const holder = await holderContext.newPage();
  await holder.goto(link);
  await expect(holder.getByTestId("deletion-state")).toContainText("受付済み");
  await expect(holder.getByRole("button", { name: "請求を取り下げる" })).toHaveCount(0);
  await expect(holder.getByRole("heading", { name: "ご請求の取り下げ" })).toBeVisible();
  await expect(holder.getByRole("link", { name: "ご本人確認をする" })).toHaveAttribute("href", "/check");
  const key = new URL(link).searchParams.get("key")!;
  const forged = await holder.request.post(link, { form: { key }, headers: { Origin: baseURL! } });
  expect(forged.status()).toBe(403);
  expect(await forged.text()).toContain("取り下げるには、先にご本人確認をしてください。");
  // Nor can a session opened with the password, which proves nothing about the mailbox.
  const passwordContext = await browser.newContext();
  await verifyCustomer(passwordContext, customer.id, undefined, "password");
  const passwordPage = await passwordContext.newPage();
  await passwordPage.goto(`/deletion-requests/${reference}`);
  await expect(passwordPage.getByRole("button", { name: "請求を取り下げる" })).toHaveCount(0);
  const fromPassword = await passwordPage.request.post(`/deletion-requests/${reference}`, { form: {}, headers: { Origin: baseURL! } });
  expect(fromPassword.status()).toBe(403);
  expect((await testDb().deletionRequest.findUniqueOrThrow({ where: { reference }, select: { status: true } })).status).toBe("received");

  // A key of any length or alphabet (one "é" once answered 500) opens nothing, and reads
  // exactly as a reference that doesn't exist.
  const odd = `${"A".repeat(42)}é`;
  const answers = await Promise.all(
    [reference, "DR-ZZZZ-ZZZZ"].map(async (each) => {
      const response = await holder.request.get(`/deletion-requests/${each}?key=${encodeURIComponent(odd)}`);
      return { status: response.status(), heading: /<h1[^>]*>([^<]*)<\/h1>/.exec(await response.text())?.[1] };
    }),
  );
  expect(answers).toEqual([
    { status: 404, heading: "請求が見つかりません" },
    { status: 404, heading: "請求が見つかりません" },
  ]);

  // The customer proves the mailbox on this device, as the page says, and withdraws.
  await holder.goto("/check");
  await holder.getByLabel("メールアドレス", { exact: true }).fill(email);
  await holder.getByRole("button", { name: "確認結果をメールで受け取る" }).click();
  await holder.goto(linkIn(await waitForMail(email, { count: 2 }), "/check/open"));
  await holder.getByRole("button", { name: "確認する" }).click();
  await holder.getByRole("region", { name: "データ削除のご請求" }).getByRole("link", { name: reference }).click();
  await expect(holder.getByTestId("deletion-state")).toContainText("受付済み");
  await holder.getByRole("button", { name: "請求を取り下げる" }).click();
  await expect(holder.getByRole("status")).toHaveText("請求を取り下げました。");
  await expect(holder.getByTestId("deletion-state")).toContainText("取り下げ");
  expect(await auditActionsOf(testDb(), reference)).toEqual(["deletion.request", "deletion.cancel"]);
  await Promise.all([customerContext.close(), holderContext.close(), passwordContext.close()]);
});

test("a customer asks, withdraws and asks again; the privacy officer refuses on a ground the customer reads", async ({ browser }) => {
  test.setTimeout(90_000);
  const email = uniqueAddress("deletion-refused");
  const customer = await createAffectedCustomer(email, MEMBERS);
  const customerContext = await browser.newContext();
  await verifyCustomer(customerContext, customer.id);
  const page = await customerContext.newPage();

  // From their page, to the explanation: what goes, what stays and why.
  await page.goto("/my");
  await page.getByRole("link", { name: /データの削除を請求する/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("データの削除を請求する");
  await expect(page.getByRole("heading", { name: "削除するデータ" })).toBeVisible();
  await expect(page.getByText("お問い合わせのやり取り", { exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: "削除後も残るもの（とその理由）" })).toBeVisible();
  await expect(page.getByText("受付から30日以内に対応します。")).toBeVisible();

  // No ticked confirmation, no request.
  await page.getByRole("button", { name: "削除を請求する" }).click();
  await expect(page.getByText("削除を請求するには、内容を理解したことのチェックを入れてください。")).toBeVisible();
  expect(await testDb().deletionRequest.count({ where: { customerId: customer.id } })).toBe(0);

  const first = await askForDeletion(page);
  await expect(page.getByTestId("deletion-state")).toContainText("受付済み");
  const received = await waitForMail(email);
  expect(received.subject).toContain(`データ削除のご請求を受け付けました（${first}）`);
  expect(received.text).toMatch(/\d{4}年\d{1,2}月\d{1,2}日.* までに対応いたします。/);
  expect(linkIn(received, `/deletion-requests/${first}`)).toContain("key=");

  // Withdrawn while still waiting; the customer can ask again.
  await page.getByRole("button", { name: "請求を取り下げる" }).click();
  await expect(page.getByTestId("deletion-state")).toContainText("取り下げ");
  expect((await waitForMail(email, { count: 2 })).subject).toContain(`データ削除のご請求を取り下げました（${first}）`);
  await page.getByRole("link", { name: "改めて削除を請求する" }).click();
  await expect(page.getByRole("link", { name: first })).toBeVisible();
  const second = await askForDeletion(page);
  expect(second).not.toBe(first);
  // Asking again while one is open leads to it, not to a second request.
  await page.goto("/my/deletion");
  await expect(page).toHaveURL(new RegExp(`/deletion-requests/${second}$`));
  // Their page lists both requests where they stand, and offers no second one while this runs.
  await page.goto("/my");
  const requests = page.getByRole("region", { name: "データ削除のご請求" });
  await expect(requests.getByRole("row").filter({ hasText: second })).toContainText("受付済み");
  await expect(requests.getByRole("row").filter({ hasText: first })).toContainText("取り下げ");
  await expect(page.getByRole("link", { name: /データの削除を請求する/ })).toHaveCount(0);
  await requests.getByRole("link", { name: second }).click();
  await expect(page.getByTestId("deletion-state")).toContainText("受付済み");

  // The privacy officer's queue: the open request, 30 calendar days to go.
  const officerContext = await browser.newContext();
  await signInAs(officerContext, "privacy-officer", "削除 審査子");
  const officer = await officerContext.newPage();
  await officer.goto("/staff/deletions");
  const row = officer.getByRole("row").filter({ hasText: second });
  await expect(row).toContainText("受付済み");
  await expect(row).toContainText("残り30日");
  await expect(officer.getByRole("row").filter({ hasText: first })).toHaveCount(0);
  await row.getByRole("link", { name: second }).click();
  // Opening it starts the review, which the customer's pages show; no mail for a mere opening.
  await expect(officer.getByTestId("deletion-state")).toHaveText("確認中");
  await expect(officer.getByRole("table", { name: "ポータルが保有しているこの方のデータ" })).toContainText("漏えいした情報の記録");
  await page.goto("/my");
  await expect(page.getByRole("region", { name: "データ削除のご請求" }).getByRole("row").filter({ hasText: second })).toContainText("確認中");

  // A refusal needs a ground and both explanations; each missing one is said next to it.
  await officer.getByRole("button", { name: "お断りする" }).click();
  await expect(officer.getByText("理由を選んでください。")).toBeVisible();
  await expect(officer.getByText("日本語の説明を入力してください。")).toBeVisible();
  await expect(officer.getByText("英語の説明を入力してください。")).toBeVisible();
  const explanationJa = "ご購入の記録は<b>税法</b>により7年間保存します。\n会員情報の削除はご購入記録の保存期間後に行います。";
  await officer.getByLabel("理由", { exact: true }).selectOption({ label: GROUND_LEGAL });
  await officer.getByLabel("説明（日本語）").fill(explanationJa);
  await officer.getByLabel("説明（英語）").fill("Tax law requires us to keep purchase records for seven years.");
  await officer.getByRole("button", { name: "お断りする" }).click();
  await expect(officer.getByRole("status")).toHaveText("お断りしました。お客様にメールでお知らせしました。");
  await expect(officer.getByTestId("deletion-state")).toHaveText("お断り");

  // The customer reads the ground and the explanation, exactly as written, by mail and on the page.
  const refused = await waitForMail(email, { count: 4 });
  expect(refused.subject).toContain(`データ削除のご請求についてのご連絡（${second}）`);
  expect(refused.text).toContain(GROUND_LEGAL);
  expect(refused.text).toContain(explanationJa);
  await page.goto(`/deletion-requests/${second}`);
  await expect(page.getByTestId("deletion-state")).toContainText("お断り");
  await expect(page.getByText(GROUND_LEGAL)).toBeVisible();
  await expect(page.getByTestId("refusal-explanation")).toHaveText(explanationJa.replace("\n", " "));
  await expect(page.getByTestId("refusal-explanation").locator("b")).toHaveCount(0);

  // The mail's link opens the status page without a session; a wrong key opens nothing.
  const stranger = await browser.newContext();
  const strangerPage = await stranger.newPage();
  const link = linkIn(refused, `/deletion-requests/${second}`);
  await strangerPage.goto(link);
  await expect(strangerPage.getByTestId("deletion-state")).toContainText("お断り");
  await expect(strangerPage.getByRole("button", { name: "請求を取り下げる" })).toHaveCount(0);
  const wrong = await strangerPage.goto(link.replace(/key=[^&]+/, `key=${"A".repeat(43)}`));
  expect(wrong?.status()).toBe(404);
  await expect(strangerPage.getByRole("heading", { level: 1 })).toHaveText("請求が見つかりません");

  // Nothing was erased; every step is on record.
  expect(await testDb().customer.count({ where: { id: customer.id } })).toBe(1);
  expect(await auditActionsOf(testDb(), first)).toEqual(["deletion.request", "deletion.cancel"]);
  expect(await auditActionsOf(testDb(), second)).toEqual(expect.arrayContaining(["deletion.request", "deletion.review", "deletion.view", "deletion.refuse"]));
  // Received, withdrawn, received, refused: one mail for each step the customer took or was decided.
  expect(await mailTo(email)).toHaveLength(4);
  await Promise.all([customerContext.close(), officerContext.close(), stranger.close()]);
});

test("a customer past the day's limit of requests is told when to come back, in their language, and nothing is stored", async ({ browser }) => {
  const customer = await createAffectedCustomer(uniqueAddress("deletion-limit"), MEMBERS);
  // Five requests today already (each withdrawn): the counter as five would have left it.
  await testDb().rateLimitCounter.create({
    data: { key: counterKey(DELETION_REQUEST_RULE, customer.id), count: DELETION_REQUEST_RULE.limit, expiresAt: windowEnd(DELETION_REQUEST_RULE, new Date()) },
  });
  const context = await browser.newContext();
  await verifyCustomer(context, customer.id);
  const page = await context.newPage();
  await page.goto("/my/deletion?lng=en");
  await page.getByLabel(ASK.en.confirm).check();
  await page.getByRole("button", { name: ASK.en.submit }).click();
  await expect(page.getByRole("alert")).toContainText("You have made as many requests as we accept for now. Please try again after");
  await expect(page).toHaveURL(/\/my\/deletion/);
  expect(await testDb().deletionRequest.count({ where: { customerId: customer.id } })).toBe(0);
  await context.close();
});

test("approved with the grace period: the customer may still withdraw, then the job erases the person (on either database)", async ({ browser }) => {
  test.setTimeout(90_000);
  const db = testDb();
  const email = uniqueAddress("deletion-grace");
  const emailHash = emailLookupHash(email, testServerSecrets().LOOKUP_HASH_KEY);
  const customer = await createAffectedCustomer(email, MEMBERS, { password: PASSWORD_STATE });
  const seeded = await seedPersonalData(db, testServerSecrets(), customer.id, email);
  const customerContext = await browser.newContext();
  await verifyCustomer(customerContext, customer.id);
  const page = await customerContext.newPage();
  const reference = await askForDeletion(page);

  const officerContext = await browser.newContext();
  await signInAs(officerContext, "privacy-officer");
  const officer = await officerContext.newPage();
  await officer.goto(`/staff/deletions/${reference}`);
  await expect(officer.getByText("承認すると、24時間の猶予の後にこの方のデータを消去します。")).toBeVisible();
  await officer.getByRole("button", { name: "承認して消去を予定する" }).click();
  await expect(officer.getByTestId("deletion-state")).toHaveText("承認済み");

  // Approved, not yet carried out: the customer sees when, and may still withdraw.
  const approved = await waitForMailAbout(email, `データ削除のご請求を承認しました（${reference}）`);
  expect(approved.text).toMatch(/\d{1,2}月\d{1,2}日\(.\) \d{1,2}:\d{2} 以降に、お客様のデータを消去します。/);
  await page.reload();
  await expect(page.getByTestId("deletion-state")).toContainText("承認済み");
  await expect(page.getByText("消去予定")).toBeVisible();
  await expect(page.getByRole("button", { name: "請求を取り下げる" })).toBeVisible();
  // A whole round of the erasure job finds nothing due yet.
  await afterWholeRuns(["deletion-execution"]);
  expect(await db.customer.count({ where: { id: customer.id } })).toBe(1);

  // The grace period passes (moved, not waited for): the job erases within its 5 s round.
  await db.deletionRequest.update({ where: { reference }, data: { executeAfter: new Date(Date.now() - 1_000) } });
  await expect
    .poll(async () => (await db.deletionRequest.findUniqueOrThrow({ where: { reference }, select: { status: true } })).status, { timeout: 30_000 })
    .toBe("completed");
  await waitForMailAbout(email, `お客様のデータを消去しました（${reference}）`);
  expect(await db.customer.count({ where: { OR: [{ id: customer.id }, { emailHash }] } })).toBe(0);
  expect(await db.customerExposure.count({ where: { customerId: customer.id } })).toBe(0);
  expect(await db.customerSession.count({ where: { customerId: customer.id } })).toBe(0);
  expect(await db.inquiryMessage.count({ where: { inquiryId: seeded.inquiryId } })).toBe(0);
  expect(await db.outboxMessage.count({ where: { id: seeded.outboxId } })).toBe(0);
  expect(await db.checkRequest.count({ where: { emailHash } })).toBe(0);
  expect(await db.pendingInquiry.count({ where: { emailHash } })).toBe(0);
  const tombstone = await db.deletionRequest.findUniqueOrThrow({ where: { reference }, select: { id: true, emailHash: true, customerId: true } });
  expect(tombstone).toMatchObject({ emailHash, customerId: null });
  // No webhook is configured here: the entry waits in the manifest for the download.
  expect(await db.deletionManifestEntry.findUniqueOrThrow({ where: { requestId: tombstone.id }, select: { webhookStatus: true } })).toEqual({
    webhookStatus: "not-configured",
  });
  await page.goto("/my");
  await expect(page).toHaveURL(/\/check\/ended/);
  await Promise.all([customerContext.close(), officerContext.close()]);
});

test("a decision from a view another officer has since decided is refused, and the page shows the request as it stands", async ({ browser }) => {
  const customer = await createAffectedCustomer(uniqueAddress("deletion-stale"), MEMBERS);
  const reference = await seedDeletionRequest(testDb(), customer.id);
  const [first, second] = await Promise.all([browser.newContext(), browser.newContext()]);
  await signInAs(first, "privacy-officer", "一人目");
  await signInAs(second, "privacy-officer", "二人目");
  const [firstPage, secondPage] = await Promise.all([first.newPage(), second.newPage()]);
  await firstPage.goto(`/staff/deletions/${reference}`);
  await expect(firstPage.getByTestId("deletion-state")).toHaveText("確認中");
  await secondPage.goto(`/staff/deletions/${reference}`);
  await secondPage.getByRole("button", { name: "承認して消去を予定する" }).click();
  await expect(secondPage.getByTestId("deletion-state")).toHaveText("承認済み");

  // The first officer refuses on the view from before the approval: refused, nothing changed.
  await firstPage.getByLabel("理由", { exact: true }).selectOption({ label: GROUND_LEGAL });
  await firstPage.getByLabel("説明（日本語）").fill("保存義務があります。");
  await firstPage.getByLabel("説明（英語）").fill("We must keep the records.");
  await firstPage.getByRole("button", { name: "お断りする" }).click();
  await expect(firstPage.getByRole("alert")).toHaveText("このページを開いた後に請求が更新されました。内容を確認してから、もう一度判断してください。");
  await expect(firstPage.getByTestId("deletion-state")).toHaveText("承認済み");
  await expect(firstPage.getByRole("button", { name: "お断りする" })).toHaveCount(0);
  expect(await testDb().deletionRequest.findUniqueOrThrow({ where: { reference }, select: { status: true, groundKey: true } })).toEqual({
    status: "approved",
    groundKey: null,
  });
  expect((await auditActionsOf(testDb(), reference)).filter((action) => action !== "deletion.view")).toEqual(["deletion.review", "deletion.approve"]);
  await Promise.all([first.close(), second.close()]);
});

test.describe("erasure (own server, mail receiver and webhook receiver)", OWN_SERVER, () => {
  test("approved: everything about the person is erased, the tombstone, manifest and signed webhook remain, and a re-import skips them", async ({
    browser,
  }, testInfo) => {
    test.setTimeout(180_000);
    const webhookSecret = "whsec-e2e-Kq8Zr3Vt6Yb1Nm4Lp7Hs0Dw2Fx5Gc9J";
    const webhook = await startWebhookReceiver(1);
    const smtpPort = await freePort();
    const server = await startOwnServer({
      E2E_SMTP_PORT: String(smtpPort),
      DELETION_WEBHOOK_URL: webhook.url,
      DELETION_WEBHOOK_SECRET: webhookSecret,
      DELETION_WEBHOOK_RETRY_BASE_SECONDS: "1",
    });
    const dir = `data/mail-own-${server.port}`;
    const receiver = await startSmtpReceiver(smtpPort, dir);
    try {
      const db = server.db;
      const secrets = JSON.parse(readFileSync(secretsFileFor(server.port), "utf8")) as ServerSecrets;
      const email = uniqueAddress("deletion-erased");
      const emailHash = emailLookupHash(email, secrets.LOOKUP_HASH_KEY);
      const customer = await createAffectedCustomer(
        email,
        [
          { group: "members", categories: ["email", "password-hash"] },
          { group: "inquirers", categories: ["email", "inquiry-content"], periodFrom: "2026-06-13", periodUntil: "2026-06-27" },
        ],
        { db, secrets, password: PASSWORD_STATE },
      );
      const { externalId } = await db.customer.findUniqueOrThrow({ where: { id: customer.id }, select: { externalId: true } });
      const seeded = await seedPersonalData(db, secrets, customer.id, email);

      // The privacy officer sets no grace period (a bad value first is refused with its message).
      const officerContext = await browser.newContext({ baseURL: server.url });
      await signInAs(officerContext, "privacy-officer", "削除 審査子", server);
      const officer = await officerContext.newPage();
      await officer.goto("/staff/deletions/settings");
      await officer.getByLabel("承認から消去までの猶予（時間）").fill("-1");
      await officer.getByRole("button", { name: "保存する" }).click();
      await expect(officer.getByText("0〜720の整数で入力してください。")).toBeVisible();
      await officer.getByLabel("承認から消去までの猶予（時間）").fill("0");
      await officer.getByRole("button", { name: "保存する" }).click();
      await expect(officer.getByRole("status")).toHaveText("設定を保存しました。");

      // ...and keeps the list of refusal grounds: one added (both languages needed), then retired.
      await officer.getByLabel("理由（日本語）").fill("裁判所の命令により保存しています");
      await officer.getByRole("button", { name: "追加する" }).click();
      await expect(officer.getByText("理由を入力してください。")).toBeVisible();
      await officer.getByLabel("理由（英語）").fill("A court order requires us to keep it");
      await officer.getByRole("button", { name: "追加する" }).click();
      await expect(officer.getByRole("status")).toHaveText("理由を追加しました。");
      const added = officer.getByRole("listitem").filter({ hasText: "裁判所の命令により保存しています" });
      await expect(added).toContainText("A court order requires us to keep it");
      await added.getByRole("button", { name: /外す/ }).click();
      await expect(officer.getByRole("status")).toHaveText("理由を外しました。");
      await expect(officer.getByRole("listitem").filter({ hasText: "裁判所の命令により保存しています" })).toHaveCount(0);
      expect(await db.deletionRefusalGround.count({ where: { retiredAt: null } })).toBe(4);
      expect(await db.auditEntry.count({ where: { action: { in: ["deletion.settings", "deletion.ground.add", "deletion.ground.retire"] } } })).toBe(3);

      const customerContext = await browser.newContext({ baseURL: server.url });
      await verifyCustomer(customerContext, customer.id, server);
      const page = await customerContext.newPage();
      // This customer reads English: every mail about the request comes in English.
      const reference = await askForDeletion(page, "en");

      await officer.goto(`/staff/deletions/${reference}`);
      await expect(officer.getByTestId("deletion-state")).toHaveText("確認中");
      const held = officer.getByRole("table", { name: "ポータルが保有しているこの方のデータ" });
      await expect(held.getByRole("row", { name: /お問い合わせのやり取り/ })).toContainText("3");
      await expect(held.getByRole("row", { name: /未送信のメール/ })).toContainText("1");
      await officer.getByRole("button", { name: "承認して消去を予定する" }).click();
      await expect(officer.getByRole("status")).toHaveText("承認しました。お客様にメールでお知らせしました。");

      // The background job erases within seconds; the customer is told, their session is gone.
      await expect
        .poll(async () => (await db.deletionRequest.findUniqueOrThrow({ where: { reference }, select: { status: true } })).status, { timeout: 30_000 })
        .toBe("completed");
      expect((await waitForMailAbout(email, `Your deletion request was approved (${reference})`, { dir })).text).toContain("Your data will be erased after");
      const completed = await waitForMailAbout(email, `Your data has been erased (${reference})`, { dir });
      expect(completed.text).toContain("Inquiry messages");
      expect(completed.text).not.toMatch(/[ぁ-んァ-ン]{3}/);
      await page.goto("/my");
      await expect(page).toHaveURL(/\/check\/ended/);

      // Gone from every table that held it.
      expect(await db.customer.count({ where: { OR: [{ id: customer.id }, { emailHash }] } })).toBe(0);
      expect(await db.customerExposure.count({ where: { customerId: customer.id } })).toBe(0);
      expect(await db.customerSession.count({ where: { customerId: customer.id } })).toBe(0);
      expect(await db.checkLink.count({ where: { customerId: customer.id } })).toBe(0);
      expect(await db.checkRequest.count({ where: { emailHash } })).toBe(0);
      expect(await db.pendingInquiry.count({ where: { emailHash } })).toBe(0);
      expect(await db.outboxMessage.count({ where: { OR: [{ customerId: customer.id }, { recipientHash: emailHash }] } })).toBe(0);
      expect(await db.outboxMessage.count({ where: { id: seeded.outboxId } })).toBe(0);
      expect(await db.inquiryMessage.count({ where: { inquiryId: seeded.inquiryId } })).toBe(0);
      expect(await db.inquiryLink.count({ where: { inquiryId: seeded.inquiryId } })).toBe(0);
      expect(await db.inquiry.findUniqueOrThrow({ where: { id: seeded.inquiryId } })).toMatchObject({
        customerId: null,
        emailHash: "erased",
        emailCiphertext: null,
        nameCiphertext: null,
        phoneCiphertext: null,
        status: "closed",
        erasedAt: expect.any(Date),
      });
      // No table holds the address, sealed or hashed, except the tombstone's keyed hash.
      const tables = ["Customer", "Inquiry", "OutboxMessage", "CheckRequest", "PendingInquiry", "AuditEntry"];
      for (const table of tables) {
        const rows = await db.$queryRawUnsafe<Array<Record<string, unknown>>>(`SELECT * FROM "${table}"`);
        expect(JSON.stringify(rows), table).not.toContain(emailHash);
        expect(JSON.stringify(rows), table).not.toContain(email);
      }

      // The tombstone: no contact detail, the keyed hash, the dates, the decision and who took it.
      const tombstone = await db.deletionRequest.findUniqueOrThrow({ where: { reference }, include: { decidedBy: { select: { displayName: true } } } });
      expect(tombstone).toMatchObject({ customerId: null, openKey: null, emailHash, externalId, status: "completed" });
      expect(tombstone.decidedBy?.displayName).toBe("削除 審査子");
      expect(JSON.parse(tombstone.erased!)).toEqual({
        "email-address": 1,
        "exposure-records": 2,
        "password-data": 1,
        "inquiry-contact-details": 1,
        "inquiry-messages": 3,
        sessions: 1,
        "unsent-mail": 1,
        "pending-requests": 2,
      });

      // The manifest entry, posted once refused (500) and again until acknowledged, signed.
      await expect.poll(() => webhook.calls.length, { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
      expect(webhook.calls.map((call) => call.answered).slice(0, 2)).toEqual([500, 204]);
      const entry = JSON.parse(webhook.calls[1]!.body) as Record<string, unknown>;
      expect(entry).toMatchObject({ sequence: 1, requestId: tombstone.id, reference, externalId, erased: JSON.parse(tombstone.erased!) });
      for (const call of webhook.calls) {
        expect(call.body).toBe(webhook.calls[0]!.body);
        expect(call.headers["x-madoguchi-delivery"]).toBe(tombstone.id);
        const signature = String(call.headers["x-madoguchi-signature"]);
        expect(isValidWebhookSignature(webhookSecret, String(call.headers["x-madoguchi-timestamp"]), call.body, signature)).toBe(true);
        expect(isValidWebhookSignature("another-secret-another-secret-12", String(call.headers["x-madoguchi-timestamp"]), call.body, signature)).toBe(false);
      }
      await expect.poll(async () => (await db.deletionManifestEntry.findFirstOrThrow({ select: { webhookStatus: true } })).webhookStatus).toBe("delivered");
      // Acknowledged, it is not posted again in the next round.
      await afterWholeRuns(["deletion-webhook"], [ownInstance(server.port)]);
      expect(webhook.calls).toHaveLength(2);

      // The customer's mail link shows the completed request and what went.
      const viaMail = await (await browser.newContext()).newPage();
      await viaMail.goto(linkIn(completed, `/deletion-requests/${reference}`));
      await expect(viaMail.getByTestId("deletion-state")).toContainText("Completed");
      await expect(viaMail.getByRole("table", { name: "What we erased" })).toContainText("Record of what leaked");

      // The officer sees the same, and downloads the manifest in both formats.
      await officer.goto(`/staff/deletions/${reference}`);
      await expect(officer.getByTestId("deletion-state")).toHaveText("消去完了");
      await expect(officer.getByTestId("webhook-state")).toContainText("Webhook 送信済み");
      const jsonl = await officer.request.get("/staff/deletions/manifest?format=jsonl");
      expect(jsonl.headers()["content-type"]).toContain("application/jsonl");
      expect(
        (await jsonl.text())
          .trim()
          .split("\n")
          .map((line) => JSON.parse(line)),
      ).toEqual([entry]);
      const csv = (await (await officer.request.get("/staff/deletions/manifest?format=csv")).text()).split("\r\n");
      expect(csv[0]).toMatch(/^sequence,requestId,reference,externalId,/);
      expect(csv[1]).toContain(`1,${tombstone.id},${reference},${externalId},`);
      expect(await db.auditEntry.count({ where: { action: "deletion.manifest-export" } })).toBe(2);

      // An agent opening the erased inquiry finds its skeleton only.
      const agentContext = await browser.newContext({ baseURL: server.url });
      await signInAs(agentContext, "agent", undefined, server);
      const agent = await agentContext.newPage();
      await agent.goto(`/staff/inquiries/${seeded.inquiryReference}`);
      await expect(agent.getByText(/この送信者のデータは、ご本人の削除請求により .* に消去されました。/)).toBeVisible();
      await expect(agent.getByRole("heading", { name: "返信" })).toHaveCount(0);
      // ...with no contact details, and no claim that the address was never in the records.
      await expect(agent.getByText("このメールアドレスは漏えいした記録に含まれていません。")).toHaveCount(0);
      await expect(agent.getByRole("region", { name: "お客様の連絡先" }).getByRole("term")).toHaveCount(0);

      // A re-import of the company's file brings everyone back but them.
      const file = testInfo.outputPath("reimport.csv");
      const fresh = uniqueAddress("deletion-fresh");
      writeFileSync(
        file,
        [
          "external_id,email,name,registered_on,group,categories,period_from,period_until,legacy_hash,legacy_hash_algorithm",
          `${externalId}-new,${email.toUpperCase()},削除 希望子,,members,email,,,,`,
          `fresh-${Date.now()},${fresh},,,members,email,,,,`,
        ].join("\n") + "\n",
      );
      await uploadImportFile(officer, file);
      await expect(officer.getByTestId("import-status")).toHaveText("完了", { timeout: 30_000 });
      await expect(officer.getByTestId("import-skipped")).toContainText("1 行は、その方々のデータが削除請求により消去済みのため");
      await expect(officer.getByTestId("import-issues")).toContainText("2");
      expect(await db.customer.count({ where: { emailHash } })).toBe(0);
      expect(await db.customer.count({ where: { emailHash: emailLookupHash(fresh, secrets.LOOKUP_HASH_KEY) } })).toBe(1);

      expect(await auditActionsOf(db, reference)).toEqual(
        expect.arrayContaining(["deletion.request", "deletion.review", "deletion.approve", "deletion.execution-start", "deletion.execute"]),
      );
      await Promise.all([officerContext.close(), customerContext.close(), agentContext.close(), viaMail.context().close()]);
    } finally {
      await receiver.stop();
      await webhook.stop();
      await server.stop();
    }
  });

  test("the execution job killed half way through a batch: nobody is half-erased, and after a restart everyone is erased exactly once", async () => {
    test.setTimeout(240_000);
    const server = await startOwnServer({ E2E_SMTP_PORT: "off" });
    try {
      const db = server.db;
      const secrets = JSON.parse(readFileSync(secretsFileFor(server.port), "utf8")) as ServerSecrets;
      const people = await seedApprovedRequests(server, secrets, 300);
      const completed = () => db.deletionRequest.count({ where: { status: "completed" } });

      // Due all at once; kill the server (SIGKILL) once the job is well under way.
      await db.deletionRequest.updateMany({ data: { executeAfter: new Date() } });
      await expect.poll(completed, { timeout: 60_000, intervals: [20] }).toBeGreaterThanOrEqual(20);
      await server.kill();
      const done = await completed();
      expect(done).toBeGreaterThan(0);
      expect(done).toBeLessThan(people.length);

      // At the moment of the kill, each person is either wholly erased or wholly there.
      const states = await db.deletionRequest.findMany({ select: { id: true, status: true } });
      const statusOf = new Map(states.map((state) => [state.id, state.status]));
      for (const person of people) {
        const held = await holdingsOf(server, person);
        if (statusOf.get(person.requestId) === "completed")
          expect(held, person.email).toEqual({ customer: 0, exposures: 0, messages: 0, sessions: 0, unsent: 0 });
        else expect(held, person.email).toEqual({ customer: 1, exposures: 1, messages: 2, sessions: 1, unsent: 1 });
      }

      // Restarted, the job takes the interrupted request over once its claim runs out, and finishes.
      await server.restart();
      await expect.poll(completed, { timeout: 90_000 }).toBe(people.length);
      for (const person of people) {
        expect(await holdingsOf(server, person)).toEqual({ customer: 0, exposures: 0, messages: 0, sessions: 0, unsent: 0 });
      }
      // Exactly once: one manifest entry, one erasure on record, one completion mail each.
      const entries = await db.deletionManifestEntry.findMany({ select: { requestId: true, sequence: true } });
      expect(new Set(entries.map((entry) => entry.requestId)).size).toBe(people.length);
      expect(entries).toHaveLength(people.length);
      expect(await db.auditEntry.count({ where: { action: "deletion.execute" } })).toBe(people.length);
      expect(await db.outboxMessage.count({ where: { template: "deletion-completed" } })).toBe(people.length);
    } finally {
      await server.stop();
    }
  });
});

interface SeededPerson {
  email: string;
  customerId: string;
  inquiryId: string;
  requestId: string;
}

/** Many approved requests (not yet due), each person with an exposure, an inquiry of two messages, a session and a queued mail. */
async function seedApprovedRequests(server: OwnServer, secrets: ServerSecrets, count: number): Promise<SeededPerson[]> {
  const db = server.db;
  const ring = parseKeyRing(secrets.DATA_ENCRYPTION_KEYS);
  const group = await db.affectedGroup.findFirstOrThrow({ where: { key: "members" }, select: { id: true } });
  const officer = await db.staffMember.create({
    data: { email: `officer-${server.port}@staff.example.com`, displayName: "Officer", role: "privacy-officer", status: "active" },
    select: { id: true },
  });
  const stamp = Date.now().toString(36);
  const people: SeededPerson[] = Array.from({ length: count }, (_, index) => ({
    email: `kill-${stamp}-${index}@example.org`,
    customerId: `ckill${stamp}${String(index).padStart(6, "0")}`,
    inquiryId: `ikill${stamp}${String(index).padStart(6, "0")}`,
    requestId: `dkill${stamp}${String(index).padStart(6, "0")}`,
  }));
  const hash = (email: string) => emailLookupHash(email, secrets.LOOKUP_HASH_KEY);
  await db.customer.createMany({
    data: people.map((person, index) => ({
      id: person.customerId,
      externalId: `kill-${stamp}-${index}`,
      emailHash: hash(person.email),
      emailCiphertext: encryptField(person.email, ring),
      ...PASSWORD_STATE,
    })),
  });
  await db.customerExposure.createMany({ data: people.map((person) => ({ customerId: person.customerId, groupId: group.id })) });
  await db.inquiry.createMany({
    data: people.map((person, index) => ({
      id: person.inquiryId,
      reference: `MD-K${String(index).padStart(3, "0")}-${stamp.slice(-4).toUpperCase()}`,
      category: "deletion",
      language: "ja",
      status: "closed",
      customerId: person.customerId,
      emailHash: hash(person.email),
      emailCiphertext: encryptField(person.email, ring),
      contactBy: "email",
    })),
  });
  await db.inquiryMessage.createMany({
    data: people.flatMap((person) =>
      ["customer", "reply"].map((kind) => ({ inquiryId: person.inquiryId, kind, bodyCiphertext: encryptField(`${kind} of ${person.email}`, ring) })),
    ),
  });
  await db.customerSession.createMany({
    data: people.map((person) => ({
      idHash: `kill-session-${person.customerId}`,
      customerId: person.customerId,
      clientHash: "e2e",
      expiresAt: new Date(Date.now() + 3600_000),
    })),
  });
  await db.outboxMessage.createMany({
    data: people.map((person) => ({
      template: "inquiry-reply",
      customerId: person.customerId,
      recipientHash: hash(person.email),
      payload: encryptField(JSON.stringify({ to: person.email, subject: "queued", text: "queued", html: "" }), ring),
      nextAttemptAt: new Date(Date.now() + 7 * 86_400_000),
    })),
  });
  const now = new Date();
  await db.deletionRequest.createMany({
    data: people.map((person, index) => ({
      id: person.requestId,
      reference: `DR-K${String(index).padStart(3, "0")}-${stamp.slice(-4).toUpperCase()}`,
      customerId: person.customerId,
      openKey: person.customerId,
      emailHash: hash(person.email),
      externalId: `kill-${stamp}-${index}`,
      language: "ja",
      status: "approved",
      receivedAt: now,
      dueAt: new Date(now.getTime() + 30 * 86_400_000),
      decidedAt: now,
      decidedById: officer.id,
      executeAfter: new Date(now.getTime() + 86_400_000),
    })),
  });
  return people;
}

async function holdingsOf(server: OwnServer, person: SeededPerson) {
  const db = server.db;
  const [customer, exposures, messages, sessions, unsent] = await Promise.all([
    db.customer.count({ where: { id: person.customerId } }),
    db.customerExposure.count({ where: { customerId: person.customerId } }),
    db.inquiryMessage.count({ where: { inquiryId: person.inquiryId } }),
    db.customerSession.count({ where: { customerId: person.customerId } }),
    db.outboxMessage.count({ where: { customerId: person.customerId } }),
  ]);
  return { customer, exposures, messages, sessions, unsent };
}
