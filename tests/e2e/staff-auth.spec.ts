// The whole life of a staff account: created by the command, enrolled (password, TOTP,
// recovery codes), signing in with both factors, failures, throttling, sign-out,
// revocation, and every step in the audit log.
import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { generate } from "otplib";
import { runCommand } from "../support/cli";
import { signInAs, testDb } from "../support/staff";

const PASSWORD = "窓口の春は静かに来る 2026";

async function enrol(page: Page, link: string): Promise<{ secret: string; recoveryCodes: string[] }> {
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("スタッフアカウントの登録");
  // A guessable password is refused with the reason.
  await page.getByLabel("新しいパスワード", { exact: true }).fill("password1234");
  await page.getByLabel("新しいパスワード（確認）").fill("password1234");
  await page.getByRole("button", { name: "次へ" }).click();
  await expect(page.getByText("推測されやすいパスワードです。")).toBeVisible();
  await page.getByLabel("新しいパスワード", { exact: true }).fill(PASSWORD);
  await page.getByLabel("新しいパスワード（確認）").fill(PASSWORD);
  await page.getByRole("button", { name: "次へ" }).click();

  await expect(page.getByRole("img", { name: "認証アプリ用のQRコード" }).locator("svg")).toBeVisible();
  const secret = (await page.getByTestId("totp-secret").textContent())!;
  await page.getByLabel("認証コード（6桁）").fill("000000");
  await page.getByRole("button", { name: "登録を完了する" }).click();
  await expect(page.getByText("認証コードが正しくありません。")).toBeVisible();
  await page.getByLabel("認証コード（6桁）").fill(await generate({ secret }));
  await page.getByRole("button", { name: "登録を完了する" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("登録が完了しました");
  const recoveryCodes = await page.getByTestId("recovery-codes").locator("code").allTextContents();
  expect(recoveryCodes).toHaveLength(10);
  return { secret, recoveryCodes };
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: "ログアウト" }).click();
  // Wait for the sign-out to land before anything else navigates away from it.
  await expect(page).toHaveURL(/\/staff\/login$/);
}

async function signIn(page: Page, email: string, password: string, code: string) {
  await page.goto("/staff/login");
  await page.getByLabel("メールアドレス").fill(email);
  await page.getByLabel("パスワード").fill(password);
  await page.getByLabel("認証コード（6桁）またはリカバリーコード").fill(code);
  await page.getByRole("button", { name: "ログイン" }).click();
}

/** A code for the next 30-second step: the enrolment used up the current one. */
function nextCode(secret: string) {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });
}

async function auditActions(staffId: string) {
  const rows = await testDb().auditEntry.findMany({
    where: { OR: [{ actorId: staffId }, { targetId: staffId }] },
    orderBy: { sequence: "asc" },
    select: { action: true, result: true },
  });
  return rows.map((row) => `${row.action}:${row.result}`);
}

