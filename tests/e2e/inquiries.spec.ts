// Inquiries, end to end: a visitor's inquiry waits for the mailbox confirmation, a verified
// customer's goes straight in, staff answer from the queue with templates, the customer
// follows the thread by mail link and replies. Mail is read from the real SMTP receiver.
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { addBusinessMinutes } from "../../app/domain/business-hours";
import { DEFAULT_SLA_TARGETS } from "../../app/domain/inquiries/sla";
import { emailLookupHash } from "../../app/utils/personal-data.server";
import { formatDateTime } from "../../app/utils/format";
import { PORT } from "../../playwright.config";
import { createAffectedCustomer, uniqueAddress, verifyCustomer } from "../support/customers";
import { channelHours } from "../support/inquiries";
import { linkIn, mailTo, waitForMail } from "../support/mailbox";
import { signInAs, testDb, testServerSecrets } from "../support/staff";

const ORIGIN = `http://127.0.0.1:${PORT}`;
const REFERENCE = /MD-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}/;

// Every test (and every extra browser) poses as a client of its own, so the per-client
// limit of one never reaches another (the test server trusts one proxy hop).
const randomClient = () => ({ "X-Forwarded-For": `203.0.113.${1 + Math.floor(Math.random() * 250)}` });
test.beforeEach(async ({ context }) => context.setExtraHTTPHeaders(randomClient()));

async function newBrowser(context: BrowserContext): Promise<Page> {
  const other = await context.browser()!.newContext({ locale: "ja-JP", timezoneId: "Asia/Tokyo", extraHTTPHeaders: randomClient() });
  return other.newPage();
}

async function inquiriesOf(email: string) {
  return testDb().inquiry.findMany({
    where: { emailHash: emailLookupHash(email, testServerSecrets().LOOKUP_HASH_KEY) },
    select: { id: true, reference: true, status: true, dueAt: true, dueKind: true, createdAt: true, customerId: true, category: true, assigneeId: true },
  });
}

async function fillInquiry(page: Page, fields: { category: string; message: string; email?: string; name?: string }) {
  await page.getByLabel(fields.category).check();
  await page.getByLabel("お問い合わせ内容").fill(fields.message);
  if (fields.name) await page.getByLabel("お名前（任意）").fill(fields.name);
  if (fields.email) await page.getByLabel("メールアドレス", { exact: true }).fill(fields.email);
}

