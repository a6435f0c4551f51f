// Passwords after the incident: the forced change from the mailbox link, every refusal,
// sessions ended by a change, the confirmation mail, and sign-in with the new password but
// never the leaked one. Customers are written into the shared server's database with the
// hashes an import would leave; mail is read from the real SMTP receiver.
import { createHash } from "node:crypto";
import argon2 from "argon2";
import bcrypt from "bcrypt";
import { expect, test, type Page } from "@playwright/test";
import { wrapLegacyHash } from "../../app/models/legacy-password.server";
import { createAffectedCustomer, uniqueAddress, verifyCustomer } from "../support/customers";
import { linkIn, mailTo, waitForMail } from "../support/mailbox";
import { testDb } from "../support/staff";

test.use({ extraHTTPHeaders: { "X-Forwarded-For": `203.0.113.${1 + Math.floor(Math.random() * 250)}` } });

const LEAKED = "hanabi-2019!";
const NEW_PASSWORD = "窓口で春を待つ猫と柴犬";
const MEMBERS = [{ group: "members", categories: ["email", "password-hash"] }];

const OWASP = ["argon2id", "v=19", "m=19456", "p=1", "t=2"];
/** The algorithm, version and parameters of a PHC string (parameters in sorted order). */
function argon2Parameters(hash: string | null): string[] {
  const [, algorithm, version, parameters] = (hash ?? "").split("$");
  return [algorithm ?? "", version ?? "", ...(parameters ?? "").split(",").sort()];
}

/** A customer as the import leaves one: a salted MD5 of the leaked password, bare. */
function leakedMd5(password = LEAKED) {
  const salt = "q9!";
  return {
    legacyPasswordHash: `${createHash("md5")
      .update(salt + password)
      .digest("hex")}:${salt}`,
    legacyHashAlgorithm: "md5-salt-password",
  };
}

async function openMailboxLink(page: Page, email: string, lng: "ja" | "en" = "ja") {
  await page.goto(`/check?lng=${lng}`);
  await page.getByLabel(lng === "ja" ? "メールアドレス" : "Email address", { exact: true }).fill(email);
  await page.getByRole("button", { name: lng === "ja" ? "確認結果をメールで受け取る" : "Send me the answer by mail" }).click();
  const mail = await waitForMail(email);
  await page.goto(linkIn(mail, "/check/open"));
  await page.getByRole("button", { name: lng === "ja" ? "確認する" : "Show me" }).click();
}

async function choose(page: Page, password: string, confirm = password) {
  await page.getByLabel("新しいパスワード", { exact: true }).fill(password);
  await page.getByLabel("新しいパスワード（確認）").fill(confirm);
  await page.getByRole("button", { name: "新しいパスワードを設定する" }).click();
}

async function signIn(page: Page, email: string, password: string) {
  await page.goto("/signin?lng=ja");
  await page.getByLabel("メールアドレス").fill(email);
  await page.getByLabel("パスワード", { exact: true }).fill(password);
  await page.getByRole("button", { name: "ログイン", exact: true }).click();
}

