// The actions on an inquiry's page never undo anyone's work by themselves: after every
// action each select shows the inquiry as it now stands, and an assignment or a change of
// status sent from a view someone else has since changed is refused, nothing changed.
import { expect, test, type Page } from "@playwright/test";
import { uniqueAddress } from "../support/customers";
import { seedInquiries } from "../support/inquiries";
import { signInAs, testDb } from "../support/staff";

async function stored(reference: string) {
  return testDb().inquiry.findUniqueOrThrow({ where: { reference }, select: { status: true, assigneeId: true, version: true } });
}

/** Presses `name` and waits for the action's answer (the notice may read as it did before). */
async function press(page: Page, name: string) {
  await Promise.all([page.waitForResponse((response) => response.request().method() === "POST"), page.getByRole("button", { name, exact: true }).click()]);
}

const assigneeSelect = (page: Page) => page.getByLabel("担当者", { exact: true });
const statusSelect = (page: Page) => page.getByLabel("状況", { exact: true });

test("after taking an inquiry the assignee select shows the agent, and 割り当てる leaves it with them", async ({ page, context }) => {
  const agent = await signInAs(context, "agent", "担当 一郎");
  const [reference] = await seedInquiries(uniqueAddress("claim-select"), [{}]);
  await page.goto(`/staff/inquiries/${reference}`);
  await expect(assigneeSelect(page)).toHaveValue("");
  // A new inquiry's status is shown as it is, though nobody chooses it.
  await expect(statusSelect(page).locator("option:checked")).toHaveText("受付済み");
  // Pressed as it is, it asks for a status instead of choosing one.
  await page.getByRole("button", { name: "状況を変更する" }).click();
  await expect(page.getByRole("alert")).toHaveText("変更後の状況を選んでください。");
  expect((await stored(reference!)).status).toBe("new");

  await page.getByRole("button", { name: "自分が担当する" }).click();
  await expect(page.getByText("担当者を変更しました。")).toBeVisible();
  await expect(page.locator(".thread-facts")).toContainText("担当 一郎");
  await expect(assigneeSelect(page)).toHaveValue(agent.id);
  await expect(statusSelect(page)).toHaveValue("open");

  // Pressed without choosing anyone: the inquiry stays with the agent, nothing is written.
  const before = await stored(reference!);
  await press(page, "割り当てる");
  await expect(page.getByText("担当者を変更しました。")).toBeVisible();
  await expect(assigneeSelect(page)).toHaveValue(agent.id);
  expect(await stored(reference!)).toEqual(before);
  const audit = await testDb().auditEntry.findMany({ where: { targetId: reference }, orderBy: { sequence: "asc" }, select: { action: true } });
  expect(audit.map((entry) => entry.action).filter((action) => action !== "inquiry.view")).toEqual(["inquiry.claim"]);
});

test("after a reply the status select shows the status it left the inquiry in", async ({ page, context }) => {
  await signInAs(context, "agent", "担当 二郎");
  const [reference] = await seedInquiries(uniqueAddress("reply-select"), [{ status: "open" }]);
  await page.goto(`/staff/inquiries/${reference}`);
  await expect(statusSelect(page)).toHaveValue("open");

  await page.getByLabel(/^回答（日本語/).fill("ご連絡ありがとうございます。");
  await page.getByLabel("送信後の状況").selectOption({ label: "お客様のご返信待ち" });
  await page.getByRole("button", { name: "回答を送信する" }).click();
  await expect(page.getByText("回答を送信しました。")).toBeVisible();
  await expect(statusSelect(page)).toHaveValue("waiting");
  await expect(statusSelect(page).locator("option:checked")).toHaveText("お客様のご返信待ち");

  // Pressed without choosing: the inquiry stays waiting on the customer.
  await page.getByRole("button", { name: "状況を変更する" }).click();
  await expect(page.getByText("状況を変更しました。")).toBeVisible();
  expect((await stored(reference!)).status).toBe("waiting");
  await expect(statusSelect(page)).toHaveValue("waiting");
});

