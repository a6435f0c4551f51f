// "Am I affected?" (/check): the answer only ever reaches the mailbox. Mail is read from
// a real SMTP receiver (tests/support/smtp-receiver.ts); customers with exposures of a
// known shape are written into the test server's database.
import { randomBytes } from "node:crypto";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { afterWholeRuns, ownInstance, sharedInstances } from "../support/background-runs";
import { mailTo, linkIn, waitForMail } from "../support/mailbox";
import { createAffectedCustomer, uniqueAddress } from "../support/customers";
import { PORT as MAIN_PORT } from "../../playwright.config";
import { OWN_SERVER } from "../support/tags";
import { startOwnServer } from "../support/own-server";
import { sendRaw } from "../support/raw-http";
import { waitForApp } from "../support/app-process";
import { startSecondInstance } from "../support/second-instance";
import { startSmtpReceiver } from "../support/smtp-receiver";
import { testDb } from "../support/staff";

// Each test poses as a client of its own, so the per-client limit of one test never
// reaches another's (the test server trusts one proxy hop).
test.use({ extraHTTPHeaders: { "X-Forwarded-For": `198.51.100.${1 + Math.floor(Math.random() * 250)}` } });

async function submitCheck(page: Page, email: string, lng: "ja" | "en" = "ja") {
  await page.goto(`/check?lng=${lng}`);
  await page.getByLabel(lng === "ja" ? "メールアドレス" : "Email address", { exact: true }).fill(email);
  await page.getByRole("button", { name: lng === "ja" ? "確認結果をメールで受け取る" : "Send me the answer by mail" }).click();
  await expect(page.getByRole("heading", { name: lng === "ja" ? "メールをご確認ください" : "Please check your mailbox" })).toBeVisible();
}