test("from the mailbox link, the forced change refuses every bad password, then ends old sessions and mails a confirmation", async ({ page, browser }) => {
  const email = uniqueAddress("hanako.forced");
  const customer = await createAffectedCustomer(email, MEMBERS, { password: leakedMd5() });
  // Another browser the customer was signed in with; the change must end it.
  const otherContext = await browser.newContext({ locale: "ja-JP" });
  await verifyCustomer(otherContext, customer.id);
  const other = await otherContext.newPage();
  await other.goto("/my/password");
  await expect(other.getByRole("heading", { level: 1 })).toHaveText("新しいパスワードの設定");

  await openMailboxLink(page, email);
  await expect(page).toHaveURL(/\/my$/);
  await page.getByRole("region", { name: "まず、新しいパスワードを設定してください" }).getByRole("link", { name: "新しいパスワードを設定する" }).click();
  await expect(page).toHaveURL(/\/my\/password$/);
  await expect(page.getByText("すべてのパスワードをリセットしました")).toBeVisible();

  const refusals: Array<[string, string, string?]> = [
    ["猫と犬", "短すぎます。8 文字以上にしてください。"],
    ["password", "非常によく使われるパスワード"],
    [`${email.split("@")[0]}-2026`, "メールアドレス（またはその一部）をパスワードに含めないでください。"],
    ["sakura1990", "推測されやすいパスワードです"],
    [LEAKED, "今回の事案で漏えいしたパスワードです。"],
    [NEW_PASSWORD, "2 つの新しいパスワードが一致しません。", `${NEW_PASSWORD}!`],
    ["x".repeat(129), "長すぎます。128 文字以内にしてください。"],
  ];
  for (const [password, message, confirm] of refusals) {
    await choose(page, password, confirm);
    await expect(page.locator(".field-error").getByText(message)).toBeVisible();
    await expect(page).toHaveURL(/\/my\/password$/);
  }
  expect(await testDb().customer.findUniqueOrThrow({ where: { id: customer.id }, select: { passwordHash: true } })).toEqual({
    passwordHash: null,
  });

  // The meter answers while typing.
  await page.getByLabel("新しいパスワード", { exact: true }).fill("password");
  await expect(page.locator("#password-strength")).toContainText("とても弱い");
  await page.getByLabel("新しいパスワード", { exact: true }).fill(NEW_PASSWORD);
  await expect(page.locator("#password-strength")).toContainText(/強い/);

  await choose(page, NEW_PASSWORD);
  await expect(page).toHaveURL(/\/my\?password=changed$/);
  await expect(page.getByText("新しいパスワードを設定しました。")).toBeVisible();
  await expect(page.getByRole("region", { name: "オンラインショップ会員のお客様" })).toBeVisible();

  // The other browser's session ended with the change.
  await other.goto("/my");
  await expect(other).toHaveURL(/\/check\/ended$/);
  await otherContext.close();

  // Stored as argon2id with OWASP parameters; the leaked hash kept only wrapped.
  const stored = await testDb().customer.findUniqueOrThrow({
    where: { id: customer.id },
    select: { passwordHash: true, passwordChangedAt: true, legacyPasswordHash: true, legacyHashWrapped: true },
  });
  expect(argon2Parameters(stored.passwordHash)).toEqual(OWASP);
  expect(stored.passwordChangedAt).not.toBeNull();
  expect(stored.legacyPasswordHash).toBeNull();
  expect(stored.legacyHashWrapped).toMatch(/^\$argon2id\$/);

  const confirmation = await waitForMail(email, { count: 2 });
  expect(confirmation.subject).toBe("【株式会社サンプル雑貨】パスワードを変更しました");
  expect(confirmation.text).toContain("ほかのブラウザーでのログインはすべて解除しました");
  expect(confirmation.text).toContain("/signin?lng=ja");
  expect(confirmation.parsed.attachments).toHaveLength(0);

  const audit = await testDb().auditEntry.findFirst({
    where: { action: "customer.change-password", targetId: customer.id },
    select: { result: true, details: true },
  });
  expect(audit?.result).toBe("ok");
  expect(JSON.parse(audit!.details!)).toMatchObject({ verifiedBy: "mail-link", sessionsEnded: 2, firstAfterIncident: true });
});