test("a visitor's inquiry reaches the queue only after the mailbox confirms it, with a due time in business hours", async ({ page, context }) => {
  const email = uniqueAddress("visitor");
  await page.goto("/inquiries/new");
  await expect(page.getByText("ファイルの添付はできません。")).toBeVisible();
  await fillInquiry(page, { category: "被害を受けたかどうか", message: "私の情報は漏れていますか？\n二行目です。", email, name: "山田 花子" });
  await page.getByRole("button", { name: "送信する" }).click();
  await expect(page.getByRole("heading", { name: "確認のメールをお送りしました" })).toBeVisible();
  // Nothing reaches staff before the confirmation.
  expect(await inquiriesOf(email)).toHaveLength(0);

  const confirmation = await waitForMail(email);
  expect(confirmation.subject).toBe("【株式会社サンプル雑貨】お問い合わせの送信を確認してください");
  const confirmLink = linkIn(confirmation, "/inquiries/confirm");
  await page.goto(confirmLink);
  // Opening the link (as a mail scanner would) changes nothing.
  expect(await inquiriesOf(email)).toHaveLength(0);
  await page.getByRole("button", { name: "お問い合わせを確定して送信する" }).click();
  await expect(page).toHaveURL(/\/inquiries\/MD-[^/?]+\?submitted=1$/);
  const reference = REFERENCE.exec(page.url())![0];
  await expect(page.getByRole("status")).toContainText(`受付番号は ${reference} です`);

  // The due time is the category's first-answer target counted in the written channel's hours.
  const [inquiry] = await inquiriesOf(email);
  expect(inquiry).toMatchObject({ reference, status: "new", dueKind: "first", category: "affected", customerId: null });
  const expectedDue = addBusinessMinutes(await channelHours("email"), inquiry!.createdAt, DEFAULT_SLA_TARGETS.affected.firstResponseMinutes);
  expect(inquiry!.dueAt).toEqual(expectedDue);
  const dueText = formatDateTime(expectedDue!, "ja", "Asia/Tokyo");
  await expect(page.getByText(`${dueText} までにご回答することを目指しています`)).toBeVisible();
  await expect(page.locator(".plain-text")).toHaveText("私の情報は漏れていますか？\n二行目です。");

  const received = await waitForMail(email, { count: 2 });
  expect(received.subject).toBe(`【株式会社サンプル雑貨】お問い合わせを受け付けました（${reference}）`);
  expect(received.text).toContain(dueText);

  // The mailbox link opens the thread in another browser, and leaves the address bar at once.
  const elsewhere = await newBrowser(context);
  await elsewhere.goto(linkIn(received, `/inquiries/${reference}`));
  await expect(elsewhere).toHaveURL(`${ORIGIN}/inquiries/${reference}`);
  await expect(elsewhere.getByRole("heading", { level: 1 })).toHaveText(`お問い合わせ ${reference}`);

  // Without a link or session the reference opens nothing, exactly like one that doesn't exist.
  const stranger = await newBrowser(context);
  const response = await stranger.goto(`/inquiries/${reference}`);
  expect(response?.status()).toBe(404);
  await expect(stranger.getByRole("heading", { level: 1 })).toHaveText("お問い合わせを表示できません");
  const refusedExisting = await stranger.locator("main").innerText();
  const unknown = await stranger.goto("/inquiries/MD-0000-0000");
  expect(unknown?.status()).toBe(404);
  expect(await stranger.locator("main").innerText()).toBe(refusedExisting);

  // The confirmation link works once.
  await page.goto(confirmLink);
  await expect(page.getByRole("alert")).toContainText("使用済みか、有効期限が切れています");
  expect(await inquiriesOf(email)).toHaveLength(1);

  const audit = await testDb().auditEntry.findFirst({ where: { action: "inquiry.submit", targetId: reference }, select: { result: true, details: true } });
  expect(audit?.result).toBe("ok");
  expect(JSON.parse(audit!.details!)).toMatchObject({ verified: false, category: "affected" });
});