test("a known address gets a single-use link to exactly its exposure, in Japanese", async ({ page }) => {
  const email = uniqueAddress("known-ja");
  const customer = await createAffectedCustomer(email, [
    { group: "members", categories: ["email", "password-hash"] },
    { group: "inquirers", categories: ["inquiry-content"], periodFrom: "2026-06-13", periodUntil: "2026-06-27" },
  ]);
  await submitCheck(page, email);

  const mail = await waitForMail(email);
  expect(mail.subject).toBe("【株式会社サンプル雑貨】漏えいした情報のご確認");
  expect(mail.text).toContain("このリンクは");
  expect(mail.text).toContain("添付ファイルをお送りすることはありません");
  expect(mail.text).toContain("03-0000-0000");
  expect(mail.html).toContain("漏えいした情報を確認する");
  expect(mail.parsed.attachments).toHaveLength(0);

  await page.goto(linkIn(mail, "/check/open"));
  await page.getByRole("button", { name: "確認する" }).click();
  await expect(page).toHaveURL(/\/my$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("漏えいした情報と、お願いしたい対応");
  // The dashboard counts them as having checked from now on.
  const checked = await testDb().customer.findUniqueOrThrow({ where: { id: customer.id }, select: { firstCheckedAt: true } });
  expect(Date.now() - (checked.firstCheckedAt?.getTime() ?? 0)).toBeLessThan(60_000);

  const members = page.getByRole("region", { name: "オンラインショップ会員のお客様" });
  await expect(members.getByRole("rowheader")).toHaveText(["メールアドレス", "パスワード（暗号化された状態）"]);
  const inquirers = page.getByRole("region", { name: "お問い合わせフォームをご利用のお客様" });
  await expect(inquirers.getByRole("rowheader")).toHaveText(["お問い合わせの内容"]);
  await expect(inquirers).toContainText("対象期間: 2026年6月13日(土)〜2026年6月27日(土)");
  await expect(page.getByRole("heading", { name: "次にできること" })).toBeVisible();

  // Signing out ends the session: the page is gone without a new link.
  await page.getByRole("banner").getByRole("button", { name: "ログアウト" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("ログアウトしました");
  await page.goto("/my");
  await expect(page).toHaveURL(/\/check\/ended$/);
});

test("the mail and the exposure page come in English for an English visitor", async ({ page }) => {
  const email = uniqueAddress("known-en");
  await createAffectedCustomer(email, [{ group: "members", categories: ["name", "address", "phone"] }]);
  await submitCheck(page, email, "en");

  const mail = await waitForMail(email);
  expect(mail.subject).toBe("[Sample Zakka Co., Ltd.] What of your data was exposed");
  expect(mail.text).toContain("we never send attachments");
  await page.goto(linkIn(mail, "/check/open"));
  await page.getByRole("button", { name: "Show me" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("What of your data was exposed, and what to do");
  await expect(page.getByRole("region", { name: "Online shop members" }).getByRole("rowheader")).toHaveText(["Name", "Postal address", "Phone number"]);
});

test.describe("the check near the top of the notice, on a phone", () => {
  test.use({ viewport: { width: 375, height: 812 } });

  for (const { lng, path, heading, label, button, sent, subject } of [
    {
      lng: "ja",
      path: "/",
      heading: "あなたの情報は漏えいしましたか",
      label: "メールアドレス",
      button: "確認結果をメールで受け取る",
      sent: "メールをご確認ください",
      subject: "【株式会社サンプル雑貨】漏えいした情報のご確認",
    },
    {
      lng: "en",
      path: "/notices/1",
      heading: "Was your data exposed?",
      label: "Email address",
      button: "Send me the answer by mail",
      sent: "Please check your mailbox",
      subject: "[Sample Zakka Co., Ltd.] What of your data was exposed",
    },
  ] as const) {
    test(`an address typed into the notice (${path}, ${lng}) gets /check's answer and the mail`, async ({ page }) => {
      const email = uniqueAddress(`notice-box-${lng}`);
      await createAffectedCustomer(email, [{ group: "members", categories: ["email"] }]);
      await page.goto(`${path}?lng=${lng}`);
      const box = page.getByRole("region", { name: heading });
      // On the first screen of a small phone, under the notice's title.
      await expect(box.getByRole("heading", { name: heading })).toBeInViewport();
      const title = await page.getByRole("heading", { level: 1 }).boundingBox();
      expect((await box.boundingBox())!.y).toBeGreaterThan(title!.y);

      await box.getByLabel(label, { exact: true }).fill(email);
      await box.getByRole("button", { name: button }).click();
      await expect(page).toHaveURL(/\/check$/);
      await expect(page.getByRole("heading", { name: sent })).toBeVisible();
      await expect(page.locator("body")).not.toContainText(email);
      expect((await waitForMail(email)).subject).toBe(subject);
    });
  }

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("the notice's form posts to /check all the same", async ({ page }) => {
      const email = uniqueAddress("notice-box-nojs");
      await page.goto("/?lng=ja");
      const box = page.getByRole("region", { name: "あなたの情報は漏えいしましたか" });
      await box.getByLabel("メールアドレス", { exact: true }).fill(email);
      await box.getByRole("button", { name: "確認結果をメールで受け取る" }).click();
      await expect(page).toHaveURL(/\/check$/);
      await expect(page.getByRole("heading", { name: "メールをご確認ください" })).toBeVisible();
      expect((await waitForMail(email)).subject).toBe("【株式会社サンプル雑貨】影響の確認の結果");
    });
  });
});

test("an unknown address gets a 'no record' mail with no link to anyone's data", async ({ page }) => {
  const email = uniqueAddress("unknown");
  await submitCheck(page, email);
  const mail = await waitForMail(email);
  expect(mail.subject).toBe("【株式会社サンプル雑貨】影響の確認の結果");
  expect(mail.text).toContain("このメールアドレスに一致する記録は、今回漏えいした情報の中にありませんでした。");
  expect(mail.text).not.toContain("/check/open");
  expect(mail.text).toContain("03-0000-0000");
});

/** A form post as a browser without JavaScript sends it; the body with its nonces blanked. */
async function postCheck(request: APIRequestContext, baseURL: string, form: Record<string, string>) {
  const response = await request.post("/check?lng=ja", { form, headers: { Origin: baseURL }, maxRedirects: 0 });
  const body = (await response.text()).replace(/nonce="[^"]*"/g, 'nonce=""');
  return { status: response.status(), body };
}

test("the page answers a known and an unknown address identically", async ({ request, baseURL }) => {
  const known = uniqueAddress("same-known");
  await createAffectedCustomer(known, [{ group: "members", categories: ["email"] }]);
  const unknown = uniqueAddress("same-unknown");

  const a = await postCheck(request, baseURL!, { email: known });
  const b = await postCheck(request, baseURL!, { email: unknown });
  expect(a.status).toBe(200);
  expect(b.status).toBe(a.status);
  expect(b.body).toBe(a.body);
  expect(a.body).not.toContain(known);
  // And yet each mailbox got its own answer.
  expect((await waitForMail(known)).text).toContain("/check/open");
  expect((await waitForMail(unknown)).text).not.toContain("/check/open");
});

test("used, expired and altered links get a clear page offering a new link", async ({ page }) => {
  const email = uniqueAddress("links");
  const customer = await createAffectedCustomer(email, [{ group: "members", categories: ["email"] }]);
  await submitCheck(page, email);
  const link = linkIn(await waitForMail(email), "/check/open");

  // Altered: one character of the token changed.
  const altered = link.replace(/token=(.)/, (_, first: string) => `token=${first === "A" ? "B" : "A"}`);
  await page.goto(altered);
  await expect(page.getByRole("alert")).toHaveText("このリンクは正しくありません。メールのリンクが途中で切れていないかご確認ください。");
  await expect(page.getByRole("link", { name: "新しいリンクを受け取る" })).toHaveAttribute("href", "/check");

  // Used: works once, then says so (in a browser still signed in it leads to /my: signed-in.spec.ts).
  await page.goto(link);
  await page.getByRole("button", { name: "確認する" }).click();
  await expect(page).toHaveURL(/\/my$/);
  await page.getByRole("banner").getByRole("button", { name: "ログアウト" }).click();
  await expect(page).toHaveURL(/\/signout$/);
  await page.goto(link);
  await expect(page.getByRole("alert")).toHaveText("このリンクはすでに使われています。リンクは1回だけ使えます。");

  // Expired: a second link whose 30 minutes have passed.
  await submitCheck(page, email);
  const second = linkIn(await waitForMail(email, { count: 2 }), "/check/open");
  await testDb().checkLink.updateMany({ where: { customerId: customer.id, usedAt: null }, data: { expiresAt: new Date(Date.now() - 1000) } });
  await page.goto(second);
  await expect(page.getByRole("alert")).toHaveText("このリンクは有効期限（30分）が切れています。");
  await expect(page.getByRole("button", { name: "確認する" })).toHaveCount(0);
});

test("checks are limited per address and per client, with a clear message", async ({ page, request, baseURL }) => {
  const email = uniqueAddress("limited");
  for (let n = 0; n < 5; n++) expect((await postCheck(request, baseURL!, { email })).body).toContain("メールをご確認ください");
  await page.goto("/check");
  await page.getByLabel("メールアドレス", { exact: true }).fill(email);
  await page.getByRole("button", { name: "確認結果をメールで受け取る" }).click();
  await expect(page.getByRole("alert")).toContainText("確認のお申し込みが多すぎます。");

  // One client trying many addresses is stopped too.
  const client = { "X-Forwarded-For": `203.0.113.${1 + Math.floor(Math.random() * 250)}` };
  const statuses: boolean[] = [];
  for (let n = 0; n < 31; n++) {
    const response = await request.post("/check", { form: { email: uniqueAddress("sweep") }, headers: { Origin: baseURL!, ...client } });
    statuses.push((await response.text()).includes("確認のお申し込みが多すぎます"));
  }
  expect(statuses.slice(0, 30).every((limited) => !limited)).toBe(true);
  expect(statuses[30]).toBe(true);
});

test("a filled honeypot gets the same page and no mail", async ({ request, baseURL }) => {
  const botAddress = uniqueAddress("bot");
  const personAddress = uniqueAddress("person");
  const bot = await postCheck(request, baseURL!, { email: botAddress, website: "https://spam.example" });
  const person = await postCheck(request, baseURL!, { email: personAddress });
  expect(bot.body).toBe(person.body);
  // The person's mail arrives; had the bot's check been taken, it would be answered and sent by now.
  await waitForMail(personAddress);
  await afterWholeRuns(["check-answers"]);
  await afterWholeRuns(["outbox"]);
  expect(await mailTo(botAddress)).toHaveLength(0);
});

test("an invalid address is refused with a message in the visitor's language", async ({ page, request, baseURL }) => {
  await page.goto("/check?lng=en");
  await page.getByLabel("Email address", { exact: true }).fill("not-an-address");
  await page.getByRole("button", { name: "Send me the answer by mail" }).click();
  await expect(page.getByText("This is not an email address: it has no “@” (for example hanako@example.com).")).toBeVisible();

  // The server says the same to a client that skips the browser's checks.
  const response = await request.post("/check?lng=ja", { form: { email: "<script>@" }, headers: { Origin: baseURL! } });
  expect(response.status()).toBe(200);
  expect(await response.text()).toContain("メールアドレスの形式が正しくありません");
  const empty = await request.post("/check?lng=ja", { form: {}, headers: { Origin: baseURL! } });
  expect(await empty.text()).toContain("メールアドレスを入力してください。");
});

test("the development mailbox doesn't exist on a portal that sends mail", async ({ request }) => {
  expect((await request.get("/dev/mailbox")).status()).toBe(404);
});

test("two app instances share the answering and sending without doing any of it twice", async ({ request }) => {
  test.setTimeout(90_000);
  const second = startSecondInstance(MAIN_PORT + 4);
  try {
    await waitForApp(second, 45_000);
    const addresses = Array.from({ length: 12 }, (_, n) => uniqueAddress(`pair${n}`));
    await Promise.all(
      addresses.map(async (email, n) => {
        if (n % 2 === 0) await createAffectedCustomer(email, [{ group: "members", categories: ["email"] }]);
        const base = n % 3 === 0 ? second.url : `http://127.0.0.1:${MAIN_PORT}`;
        const response = await request.post(`${base}/check`, { form: { email }, headers: { Origin: base } });
        expect(response.status()).toBe(200);
      }),
    );
    for (const email of addresses) await waitForMail(email);
    // Both instances answer and send once more, so any duplicate would have arrived; then
    // exactly one mail each, and one link per known address.
    const instances = sharedInstances(second.url);
    await afterWholeRuns(["check-answers"], instances);
    await afterWholeRuns(["outbox"], instances);
    for (const [n, email] of addresses.entries()) {
      const mails = await mailTo(email);
      expect(mails, email).toHaveLength(1);
      expect(mails[0]!.text.includes("/check/open"), email).toBe(n % 2 === 0);
    }
  } finally {
    second.child.kill("SIGTERM");
    await second.exited;
  }
});

test.describe("mail when the mail server is away (own server and receiver)", OWN_SERVER, () => {
  test("the SMTP server down, then up: the mail is delivered exactly once", async ({ browser }) => {
    test.setTimeout(120_000);
    const smtpPort = 20_000 + Math.floor(Math.random() * 20_000);
    const server = await startOwnServer({ E2E_SMTP_PORT: String(smtpPort) });
    const dir = `data/mail-own-${server.port}`;
    try {
      const context = await browser.newContext({ baseURL: server.url, locale: "ja-JP" });
      const page = await context.newPage();
      const email = "customer007@example.com";
      await submitCheck(page, email);

      // Nothing listens: attempts fail and are recorded, the mail stays queued.
      await expect
        .poll(async () => server.db.outboxMessage.findFirst({ select: { status: true, attempts: true, lastError: true } }), { timeout: 30_000 })
        .toMatchObject({ status: "queued", attempts: expect.any(Number), lastError: expect.stringContaining("ECONNREFUSED") });

      const receiver = await startSmtpReceiver(smtpPort, dir);
      try {
        const mail = await waitForMail(email, { dir, timeout: 60_000 });
        expect(mail.subject).toContain("漏えいした情報のご確認");
        // A whole round of the sender after the delivery: a second one would have happened in it.
        await afterWholeRuns(["outbox"], [ownInstance(server.port)]);
        expect(await mailTo(email, dir)).toHaveLength(1);
        const row = await server.db.outboxMessage.findFirstOrThrow({ select: { status: true, payload: true, attempts: true } });
        expect(row).toMatchObject({ status: "sent", payload: null });
        expect(row.attempts).toBeGreaterThan(1);
      } finally {
        await receiver.stop();
      }
      await context.close();
    } finally {
      await server.stop();
    }
  });

  test("without SMTP_URL on a local portal, mail waits in the development mailbox, open only to this machine with its key", async ({ browser }) => {
    test.setTimeout(120_000);
    const key = randomBytes(32).toString("base64url");
    const server = await startOwnServer({ E2E_SMTP_PORT: "off", E2E_TRUST_PROXY_HOPS: "0", DEV_MAILBOX_KEY: key });
    try {
      // A person at this machine, through no proxy: none of the file's forwarded addresses.
      const context = await browser.newContext({ baseURL: server.url, locale: "ja-JP", extraHTTPHeaders: {} });
      const page = await context.newPage();
      await submitCheck(page, "customer012@example.com");
      await expect(async () => {
        await page.goto(`/dev/mailbox?key=${key}`);
        await expect(page.getByText("宛先: customer012@example.com")).toBeVisible({ timeout: 1_000 });
      }).toPass({ timeout: 30_000 });

      // The mail holds a live sign-in link: nobody else reads it. Not another Host (a proxy
      // on this machine forwarding the world's requests), nothing a proxy forwarded, not
      // without the key or with a wrong one, and not as the page's data either.
      const host = `Host: 127.0.0.1:${server.port}`;
      const refused: Array<[string, string[]]> = [
        ["another Host", [`GET /dev/mailbox?key=${key} HTTP/1.1`, "Host: evil.example"]],
        ["another Host, the data", [`GET /dev/mailbox.data?key=${key} HTTP/1.1`, "Host: evil.example"]],
        ["forwarded", [`GET /dev/mailbox?key=${key} HTTP/1.1`, host, "X-Forwarded-For: 203.0.113.9"]],
        ["forwarded by nginx", [`GET /dev/mailbox?key=${key} HTTP/1.1`, host, "X-Real-IP: 203.0.113.9"]],
        ["no key", ["GET /dev/mailbox HTTP/1.1", host]],
        ["no key, the data", ["GET /dev/mailbox.data HTTP/1.1", host]],
        ["a wrong key", [`GET /dev/mailbox?key=${"A".repeat(key.length)} HTTP/1.1`, host]],
        ["a key of another length and alphabet", [`GET /dev/mailbox?key=${encodeURIComponent(`${key.slice(1)}é`)} HTTP/1.1`, host]],
      ];
      for (const [label, head] of refused) {
        const answer = await sendRaw(server.port, head);
        expect(answer.status, label).toBe(404);
        expect(answer.body, label).not.toContain("/check/open");
      }
      const allowed = await sendRaw(server.port, [`GET /dev/mailbox.data?key=${key} HTTP/1.1`, host]);
      expect(allowed.status).toBe(200);
      expect(allowed.body).toContain("/check/open");

      await page.getByRole("link", { name: /\/check\/open/ }).click();
      await page.getByRole("button", { name: "確認する" }).click();
      // The demo's customers had a leaked password: what leaked, with a new password as the first step.
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("漏えいした情報と、お願いしたい対応");
      await page.getByRole("region", { name: "まず、新しいパスワードを設定してください" }).getByRole("link", { name: "新しいパスワードを設定する" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("新しいパスワードの設定");
      await page.getByLabel("新しいパスワード", { exact: true }).fill("港の見える丘の小さな窓口");
      await page.getByLabel("新しいパスワード（確認）").fill("港の見える丘の小さな窓口");
      await page.getByRole("button", { name: "新しいパスワードを設定する" }).click();
      // Two argon2id hashes and the guessability check: seconds when other suites load the cores.
      await expect(page.getByRole("region", { name: "お問い合わせフォームをご利用のお客様" })).toBeVisible({ timeout: 30_000 });
      expect(await server.db.outboxMessage.count({ where: { status: "sent" } })).toBe(0);
      expect(await server.db.outboxMessage.count({ where: { template: "password-changed" } })).toBe(1);
      await context.close();
    } finally {
      await server.stop();
    }
  });
});
