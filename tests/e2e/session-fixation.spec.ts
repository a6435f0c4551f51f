// Session fixation: at every change of privilege (a mailbox link opened, a password sign-in,
// a password change, an enrolment, a staff sign-in) the browser gets a session id it never
// had before, and whatever session cookie was in the browser beforehand is worthless after
// it, even a real session planted there by someone else (their own, which they keep a copy
// of). At sign-out, the id that was in use stops working for whoever copied it.
import { randomBytes } from "node:crypto";
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { generate } from "otplib";
import { runCommand } from "../support/cli";
import { createCheckLink, createCustomerWithPassword, createEnrolledStaff, CUSTOMER_PASSWORD, STAFF_PASSWORD } from "../support/credentials";
import { createAffectedCustomer, uniqueAddress, verifyCustomer } from "../support/customers";
import { signInAs, testDb } from "../support/staff";

test.use({ extraHTTPHeaders: { "X-Forwarded-For": `198.51.100.${1 + Math.floor(Math.random() * 250)}` } });

type CookieName = "customer_session" | "staff_session";

async function cookieOf(context: BrowserContext, name: CookieName): Promise<string | undefined> {
  return (await context.cookies()).find((cookie) => cookie.name === name)?.value;
}

/** The cookie value of a session opened in a browser of its own. */
async function sessionOf(browser: Browser, name: CookieName, open: (context: BrowserContext) => Promise<unknown>): Promise<string> {
  const other = await browser.newContext();
  await open(other);
  const value = (await cookieOf(other, name))!;
  await other.close();
  return value;
}

/** A session of the attacker's own, copied into the victim's browser; returns its cookie value. */
async function plant(browser: Browser, victim: BrowserContext, name: CookieName, open: (context: BrowserContext) => Promise<unknown>) {
  const value = await sessionOf(browser, name, open);
  await victim.addCookies([{ name, value, url: test.info().project.use.baseURL!, httpOnly: true, sameSite: "Lax" }]);
  return value;
}

/** Whether a browser holding only this cookie value gets in: customer page or back office. */
async function stillWorks(browser: Browser, name: CookieName, value: string): Promise<boolean> {
  const context = await browser.newContext();
  await context.addCookies([{ name, value, url: test.info().project.use.baseURL!, httpOnly: true, sameSite: "Lax" }]);
  const response = await context.request.get(name === "customer_session" ? "/my" : "/staff", { maxRedirects: 0 });
  await context.close();
  return response.status() === 200;
}

const newCustomer = (label: string) => createAffectedCustomer(uniqueAddress(label), [{ group: "members", categories: ["email"] }]);

test("opening a mailbox link starts a new session, and a planted one is worthless after it", async ({ browser, context, page }) => {
  const planted = await plant(browser, context, "customer_session", async (attacker) => verifyCustomer(attacker, (await newCustomer("fix-attacker")).id));
  expect(await stillWorks(browser, "customer_session", planted)).toBe(true);

  const victim = await newCustomer("fix-victim");
  await page.goto(`/check/open?token=${await createCheckLink(victim.id)}`);
  await page.getByRole("button", { name: "確認する" }).click();
  await expect(page).toHaveURL(/\/my$/);

  const current = await cookieOf(context, "customer_session");
  expect(current).toBeDefined();
  expect(current).not.toBe(planted);
  expect(await stillWorks(browser, "customer_session", planted)).toBe(false);
  expect(await stillWorks(browser, "customer_session", current!)).toBe(true);
  expect(await testDb().customerSession.count({ where: { customerId: victim.id, revokedAt: null } })).toBe(1);
});

async function signInCustomer(page: Page, email: string) {
  await page.goto("/signin");
  await page.getByLabel("メールアドレス").fill(email);
  await page.getByLabel("パスワード").fill(CUSTOMER_PASSWORD);
  await page.getByRole("button", { name: "ログイン" }).click();
  // Two argon2id verifications at most; seconds when other suites load the cores.
  await expect(page).toHaveURL(/\/my$/, { timeout: 30_000 });
}

test("a password sign-in starts a new session, and a planted one is worthless after it", async ({ browser, context, page }) => {
  const planted = await plant(browser, context, "customer_session", async (attacker) => verifyCustomer(attacker, (await newCustomer("fix-attacker")).id));
  const victim = await createCustomerWithPassword("fix-signin");
  await signInCustomer(page, victim.email);

  const current = await cookieOf(context, "customer_session");
  expect(current).not.toBe(planted);
  expect(await stillWorks(browser, "customer_session", planted)).toBe(false);
  expect(await stillWorks(browser, "customer_session", current!)).toBe(true);
});