test("an assignment or a change of status from a view someone else has since changed is refused", async ({ page, context, browser }) => {
  test.setTimeout(90_000);
  const first = await signInAs(context, "agent", "担当 三郎");
  const otherContext = await browser.newContext({ locale: "ja-JP", timezoneId: "Asia/Tokyo" });
  const second = await signInAs(otherContext, "agent", "担当 四郎");
  const other = await otherContext.newPage();
  const [reference] = await seedInquiries(uniqueAddress("stale-actions"), [{ status: "open" }]);

  // Both open the inquiry; the second takes it and answers, leaving it waiting on the customer.
  await page.goto(`/staff/inquiries/${reference}`);
  await other.goto(`/staff/inquiries/${reference}`);
  await other.getByRole("button", { name: "自分が担当する" }).click();
  await expect(other.getByText("担当者を変更しました。")).toBeVisible();
  // The page has reloaded the inquiry (the reply goes with the version it shows).
  await expect(assigneeSelect(other)).toHaveValue(second.id);
  await other.getByLabel(/^回答（日本語/).fill("確認いたしました。");
  await other.getByRole("button", { name: "回答を送信する" }).click();
  await expect(other.getByText("回答を送信しました。")).toBeVisible();
  const changed = await stored(reference!);
  expect(changed).toMatchObject({ status: "waiting", assigneeId: second.id });

  // The first agent's page still shows the old view: its forms change nothing.
  await page.getByRole("button", { name: "割り当てる", exact: true }).click();
  await expect(page.getByRole("alert")).toContainText("担当者も状況も変更していません");
  expect(await stored(reference!)).toEqual(changed);
  // Refused, the page shows the inquiry as it now stands.
  await expect(assigneeSelect(page)).toHaveValue(second.id);
  await expect(statusSelect(page)).toHaveValue("waiting");

  // The other way round: the second agent's page is left behind when the first takes it.
  await other.goto(`/staff/inquiries/${reference}`);
  await page.getByRole("button", { name: "自分が担当する" }).click();
  await expect(page.getByText("担当者を変更しました。")).toBeVisible();
  expect((await stored(reference!)).assigneeId).toBe(first.id);
  await statusSelect(other).selectOption({ label: "対応中" });
  await other.getByRole("button", { name: "状況を変更する" }).click();
  await expect(other.getByRole("alert")).toContainText("担当者も状況も変更していません");
  expect(await stored(reference!)).toMatchObject({ status: "waiting", assigneeId: first.id });
  await expect(assigneeSelect(other)).toHaveValue(first.id);
  await expect(statusSelect(other)).toHaveValue("waiting");

  // Having seen it, the agent may choose again.
  await statusSelect(other).selectOption({ label: "対応中" });
  await other.getByRole("button", { name: "状況を変更する" }).click();
  await expect(other.getByText("状況を変更しました。")).toBeVisible();
  expect((await stored(reference!)).status).toBe("open");
  await otherContext.close();
});

test("the queue's filters show the query of the page, after following a count link to it", async ({ page, context }) => {
  await signInAs(context, "agent", "担当 五郎");
  const status = page.locator('select[name="status"]');
  const category = page.locator('select[name="category"]');
  await page.goto("/staff/inquiries?category=card");
  await expect(status).toHaveValue("owed");
  await expect(category).toHaveValue("card");

  await page.getByRole("link", { name: /^終了：\d+件$/ }).click();
  await expect(page).toHaveURL(/status=closed/);
  await expect(status).toHaveValue("closed");
  await expect(category).toHaveValue("card");

  await page.getByRole("link", { name: /^期限超過：\d+件$/ }).click();
  await expect(page).toHaveURL(/overdue=1/);
  await expect(status).toHaveValue("owed");
  await expect(page.getByLabel("期限超過のみ")).toBeChecked();
});