test("a verified customer's inquiry goes straight in, in English, with a call-back inside the phone desk's hours", async ({ page, context }) => {
  const email = uniqueAddress("verified");
  const customer = await createAffectedCustomer(email, [{ group: "members", categories: ["email", "phone"] }]);
  await verifyCustomer(context, customer.id);
  await page.goto("/inquiries/new?lng=en");
  await expect(page.getByLabel("Email address", { exact: true })).toHaveCount(0);
  await expect(page.getByText("We will reply to the address you confirmed.")).toBeVisible();
  await page.getByLabel("My password").check();
  await page.getByLabel("Your question").fill("Do I need to change my password on other sites?");
  await page.getByLabel("Language of our answer").selectOption("en");
  await page.getByLabel("Call me back from the phone desk").check();
  await page.getByLabel("Phone number").fill("０９０-１２３４-５６７８");
  const when = page.getByLabel("When should we call?");
  const firstWindow = when.locator("option").nth(1);
  const windowStart = await firstWindow.getAttribute("value");
  const hours = await channelHours("phone");
  // Only windows inside the phone desk's hours are offered.
  for (const value of await when
    .locator("option[value]:not([value=''])")
    .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value))) {
    const from = new Date(value);
    const until = addBusinessMinutes(hours, from, 60);
    expect(until?.getTime(), value).toBe(from.getTime() + 3600_000);
  }
  await when.selectOption(windowStart!);
  await page.getByRole("button", { name: "Send" }).click();

  await expect(page).toHaveURL(/\/inquiries\/MD-[^/?]+\?submitted=1$/);
  const reference = REFERENCE.exec(page.url())![0];
  await expect(page.getByText(/We aim to answer by .* \(counted in the desk's business hours\)\./)).toBeVisible();
  // The window's day is said once: "between Tue 8 Dec, 10:00 and 11:00".
  const window = /We will call you between \w{3} \d{1,2} \w{3}, \d{1,2}:\d{2} and \d{1,2}:\d{2}\./;
  await expect(page.getByText(window)).toBeVisible();
  const [inquiry] = await inquiriesOf(email);
  expect(inquiry).toMatchObject({ reference, customerId: customer.id, category: "password" });

  const mail = await waitForMail(email);
  expect(mail.subject).toBe(`[Sample Zakka Co., Ltd.] We have received your inquiry (${reference})`);
  expect(mail.text).toMatch(window);

  // The customer's own page lists it.
  await page.goto("/my?lng=en");
  await expect(page.getByRole("link", { name: reference })).toBeVisible();
});

test("a message full of markup and control characters is stored and shown exactly as written, and inert", async ({ page, context }) => {
  const email = uniqueAddress("markup");
  const customer = await createAffectedCustomer(email, [{ group: "members", categories: ["email"] }]);
  await verifyCustomer(context, customer.id);
  page.on("dialog", (dialog) => {
    throw new Error(`a script ran: ${dialog.message()}`);
  });
  const hostile = [
    `<script>alert("xss")</script><img src=x onerror="alert(1)">`,
    `<a href="javascript:alert(2)">click</a> https://evil.example/login`,
    `NUL\u0000 ESC\u001b[31m BEL\u0007 DEL\u007f`,
    `invoice\u202Efdp.exe ｶﾀｶﾅ 全角 👨‍👩‍👧 é`,
    `'; DROP TABLE "Inquiry"; -- $(rm -rf /) ../../etc/passwd`,
  ].join("\n");
  // Sent as a client can send it (a browser would strip some of these characters).
  const response = await page.request.post("/inquiries/new", {
    form: { category: "other", message: hostile, language: "ja", contactBy: "email", name: "<b>名前</b>" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(302);
  const reference = REFERENCE.exec(response.headers()["location"]!)![0];

  await page.goto(`/inquiries/${reference}`);
  const message = page.locator(".plain-text");
  await expect(message).toHaveText(
    [
      `<script>alert("xss")</script><img src=x onerror="alert(1)">`,
      `<a href="javascript:alert(2)">click</a> https://evil.example/login`,
      `NUL␀ ESC␛[31m BEL␇ DEL␡`,
      `invoice⟨U+202E⟩fdp.exe ｶﾀｶﾅ 全角 👨‍👩‍👧 é`,
      `'; DROP TABLE "Inquiry"; -- $(rm -rf /) ../../etc/passwd`,
    ].join("\n"),
  );
  // Nothing in it became markup or a link.
  await expect(message.locator("*")).toHaveCount(0);
  await expect(page.locator("main a[href^='javascript']")).toHaveCount(0);
  await expect(page.locator("main img")).toHaveCount(0);

  // Staff see the same text, equally inert, and the name as typed.
  const staffPage = await newBrowser(context);
  await signInAs(staffPage.context(), "agent");
  staffPage.on("dialog", (dialog) => {
    throw new Error(`a script ran in the back office: ${dialog.message()}`);
  });
  await staffPage.goto(`/staff/inquiries/${reference}`);
  await expect(staffPage.locator(".thread .plain-text").first()).toHaveText(await message.innerText());
  await expect(staffPage.locator(".thread .plain-text *")).toHaveCount(0);
  await expect(staffPage.getByText("<b>名前</b>")).toBeVisible();
});

test("bad input gets a clear message next to its field and stores nothing", async ({ page }) => {
  const email = uniqueAddress("invalid");
  await page.goto("/inquiries/new");
  await page.getByLabel("メールアドレス", { exact: true }).fill("not-an-address");
  await page.getByLabel("お問い合わせ内容").fill("あ".repeat(4000));
  await page.getByLabel("電話窓口から折り返しの電話を受ける").check();
  await page.getByLabel("電話番号").fill("12; rm -rf /");
  await page.getByRole("button", { name: "送信する" }).click();
  await expect(page.getByText("お問い合わせの種類を選んでください。")).toBeVisible();
  await expect(page.getByText("メールアドレスの形式が正しくありません")).toBeVisible();
  await expect(page.getByText("電話番号を確認してください")).toBeVisible();
  await expect(page.getByText("折り返しのご希望時間帯を選んでください。")).toBeVisible();

  // The server says the same to a client that skips the browser's checks.
  const response = await page.request.post("/inquiries/new", {
    form: { category: "card", message: "x".repeat(4001), language: "ja", contactBy: "email", email },
  });
  expect(response.status()).toBe(200);
  expect(await response.text()).toContain("1 文字多すぎます。4,000 文字以内に短くしてから送信してください（いま 4,001 文字）。");
  const wrongTypes = await page.request.post("/inquiries/new", { form: { category: "drop", language: "xx", contactBy: "fax", email } });
  expect(wrongTypes.status()).toBe(200);
  expect(await inquiriesOf(email)).toHaveLength(0);
  expect(await mailTo(email)).toHaveLength(0);
});

test("a call-back outside the phone desk's hours, a filled honeypot and too many inquiries are each turned away", async ({ page, context }) => {
  const email = uniqueAddress("turned-away");
  const customer = await createAffectedCustomer(email, [{ group: "members", categories: ["email"] }]);
  await verifyCustomer(context, customer.id);
  // 03:00 tomorrow, Tokyo time: the phone desk is never open then.
  const tomorrow = new Date(Date.now() + 24 * 3600_000).toLocaleDateString("sv-SE", { timeZone: "Asia/Tokyo" });
  const night = await page.request.post("/inquiries/new", {
    form: {
      category: "other",
      message: "夜中に電話してください",
      language: "ja",
      contactBy: "phone",
      phone: "03-1234-5678",
      callbackFrom: new Date(`${tomorrow}T03:00:00+09:00`).toISOString(),
    },
  });
  expect(night.status()).toBe(200);
  expect(await night.text()).toContain("その時間帯はご予約いただけなくなりました");
  expect(await inquiriesOf(email)).toHaveLength(0);

  // A bot that fills the hidden field gets the page a person would, and nothing happens.
  const bot = uniqueAddress("bot");
  const visitor = await newBrowser(context);
  const honeypot = await visitor.request.post("/inquiries/new", {
    form: { category: "other", message: "spam", language: "ja", contactBy: "email", email: bot, website: "http://spam.example" },
  });
  expect(await honeypot.text()).toContain("確認のメールをお送りしました");
  // A person's inquiry sent after it: once its mail has arrived, the bot's would have too.
  const person = uniqueAddress("person");
  await visitor.request.post("/inquiries/new", { form: { category: "other", message: "本物の質問", language: "ja", contactBy: "email", email: person } });
  await waitForMail(person);
  expect(await mailTo(bot)).toHaveLength(0);

  // One client: 20 inquiries an hour, then a clear message with the time to come back. Its
  // address comes from a range no other test uses, so nothing else counts against it.
  const client = await (
    await context
      .browser()!
      .newContext({ extraHTTPHeaders: { "X-Forwarded-For": `198.18.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}` } })
  ).newPage();
  for (let n = 0; n < 20; n++) {
    const sent = await client.request.post("/inquiries/new", {
      form: { category: "other", message: `質問 ${n}`, language: "ja", contactBy: "email", email: uniqueAddress("flood") },
    });
    expect(await sent.text(), `inquiry ${n + 1}`).toContain("確認のメールをお送りしました");
  }
  const limited = await client.request.post("/inquiries/new", {
    form: { category: "other", message: "21件目", language: "ja", contactBy: "email", email: uniqueAddress("flood") },
  });
  expect(limited.status()).toBe(429);
  expect(Number(limited.headers()["retry-after"])).toBeGreaterThan(0);
  expect(await limited.text()).toMatch(/短時間に多くの送信がありました。.+ 以降にもう一度お試しください。/);
});

test("staff answer with an admin's template; the reply reaches the customer by mail and the customer's reply reopens it", async ({ page, context }) => {
  // Four people, fifteen pages and three mails (each waiting up to the outbox's 5-second round):
  // on a machine busy with the other worker it took 30 s, the default budget, and failed on time.
  test.setTimeout(90_000);
  // An admin writes the template.
  const admin = await newBrowser(context);
  await signInAs(admin.context(), "admin");
  const title = `パスワード変更のご案内 ${Date.now()}`;
  await admin.goto("/staff/inquiry-settings/templates/new");
  await admin.getByLabel("件名（日本語）").fill(title);
  await admin.getByLabel("件名（英語）").fill("How to change your password");
  await admin.getByLabel("本文（日本語）").fill("お問い合わせありがとうございます。\nパスワードの変更方法をご案内します。");
  await admin.getByLabel("本文（英語）").fill("Thank you for your inquiry.\nHere is how to change your password.");
  await admin.getByRole("button", { name: "保存する" }).click();
  await expect(admin.getByText("テンプレートを保存しました。")).toBeVisible();

  // A verified customer asks.
  const email = uniqueAddress("answered");
  const customer = await createAffectedCustomer(email, [{ group: "members", categories: ["email", "password-hash"] }]);
  await verifyCustomer(context, customer.id);
  await page.goto("/inquiries/new");
  await fillInquiry(page, { category: "パスワードについて", message: "パスワードはどう変えればよいですか？" });
  await page.getByRole("button", { name: "送信する" }).click();
  await expect(page).toHaveURL(/submitted=1/);
  const reference = REFERENCE.exec(page.url())![0];
  await waitForMail(email);

  // An agent finds it in the queue, takes it and answers from the template.
  const agentPage = await newBrowser(context);
  const agent = await signInAs(agentPage.context(), "agent", "回答 担当");
  await agentPage.goto("/staff/inquiries?category=password");
  await agentPage.getByRole("link", { name: reference }).click();
  await agentPage.getByRole("button", { name: "自分が担当する" }).click();
  await expect(agentPage.getByText("担当者を変更しました。")).toBeVisible();
  // The answer above comes with the action; the page's data (the inquiry's new version, which
  // the reply must carry) comes with the reload after it, which a busy machine (two instances on
  // PostgreSQL) can deliver after a quick hand has started the reply: wait for it, as a person
  // would see the "take it" button go.
  await expect(agentPage.getByRole("button", { name: "自分が担当する" })).toHaveCount(0);
  await agentPage.getByLabel("テンプレート").selectOption({ label: title });
  await agentPage.getByRole("button", { name: "本文に挿入" }).click();
  const body = agentPage.getByLabel(/^回答（日本語/);
  await expect(body).toHaveValue("お問い合わせありがとうございます。\nパスワードの変更方法をご案内します。");
  // The caret to the end as a person clicking there would; Control+End alone was sometimes
  // sent before the inserted text had the focus, and the signature landed at the start.
  await body.evaluate((element: HTMLTextAreaElement) => {
    element.focus();
    element.setSelectionRange(element.value.length, element.value.length);
  });
  await body.pressSequentially("\n担当：窓口");
  await agentPage.getByLabel("送信後の状況").selectOption({ label: "お客様のご返信待ち" });
  await agentPage.getByRole("button", { name: "回答を送信する" }).click();
  await expect(agentPage.getByText("回答を送信しました。")).toBeVisible();

  const reply = await waitForMail(email, { count: 2 });
  expect(reply.subject).toBe(`【株式会社サンプル雑貨】お問い合わせへのご回答（${reference}）`);
  expect(reply.text).toContain("お問い合わせありがとうございます。\nパスワードの変更方法をご案内します。\n担当：窓口");
  expect(reply.html).toContain("white-space:pre-wrap");

  let [stored] = await inquiriesOf(email);
  expect(stored).toMatchObject({ status: "waiting", dueAt: null, assigneeId: agent.id });

  // The customer follows the link from the mail, reads the answer and replies: it reopens.
  const customerPage = await newBrowser(context);
  await customerPage.goto(linkIn(reply, `/inquiries/${reference}`));
  await expect(customerPage.locator(".from-desk .plain-text")).toContainText("担当：窓口");
  await expect(customerPage.getByText("お客様のご返信待ち")).toBeVisible();
  await customerPage.getByLabel("返信内容").fill("ありがとうございます。もう一つ質問があります。");
  await customerPage.getByRole("button", { name: "返信を送る" }).click();
  await expect(customerPage.getByText("ご返信を窓口にお送りしました。")).toBeVisible();
  [stored] = await inquiriesOf(email);
  expect(stored).toMatchObject({ status: "open", dueKind: "next" });
  expect(stored!.dueAt).not.toBeNull();

  // Back in the queue of answers owed, with its next-answer due time.
  await agentPage.goto("/staff/inquiries?assignee=me");
  const row = agentPage.getByRole("row").filter({ hasText: reference });
  await expect(row).toContainText("対応中");
  await expect(row).toContainText("残り");

  const actions = await testDb().auditEntry.findMany({
    where: { targetId: reference },
    orderBy: { sequence: "asc" },
    select: { action: true, actorId: true },
  });
  expect(actions.map((entry) => entry.action)).toEqual(
    expect.arrayContaining(["inquiry.submit", "inquiry.view", "inquiry.claim", "inquiry.reply", "inquiry.customer-reply"]),
  );
  expect(actions.filter((entry) => entry.action === "inquiry.reply")[0]?.actorId).toBe(agent.id);
  // The first answer's time, in business minutes, is kept for the dashboard's median.
  const answered = await testDb().inquiry.findUniqueOrThrow({ where: { reference }, select: { firstAnsweredAt: true, firstResponseMinutes: true } });
  expect(answered.firstAnsweredAt).not.toBeNull();
  expect(answered.firstResponseMinutes).toEqual(expect.any(Number));
});

test("two agents see each other, and a reply written on a stale view is held back, not sent", async ({ context }) => {
  // Four browsers and two sign-ins: more than the default time on a busy machine with two instances.
  test.setTimeout(90_000);
  const email = uniqueAddress("two-agents");
  const customer = await createAffectedCustomer(email, [{ group: "members", categories: ["email"] }]);
  const customerPage = await newBrowser(context);
  await verifyCustomer(customerPage.context(), customer.id);
  await customerPage.goto("/inquiries/new");
  await fillInquiry(customerPage, { category: "その他", message: "二人の担当者のテスト" });
  await customerPage.getByRole("button", { name: "送信する" }).click();
  await expect(customerPage).toHaveURL(/submitted=1/);
  const reference = REFERENCE.exec(customerPage.url())![0];

  const first = await newBrowser(context);
  await signInAs(first.context(), "agent", "一人目");
  const second = await newBrowser(context);
  await signInAs(second.context(), "agent", "二人目");
  // The first agent's page keeps its own clock, so its next check-in needn't be waited out.
  await first.clock.install();
  await first.goto(`/staff/inquiries/${reference}`);
  await second.goto(`/staff/inquiries/${reference}`);
  await expect(second.getByText("一人目 さんもこのお問い合わせを開いています。")).toBeVisible();
  // The first agent's page learns of the second by checking in.
  await first.clock.fastForward(10_000);
  await expect(first.getByText("二人目 さんもこのお問い合わせを開いています。")).toBeVisible();

  await second.getByLabel(/^回答（日本語/).fill("二人目からの回答です。");
  await second.getByRole("button", { name: "回答を送信する" }).click();
  await expect(second.getByText("回答を送信しました。")).toBeVisible();

  // The first agent wrote on the old view: not sent, draft kept, told why.
  await first.getByLabel(/^回答（日本語/).fill("一人目からの回答です。");
  await first.getByRole("button", { name: "回答を送信する" }).click();
  await expect(first.getByRole("alert")).toContainText("回答は送信していません");
  await expect(first.getByLabel(/^回答（日本語/)).toHaveValue("一人目からの回答です。");
  await expect(first.locator(".thread")).toContainText("二人目からの回答です。");
  expect(await testDb().inquiryMessage.count({ where: { inquiry: { reference }, kind: "reply" } })).toBe(1);

  // Having seen it, the agent may still send.
  await first.getByRole("button", { name: "回答を送信する" }).click();
  await expect(first.getByText("回答を送信しました。")).toBeVisible();
  expect(await testDb().inquiryMessage.count({ where: { inquiry: { reference }, kind: "reply" } })).toBe(2);
});

test("internal notes never reach the customer; the exposure is shown on request and the view is audited", async ({ page, context }) => {
  const email = uniqueAddress("notes");
  const customer = await createAffectedCustomer(email, [{ group: "members", categories: ["email", "address"] }]);
  await verifyCustomer(context, customer.id);
  await page.goto("/inquiries/new");
  await fillInquiry(page, { category: "クレジットカードについて", message: "カードは大丈夫ですか？" });
  await page.getByRole("button", { name: "送信する" }).click();
  await expect(page).toHaveURL(/submitted=1/);
  const reference = REFERENCE.exec(page.url())![0];

  const agentPage = await newBrowser(context);
  const agent = await signInAs(agentPage.context(), "agent");
  await agentPage.goto(`/staff/inquiries/${reference}`);
  await expect(agentPage.getByText(email)).toBeVisible();
  await agentPage.getByLabel("メモ", { exact: true }).fill("カード会社に確認中（社内のみ）");
  await agentPage.getByRole("button", { name: "メモを追加する" }).click();
  await expect(agentPage.getByText("メモを追加しました。")).toBeVisible();
  await expect(agentPage.locator(".is-note")).toContainText("カード会社に確認中（社内のみ）");

  await agentPage.getByRole("link", { name: "このお客様の漏えい内容を表示する" }).click();
  await expect(agentPage.getByRole("rowheader", { name: "住所" })).toBeVisible();
  const viewed = await testDb().auditEntry.findFirst({
    where: { action: "customer.view-exposure", targetId: customer.id, actorId: agent.id },
    select: { details: true },
  });
  expect(JSON.parse(viewed!.details!)).toEqual({ inquiry: reference });

  await page.reload();
  await expect(page.locator(".thread")).not.toContainText("カード会社に確認中");
  expect((await mailTo(email)).map((mail) => mail.text).join("\n")).not.toContain("カード会社に確認中");

  // The customer closes it; it takes no more replies.
  await page.getByRole("button", { name: "お問い合わせを終了する" }).click();
  await expect(page.getByText("このお問い合わせは終了しました。")).toBeVisible();
  await expect(page.getByLabel("返信内容")).toHaveCount(0);
});

test("the queue pages by cursor under its filters, counts per status and flags overdue answers", async ({ page, context }) => {
  const agent = await signInAs(context, "agent", "キュー担当");
  const email = uniqueAddress("queue");
  const { seedInquiries } = await import("../support/inquiries");
  const now = Date.now();
  // 30 overdue card inquiries in a language nobody else's tests use here, assigned to this agent.
  const overdue = await seedInquiries(
    email,
    Array.from({ length: 30 }, (_, i) => ({ category: "card", status: "open", dueAt: new Date(now - (i + 1) * 60_000), assigneeId: agent.id })),
  );
  await seedInquiries(email, [{ category: "card", status: "closed", assigneeId: agent.id }]);

  await page.goto("/staff/inquiries?assignee=me&overdue=1");
  const rows = page.locator("tbody tr");
  await expect(rows).toHaveCount(25);
  // Soonest due (longest overdue) first.
  await expect(rows.first()).toContainText(overdue[29]!);
  await expect(rows.first().locator(".is-overdue")).toContainText("超過");
  await page.getByRole("link", { name: "次のページ" }).click();
  await expect(rows).toHaveCount(5);
  await expect(rows.last()).toContainText(overdue[0]!);
  await expect(page.getByRole("link", { name: "次のページ" })).toHaveCount(0);

  // Counts are of the whole queue (other tests add to it); each leads to its status, filters kept.
  const openCount = Number(/対応中：(\d+)件/.exec(await page.getByRole("link", { name: /^対応中：/ }).innerText())![1]);
  expect(openCount).toBeGreaterThanOrEqual(30);
  await page.getByRole("link", { name: /^終了：\d+件$/ }).click();
  await expect(page).toHaveURL(/status=closed&assignee=me/);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("期限なし");
});

test("an agent can't open the admins' settings, and only agents open the queue", async ({ browser }) => {
  for (const [role, path, status] of [
    ["agent", "/staff/inquiry-settings", 403],
    ["admin", "/staff/inquiries", 403],
    ["privacy-officer", "/staff/inquiries", 403],
    ["agent", "/staff/inquiries", 200],
    ["admin", "/staff/inquiry-settings", 200],
  ] as const) {
    const context = await browser.newContext({ extraHTTPHeaders: randomClient() });
    const staff = await signInAs(context, role);
    const response = await (await context.newPage()).goto(path);
    expect(response?.status(), `${role} ${path}`).toBe(status);
    if (status === 403) {
      const denied = await testDb().auditEntry.findFirst({ where: { action: "access.denied", actorId: staff.id }, select: { targetId: true } });
      expect(denied?.targetId).toBe(path);
    }
    await context.close();
  }
});
