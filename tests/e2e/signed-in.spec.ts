// Signed in, and signing out, on a phone in Japanese: the header says who is signed in (the
// address masked) and offers the way out where people look for it; signing out is confirmed
// on a page that leads back in; a used mailbox link opened again in a browser that is still
// signed in leads to the customer's page instead of "already used".
import { expect, test } from "@playwright/test";
import { createCheckLink, createCustomerWithPassword, CUSTOMER_PASSWORD } from "../support/credentials";

/** A client address of its own, so no other test's rate limits count against this one's. */
const client = { "X-Forwarded-For": `100.71.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}` };
test.use({ viewport: { width: 375, height: 740 }, locale: "ja-JP", extraHTTPHeaders: client });

test("the header shows who is signed in, a used link leads back to their page, and signing out is confirmed", async ({ page, request }) => {
  const customer = await createCustomerWithPassword("signed-in");
  const masked = `${customer.email.slice(0, 2)}***@example.org`;
  const header = page.getByRole("banner");
  await page.goto("/");
  await expect(header.getByRole("link", { name: "ログイン" })).toBeVisible();
  await expect(header.getByRole("button", { name: "ログアウト" })).toHaveCount(0);

  const link = `/check/open?token=${await createCheckLink(customer.id)}`;
  await page.goto(link);
  await page.getByRole("button", { name: "確認する" }).click();
  await expect(page).toHaveURL(/\/my$/);
  await expect(header).toContainText(`${masked} でログイン中`);
  await expect(header).not.toContainText(customer.email);
  await expect(header.getByRole("link", { name: "ログイン" })).toHaveCount(0);
  // Their own page is the way in now, not the anonymous check.
  await expect(header.getByRole("link", { name: "お客様のページ" })).toHaveAttribute("href", "/my");
  await expect(header.getByRole("link", { name: "影響の確認" })).toHaveCount(0);
  // The notice, public for everyone else, is this person's own page now: no cache may keep it.
  const notice = await page.request.get("/");
  expect(notice.headers()["cache-control"]).toBe("private, no-store");
  expect(await notice.text()).toContain(masked);
  expect((await request.get("/")).headers()["cache-control"]).toContain("public");

  // The same link again, from the mail, in the same browser: still in, so to their page.
  await page.goto(link);
  await expect(page.getByRole("status")).toContainText("このブラウザーではすでにご本人確認が済んでいます");
  await expect(page.getByText("このリンクはすでに使われています")).toHaveCount(0);
  await page.getByRole("link", { name: "お客様のページを開く" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("漏えいした情報と、お願いしたい対応");

  // Out, from the header of any page; the page says so and leads back in.
  await page.goto("/");
  await header.getByRole("button", { name: "ログアウト" }).click();
  await expect(page).toHaveURL(/\/signout$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("ログアウトしました");
  await expect(page.getByRole("status")).toHaveText(/この端末ではログアウトしています/);
  await expect(header.getByRole("link", { name: "ログイン" })).toBeVisible();
  await page.goto("/my");
  await expect(page).toHaveURL(/\/check\/ended$/);
  // Signed out, the used link is just used.
  await page.goto(link);
  await expect(page.getByRole("alert")).toHaveText("このリンクはすでに使われています。リンクは1回だけ使えます。");

  // Back in with the password, from the sign-out page's own link.
  await page.goto("/signout");
  await page.getByRole("link", { name: "パスワードでログインする" }).click();
  await page.getByLabel("メールアドレス", { exact: true }).fill(customer.email);
  await page.getByLabel("パスワード", { exact: true }).fill(CUSTOMER_PASSWORD);
  await page.getByRole("button", { name: "ログイン", exact: true }).click();
  await expect(page).toHaveURL(/\/my$/);
  await expect(header).toContainText(`${masked} でログイン中`);
});

test("a link to the sign-out page asks before signing out, and the header's button works without JavaScript", async ({ browser }) => {
  const customer = await createCustomerWithPassword("sign-out-nojs");
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 740 }, locale: "ja-JP", extraHTTPHeaders: client });
  const page = await context.newPage();
  await page.goto(`/check/open?token=${await createCheckLink(customer.id)}`);
  await page.getByRole("button", { name: "確認する" }).click();
  await expect(page).toHaveURL(/\/my$/);
  await page.goto("/signout");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("ログアウト");
  await page.getByRole("main").getByRole("button", { name: "ログアウト" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("ログアウトしました");
  await page.goto("/my");
  await expect(page).toHaveURL(/\/check\/ended$/);
  await context.close();
});
