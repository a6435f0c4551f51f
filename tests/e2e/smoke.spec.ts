// The shortest journey that needs every part of a running portal: the built server, its
// database, the rendered notice, a form post, and the background job that answers by mail.
// .ci/run runs it alone on each further Node.js line, as proof the portal runs there.
import { expect, test } from "@playwright/test";
import { uniqueAddress } from "../support/customers";
import { waitForMail } from "../support/mailbox";

test("the notice opens, its check form takes an address, and the answer page and mail follow", async ({ page }) => {
  const email = uniqueAddress("smoke");
  expect((await page.goto("/?lng=ja"))?.status()).toBe(200);
  const box = page.getByRole("region", { name: "あなたの情報は漏えいしましたか" });
  await box.getByLabel("メールアドレス", { exact: true }).fill(email);
  await box.getByRole("button", { name: "確認結果をメールで受け取る" }).click();
  await expect(page).toHaveURL(/\/check$/);
  await expect(page.getByRole("heading", { name: "メールをご確認ください" })).toBeVisible();
  expect((await waitForMail(email)).subject).toBe("【株式会社サンプル雑貨】影響の確認の結果");
});