test("a password change starts a new session and ends every earlier one; sign-out ends the last", async ({ browser, context, page }) => {
  test.setTimeout(90_000);
  const customer = await createCustomerWithPassword("fix-change");
  await verifyCustomer(context, customer.id);
  const before = (await cookieOf(context, "customer_session"))!;
  // Another browser of theirs (or whoever copied the cookie) has a session too.
  const elsewhere = await sessionOf(browser, "customer_session", (other) => verifyCustomer(other, customer.id));

  await page.goto("/my/password");
  await page.getByLabel("新しいパスワード", { exact: true }).fill("灯台守は毎朝七時に港の鐘を鳴らす");
  await page.getByLabel("新しいパスワード（確認）").fill("灯台守は毎朝七時に港の鐘を鳴らす");
  await page.getByRole("button", { name: "新しいパスワードを設定する" }).click();
  await expect(page).toHaveURL(/\/my\?password=changed$/, { timeout: 30_000 });

  const after = (await cookieOf(context, "customer_session"))!;
  expect(after).not.toBe(before);
  expect(await stillWorks(browser, "customer_session", before)).toBe(false);
  expect(await stillWorks(browser, "customer_session", elsewhere)).toBe(false);
  expect(await stillWorks(browser, "customer_session", after)).toBe(true);

  await page.getByRole("banner").getByRole("button", { name: "ログアウト" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("ログアウトしました");
  expect(await cookieOf(context, "customer_session")).toBeUndefined();
  expect(await stillWorks(browser, "customer_session", after)).toBe(false);
});

async function signInStaff(page: Page, email: string, code: string) {
  await page.goto("/staff/login");
  await page.getByLabel("メールアドレス").fill(email);
  await page.getByLabel("パスワード").fill(STAFF_PASSWORD);
  await page.getByLabel("認証コード（6桁）またはリカバリーコード").fill(code);
  await page.getByRole("button", { name: "ログイン" }).click();
  await expect(page).toHaveURL(/\/staff$/, { timeout: 30_000 });
}

test("a staff sign-in starts a new session, a planted one is worthless after it, and sign-out ends it", async ({ browser, context, page }) => {
  const planted = await plant(browser, context, "staff_session", (attacker) => signInAs(attacker, "agent", "Planter"));
  expect(await stillWorks(browser, "staff_session", planted)).toBe(true);
  const staff = await createEnrolledStaff("agent");

  // The sign-in page sends a signed-in browser home: the planted session must be posted past.
  const response = await context.request.post("/staff/login", {
    form: { email: staff.email, password: STAFF_PASSWORD, code: staff.recoveryCodes[0]! },
    headers: { Origin: test.info().project.use.baseURL! },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(302);
  const current = (await cookieOf(context, "staff_session"))!;
  expect(current).not.toBe(planted);
  expect(await stillWorks(browser, "staff_session", planted)).toBe(false);
  await page.goto("/staff");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("ようこそ、Enrolled agentさん");

  // Sign out, then in again through the page: another new id; the one signed out is dead.
  await page.getByRole("button", { name: "ログアウト" }).click();
  await expect(page).toHaveURL(/\/staff\/login$/);
  expect(await stillWorks(browser, "staff_session", current)).toBe(false);
  await signInStaff(page, staff.email, staff.recoveryCodes[1]!);
  const again = (await cookieOf(context, "staff_session"))!;
  expect([planted, current]).not.toContain(again);
  expect(await testDb().staffSession.count({ where: { staffId: staff.id, revokedAt: null } })).toBe(1);
});

test("completing an enrolment starts a new session, and a planted one is worthless after it", async ({ browser, context, page }) => {
  test.setTimeout(90_000);
  const planted = await plant(browser, context, "staff_session", (attacker) => signInAs(attacker, "agent", "Planter"));
  const email = `fix-enrol-${randomBytes(3).toString("hex")}@staff.example.com`;
  const created = runCommand("app/cli/staff.ts", ["create", "--email", email, "--role", "agent", "--name", "固定 防止"]);
  expect(created.status, created.stderr).toBe(0);
  const link = /http:\/\/\S+\/staff\/enrol\/\S+/.exec(created.stdout)![0];

  await page.goto(link);
  await page.getByLabel("新しいパスワード", { exact: true }).fill(STAFF_PASSWORD);
  await page.getByLabel("新しいパスワード（確認）").fill(STAFF_PASSWORD);
  await page.getByRole("button", { name: "次へ" }).click();
  const secret = (await page.getByTestId("totp-secret").textContent())!;
  await page.getByLabel("認証コード（6桁）").fill(await generate({ secret }));
  await page.getByRole("button", { name: "登録を完了する" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("登録が完了しました");

  const current = (await cookieOf(context, "staff_session"))!;
  expect(current).not.toBe(planted);
  expect(await stillWorks(browser, "staff_session", planted)).toBe(false);
  await page.getByRole("link", { name: "管理画面へ進む" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("ようこそ、固定 防止さん");
});