test("an admin created by the command enrols, signs in with both factors and out again", async ({ page }) => {
  test.setTimeout(90_000);
  const email = `admin-${randomBytes(3).toString("hex")}@staff.example.com`;
  const created = runCommand("app/cli/staff.ts", ["create", "--email", email, "--role", "admin", "--name", "最初の管理者"]);
  expect(created.status, created.stderr).toBe(0);
  const link = /http:\/\/\S+\/staff\/enrol\/\S+/.exec(created.stdout)![0];
  const { secret, recoveryCodes } = await enrol(page, link);

  // Enrolment signs the new admin in.
  await page.getByRole("link", { name: "管理画面へ進む" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("ようこそ、最初の管理者さん");
  await signOut(page);

  // The link is single-use.
  await page.goto(link);
  await expect(page.getByText("このリンクは無効か、有効期限が切れています。")).toBeVisible();

  // Every failure answers the same way: wrong password, wrong code, unknown address.
  for (const [who, password, code] of [
    [email, "not the password at all", await nextCode(secret)],
    [email, PASSWORD, "123456"],
    [`nobody-${randomBytes(3).toString("hex")}@staff.example.com`, PASSWORD, "123456"],
  ] as const) {
    await signIn(page, who, password, code);
    await expect(page.getByRole("alert")).toHaveText("メールアドレス、パスワード、または認証コードが正しくありません。");
  }

  await signIn(page, email.toUpperCase(), PASSWORD, await nextCode(secret));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("ようこそ、最初の管理者さん");
  await signOut(page);

  // A recovery code works once.
  await signIn(page, email, PASSWORD, recoveryCodes[0]!.toUpperCase());
  await expect(page).toHaveURL(/\/staff$/);
  await signOut(page);
  await signIn(page, email, PASSWORD, recoveryCodes[0]!);
  await expect(page.getByRole("alert")).toHaveText("メールアドレス、パスワード、または認証コードが正しくありません。");

  const staffId = (await testDb().staffMember.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
  const actions = await auditActions(staffId);
  expect(actions.slice(0, 4)).toEqual(["staff.invite:ok", "staff.enrol:ok", "staff.sign-out:ok", "staff.sign-in:failed"]);
  expect(actions).toContain("staff.sign-in:ok");
  const signIn2 = await testDb().auditEntry.findFirst({
    where: { actorId: staffId, action: "staff.sign-in", result: "ok" },
    // The first of the two: without an order PostgreSQL may return the recovery-code sign-in.
    orderBy: { sequence: "asc" },
    select: { details: true },
  });
  // The first successful sign-in came after failures, and says so.
  expect(JSON.parse(signIn2!.details!)).toMatchObject({ secondFactor: "totp", afterFailures: expect.any(Number) });
  const credentials = await testDb().staffMember.findUniqueOrThrow({ where: { email }, select: { passwordHash: true, totpSecret: true } });
  expect(credentials.passwordHash).toMatch(/^\$argon2id\$/);
  expect(credentials.totpSecret).not.toContain(secret); // stored encrypted

  const verified = runCommand("app/cli/audit-verify.ts", []);
  expect(verified.status, verified.stdout + verified.stderr).toBe(0);
});

test("repeated failures are slowed, then refused for a while, whoever the address", async ({ page }) => {
  test.setTimeout(90_000);
  const email = `target-${randomBytes(3).toString("hex")}@staff.example.com`;
  let lastDuration = 0;
  for (let attempt = 1; attempt <= 10; attempt++) {
    const started = Date.now();
    await signIn(page, email, "wrong password", "123456");
    await expect(page.getByRole("alert")).toHaveText("メールアドレス、パスワード、または認証コードが正しくありません。");
    lastDuration = Date.now() - started;
  }
  expect(lastDuration).toBeGreaterThan(1_500); // slowed by now
  await signIn(page, email, "wrong password", "123456");
  await expect(page.getByRole("alert")).toContainText("ログインの失敗が続いたため");
  const denied = await testDb().auditEntry.count({ where: { action: "staff.sign-in", result: "denied" } });
  expect(denied).toBeGreaterThan(0);
});

test("an admin invites an agent, who enrols and is refused from admin pages", async ({ browser, context, page }) => {
  await signInAs(context, "admin");
  await page.goto("/staff/members");
  const agentEmail = `agent-${randomBytes(3).toString("hex")}@staff.example.com`;
  await page.getByLabel("メールアドレス").fill(agentEmail);
  await page.getByLabel("表示名").fill("窓口 太郎");
  await page.getByLabel("役割").selectOption("agent");
  await page.getByRole("button", { name: "招待リンクを発行" }).click();
  const link = (await page.getByTestId("enrolment-link").textContent())!;
  await expect(page.getByRole("row", { name: /窓口 太郎/ })).toContainText("登録待ち");

  const agentContext = await browser.newContext();
  const agentPage = await agentContext.newPage();
  await enrol(agentPage, link);
  for (const path of ["/staff/members", "/staff/audit", "/staff/notice", "/staff/hours"]) {
    const response = await agentPage.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(agentPage.getByText("窓口担当の役割では、このページを開くことはできません。")).toBeVisible();
  }

  // The admin ends the agent's sessions: the agent's next request is sent to sign in.
  await page.reload();
  await page.getByRole("button", { name: `すべてのセッションを終了: ${agentEmail}` }).click();
  await expect(page.getByRole("status")).toContainText("セッションをすべて終了しました");
  await agentPage.goto("/staff");
  await expect(agentPage).toHaveURL(/\/staff\/login\?redirectTo=%2Fstaff$/);

  // Deactivation: even a correct sign-in is refused.
  await page.getByRole("button", { name: `無効にする: ${agentEmail}` }).click();
  await expect(page.getByRole("row", { name: /窓口 太郎/ })).toContainText("無効");
  await agentContext.close();
});

test("sessions end after 30 idle minutes and after 12 hours, and can't be fixed by the client", async ({ context, page }) => {
  const staff = await signInAs(context, "agent");
  await page.goto("/staff");
  await expect(page).toHaveURL(/\/staff$/);
  await testDb().staffSession.updateMany({ where: { staffId: staff.id }, data: { lastSeenAt: new Date(Date.now() - 31 * 60_000) } });
  await page.goto("/staff");
  await expect(page).toHaveURL(/\/staff\/login/);

  const other = await signInAs(context, "agent");
  await page.goto("/staff");
  await expect(page).toHaveURL(/\/staff$/);
  await testDb().staffSession.updateMany({ where: { staffId: other.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
  await page.goto("/staff");
  await expect(page).toHaveURL(/\/staff\/login/);

  // A made-up or tampered cookie is not a session.
  await context.clearCookies();
  await context.addCookies([{ name: "staff_session", value: "forged.value", url: page.url() }]);
  await page.goto("/staff");
  await expect(page).toHaveURL(/\/staff\/login/);
});

test("a cross-site POST is refused", async ({ request }) => {
  const response = await request.post("/staff/login", {
    headers: { Origin: "https://evil.example" },
    form: { email: "a@example.com", password: "x", code: "123456" },
  });
  expect(response.status()).toBe(403);
});