test("sign-in works with the new password, never with the leaked one, and says why in the same words for everyone", async ({ page }) => {
  const email = uniqueAddress("signin");
  const passwordHash = await argon2.hash(NEW_PASSWORD.normalize("NFKC"), { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
  const customer = await createAffectedCustomer(email, MEMBERS, { password: { ...leakedMd5(), passwordHash } });

  await signIn(page, email, LEAKED);
  const failure = page.getByRole("alert");
  await expect(failure).toContainText("メールアドレスまたはパスワードが正しくありません。事案の後、すべてのパスワードをリセットしました。");
  await expect(page.getByRole("link", { name: "メールでリンクを受け取る" })).toHaveAttribute("href", "/check");
  const leakedAnswer = await failure.textContent();

  // An unknown address and an account with no new password yet get the very same words.
  await signIn(page, uniqueAddress("nobody"), LEAKED);
  expect(await page.getByRole("alert").textContent()).toBe(leakedAnswer);
  const notYetChanged = uniqueAddress("not-yet");
  await createAffectedCustomer(notYetChanged, MEMBERS, { password: leakedMd5() });
  await signIn(page, notYetChanged, LEAKED);
  expect(await page.getByRole("alert").textContent()).toBe(leakedAnswer);

  await signIn(page, email, NEW_PASSWORD);
  await expect(page).toHaveURL(/\/my$/);
  await expect(page.getByRole("heading", { name: "お客様のアカウント" })).toBeVisible();
  await expect(page.getByRole("region", { name: "オンラインショップ会員のお客様" })).toBeVisible();

  const entries = await testDb().auditEntry.findMany({
    where: { action: "customer.sign-in", targetId: customer.id },
    orderBy: { sequence: "asc" },
    select: { result: true },
  });
  expect(entries.map((entry) => entry.result)).toEqual(["failed", "ok"]);
});

test("a sign-in lockout is answered as every limit is: 429, Retry-After and the time, alike for a known and an unknown address", async ({
  page,
  request,
  baseURL,
}) => {
  test.setTimeout(60_000);
  const known = uniqueAddress("signin-locked");
  await createAffectedCustomer(known, MEMBERS, { password: leakedMd5() });
  const unknown = uniqueAddress("signin-locked-nobody");
  // Each attempt from another address, so only the address's own limit (ten an hour) counts.
  const attempt = (email: string, n: number, lng: "ja" | "en") =>
    request.post(`/signin?lng=${lng}`, {
      form: { email, password: `guess ${n}` },
      headers: { Origin: baseURL!, "X-Forwarded-For": `198.19.${n}.${1 + Math.floor(Math.random() * 250)}` },
    });
  for (const email of [known, unknown]) {
    for (let n = 0; n < 10; n++) expect((await attempt(email, n, "ja")).status(), `${email} attempt ${n + 1}`).toBe(200);
    for (const lng of ["ja", "en"] as const) {
      const locked = await attempt(email, 10, lng);
      expect(locked.status()).toBe(429);
      expect(Number(locked.headers()["retry-after"])).toBeGreaterThan(0);
      expect(Number(locked.headers()["retry-after"])).toBeLessThanOrEqual(60 * 60);
      expect(await locked.text()).toMatch(
        lng === "ja"
          ? /ログインの試行が多すぎます。\d{1,2}月\d{1,2}日\(.\) \d{1,2}:\d{2} 以降にもう一度お試しください。/
          : /There have been too many sign-in attempts. Please try again after .*\d{1,2}:\d{2}/,
      );
    }
  }
  // A person typing in the browser reads it on the page.
  await signIn(page, known, "one more try");
  await expect(page.getByRole("alert")).toContainText("ログインの試行が多すぎます。");
});

test("a password session must give the current password to change it, and an outdated hash is redone at sign-in", async ({ page }) => {
  const email = uniqueAddress("rehash");
  const weak = await argon2.hash(NEW_PASSWORD.normalize("NFKC"), { type: argon2.argon2id, memoryCost: 4_096, timeCost: 1, parallelism: 1 });
  const customer = await createAffectedCustomer(email, MEMBERS, { password: { passwordHash: weak } });

  await signIn(page, email, NEW_PASSWORD);
  await expect(page).toHaveURL(/\/my$/);
  const after = await testDb().customer.findUniqueOrThrow({ where: { id: customer.id }, select: { passwordHash: true } });
  expect(argon2Parameters(after.passwordHash)).toEqual(OWASP);

  await page.getByRole("link", { name: "パスワードを変更する" }).click();
  await expect(page.getByText("アカウントの新しいパスワードを設定します。")).toBeVisible();
  await page.getByLabel("現在のパスワード").fill("not my password at all");
  await choose(page, "夏の海と冬の山と秋の月");
  await expect(page.getByText("現在のパスワードが正しくありません。")).toBeVisible();

  await page.getByLabel("現在のパスワード").fill(NEW_PASSWORD);
  await choose(page, "夏の海と冬の山と秋の月");
  await expect(page.getByText("新しいパスワードを設定しました。")).toBeVisible();
  await signIn(page, email, "夏の海と冬の山と秋の月");
  await expect(page).toHaveURL(/\/my$/);

  // Guessing the current password from a session is stopped after 10 tries an hour (two
  // were made above): the eleventh is refused even with the right password.
  await page.goto("/my/password");
  for (let attempt = 1; attempt <= 8; attempt++) {
    await page.getByLabel("現在のパスワード").fill(`guess number ${attempt}`);
    await choose(page, "冬の山と夏の海と春の風");
    await expect(page.getByText("現在のパスワードが正しくありません。")).toBeVisible();
  }
  await page.getByLabel("現在のパスワード").fill("夏の海と冬の山と秋の月");
  await choose(page, "冬の山と夏の海と春の風");
  await expect(page.getByText("現在のパスワードの入力が多すぎます。")).toBeVisible();
});

test("on a phone, the mailbox link shows what leaked at once with the new password first; the desk and deletion need no new password", async ({ browser }) => {
  const email = uniqueAddress("leaked-first");
  const customer = await createAffectedCustomer(email, MEMBERS, { password: leakedMd5() });
  const context = await browser.newContext({
    viewport: { width: 375, height: 740 },
    locale: "ja-JP",
    extraHTTPHeaders: { "X-Forwarded-For": `203.0.113.${1 + Math.floor(Math.random() * 250)}` },
  });
  const page = await context.newPage();
  await openMailboxLink(page, email);

  // What leaked and what to do, on the page the mail's button promised; the password first.
  await expect(page).toHaveURL(/\/my$/);
  const firstStep = page.getByRole("region", { name: "まず、新しいパスワードを設定してください" });
  const leaked = page.getByRole("region", { name: "オンラインショップ会員のお客様" });
  await expect(leaked.getByRole("rowheader")).toHaveText(["メールアドレス", "パスワード（暗号化された状態）"]);
  const [stepBox, leakedBox] = await Promise.all([firstStep.boundingBox(), leaked.boundingBox()]);
  expect(stepBox!.y).toBeLessThan(leakedBox!.y);
  await expect(firstStep.getByRole("link", { name: "新しいパスワードを設定する" })).toHaveAttribute("href", "/my/password");

  // Asking the desk: the form, not the password page.
  await page.getByRole("banner").getByRole("link", { name: "お問い合わせ", exact: true }).click();
  await expect(page).toHaveURL(/\/inquiries\/new$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("お問い合わせ");

  // Asking for deletion, without creating a password for an account they want to leave.
  await page.goto("/my");
  await page.getByRole("link", { name: /データの削除を請求する/ }).click();
  await page.getByLabel("上記の内容を理解し、データの削除を請求します").check();
  await page.getByRole("button", { name: "削除を請求する" }).click();
  await expect(page.getByTestId("deletion-state")).toContainText("受付済み");
  expect(await testDb().deletionRequest.count({ where: { customerId: customer.id } })).toBe(1);
  expect(await testDb().customer.findUniqueOrThrow({ where: { id: customer.id }, select: { passwordHash: true } })).toEqual({ passwordHash: null });

  // Only the password sign-in waits: the leaked password opens nothing.
  await page.getByRole("banner").getByRole("button", { name: "ログアウト" }).click();
  await signIn(page, email, LEAKED);
  await expect(page).toHaveURL(/\/signin/);
  await context.close();
});

test("on a phone, the leaked password made over as attackers try first is refused, and says so", async ({ browser }) => {
  const email = uniqueAddress("variants");
  const customer = await createAffectedCustomer(email, MEMBERS, { password: leakedMd5("sakura2015") });
  const context = await browser.newContext({
    viewport: { width: 375, height: 740 },
    locale: "ja-JP",
    extraHTTPHeaders: { "X-Forwarded-For": `203.0.113.${1 + Math.floor(Math.random() * 250)}` },
  });
  await verifyCustomer(context, customer.id);
  const page = await context.newPage();
  await page.goto("/my/password");
  for (const variant of ["sakura2015!", "Sakura_2015", "Sakura2015!"]) {
    await choose(page, variant);
    await expect(page.locator(".field-error")).toHaveText(/今回の事案で漏えいしたパスワードに近いパスワードです。/);
    // The meter doesn't rate as strong what the form has just refused.
    await expect(page.locator("#password-strength")).toHaveText("強さ: 使えません");
  }
  expect(await testDb().customer.findUniqueOrThrow({ where: { id: customer.id }, select: { passwordHash: true } })).toEqual({ passwordHash: null });
  await choose(page, NEW_PASSWORD);
  await expect(page).toHaveURL(/\/my\?password=changed$/);
  await context.close();
});

test("the leaked password is refused from its wrapped form too, in English for an English visitor", async ({ page }) => {
  const email = uniqueAddress("wrapped");
  const wrapped = (await wrapLegacyHash("bcrypt", await bcrypt.hash(LEAKED, 4)))!;
  await createAffectedCustomer(email, MEMBERS, {
    password: { legacyHashAlgorithm: "bcrypt", legacyHashParameters: wrapped.parameters, legacyHashWrapped: wrapped.wrapped },
  });
  await openMailboxLink(page, email, "en");
  await page.getByRole("region", { name: "First, choose a new password" }).getByRole("link", { name: "Set the new password" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Choose a new password");
  const choose = async (password: string) => {
    await page.getByLabel("New password", { exact: true }).fill(password);
    await page.getByLabel("New password again").fill(password);
    await page.getByRole("button", { name: "Set the new password" }).click();
  };
  await choose(LEAKED);
  await expect(page.getByText("This is the password that leaked in the incident.")).toBeVisible();
  await choose("a quiet desk by the harbour");
  await expect(page.getByText("Your new password is set.")).toBeVisible();
  const confirmation = await waitForMail(email, { count: 2 });
  expect(confirmation.subject).toBe("[Sample Zakka Co., Ltd.] Your password was changed");
  expect(await mailTo(email)).toHaveLength(2);
});
