// Addresses as Japanese people type them, on a phone: an IME left on full-width writes
// "ｈａｎａｋｏ＠ｅｘａｍｐｌｅ．ｊｐ", a paste brings a space along. Every place that takes an
// address reads it as the ASCII address, finds the same person and answers the same way;
// what is still not an address is named precisely.
import { expect, test } from "@playwright/test";
import { createCustomerWithPassword, createEnrolledStaff, CUSTOMER_PASSWORD, STAFF_PASSWORD } from "../support/credentials";
import { createAffectedCustomer, uniqueAddress } from "../support/customers";
import { linkIn, waitForMail } from "../support/mailbox";
import { testDb } from "../support/staff";

test.use({
  viewport: { width: 375, height: 740 },
  locale: "ja-JP",
  extraHTTPHeaders: { "X-Forwarded-For": `100.70.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}` },
});

/** As an IME in full-width mode writes it: every printable ASCII character at U+FF01…U+FF5E. */
const fullWidth = (text: string) => text.replace(/[!-~]/g, (char) => String.fromCharCode(char.charCodeAt(0) + 0xfee0));

test("a full-width address gets the affected customer's own link from the check", async ({ page }) => {
  const email = uniqueAddress("fullwidth-check");
  await createAffectedCustomer(email, [{ group: "members", categories: ["email", "password-hash"] }]);
  await page.goto("/check");
  await page.getByLabel("メールアドレス", { exact: true }).fill(`　${fullWidth(email)}　`);
  await page.getByRole("button", { name: "確認結果をメールで受け取る" }).click();
  await expect(page.getByText("メールをご確認ください")).toBeVisible();
  // The same mail the ASCII address gets: the link to what leaked, not "no record".
  expect(linkIn(await waitForMail(email), "/check/open")).toContain("token=");
});

test("a customer signs in with the address half in full-width", async ({ page }) => {
  const { email } = await createCustomerWithPassword("fullwidth-signin");
  const [local, domain] = email.split("@") as [string, string];
  await page.goto("/signin");
  await page.getByLabel("メールアドレス").fill(`${local}＠${domain} `);
  await page.getByLabel("パスワード", { exact: true }).fill(CUSTOMER_PASSWORD);
  await page.getByRole("button", { name: "ログイン", exact: true }).click();
  await expect(page).toHaveURL(/\/my$/);
});

test("a visitor's inquiry in full-width is confirmed at the ASCII address", async ({ page }) => {
  const email = uniqueAddress("fullwidth-inquiry");
  await page.goto("/inquiries/new");
  await page.getByLabel("パスワードについて").check();
  await page.getByLabel("お問い合わせ内容").fill("全角で入力したアドレスでも届きますか？");
  await page.getByLabel("メールアドレス", { exact: true }).fill(fullWidth(email));
  await page.getByRole("button", { name: "送信する" }).click();
  await expect(page.getByRole("heading", { name: "確認のメールをお送りしました" })).toBeVisible();
  expect((await waitForMail(email)).to).toContain(email);
});

test("a staff member signs in with a full-width address", async ({ page }) => {
  const staff = await createEnrolledStaff("agent", "fullwidth");
  await page.goto("/staff/login");
  await page.getByLabel("メールアドレス").fill(fullWidth(staff.email));
  await page.getByLabel("パスワード").fill(STAFF_PASSWORD);
  await page.getByLabel("認証コード（6桁）またはリカバリーコード").fill(staff.recoveryCodes[0]!);
  await page.getByRole("button", { name: "ログイン" }).click();
  await expect(page).toHaveURL(/\/staff$/);
  expect(await testDb().staffSession.count({ where: { staffId: staff.id } })).toBe(1);
});

test("what is still not an address is named, in the visitor's language", async ({ page }) => {
  const cases: Array<[string, string]> = [
    [fullWidth("hanako.example.jp"), "「@」（アットマーク）がありません"],
    ["hanako@@example.jp", "「@」が2つ以上あります"],
    ["hana ko@example.jp", "途中に空白があります"],
    ["hanako＠", "「@」の後ろがありません"],
    ["hanako@example", "「@」の後ろに「.」がありません"],
  ];
  for (const [typed, message] of cases) {
    await page.goto("/check");
    await page.getByLabel("メールアドレス", { exact: true }).fill(typed);
    await page.getByRole("button", { name: "確認結果をメールで受け取る" }).click();
    await expect(page.getByText(message), typed).toBeVisible();
  }
  await page.goto("/check?lng=en");
  await page.getByLabel("Email address", { exact: true }).fill("hanako@example");
  await page.getByRole("button", { name: "Send me the answer by mail" }).click();
  await expect(page.getByText("the part after the “@” has no “.”")).toBeVisible();
});
