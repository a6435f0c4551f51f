import { expect, test } from "@playwright/test";

test.describe("the incident notice", () => {
  test("shows the latest revision in Japanese by default", async ({ page }) => {
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "ja");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("不正アクセスによるお客様情報流出に関するお知らせ（第2報）");
    await expect(page.locator(".revision-meta")).toContainText("第2報");
    await expect(page.locator(".revision-meta")).toContainText(/\d{4}年\d{1,2}月\d{1,2}日 公開/);

    // What of theirs was exposed, per affected group, with what to do about it.
    const exposed = page.getByRole("region", { name: "漏えいした可能性のある情報" });
    await expect(exposed.getByRole("heading", { level: 3 })).toHaveText(["オンラインショップ会員のお客様", "お問い合わせフォームをご利用のお客様"]);
    await expect(exposed.getByRole("rowheader", { name: "パスワード（暗号化された状態）" })).toBeVisible();
    await expect(exposed.getByRole("rowheader", { name: "お問い合わせの内容" })).toBeVisible();
    await expect(exposed).toContainText("当サイトのパスワードを変更してください。");

    await expect(page.getByRole("region", { name: "当社の対応" })).toContainText("すべての会員のパスワードを無効にしました。");
    await expect(page.getByRole("region", { name: "お客様へのお願い" })).toContainText("パスワードを再設定してください");
    await expect(page.getByRole("region", { name: "経緯" }).getByRole("listitem")).toHaveCount(5);

    const revisions = page.getByRole("navigation", { name: "これまでのお知らせ" }).getByRole("link");
    await expect(revisions).toHaveCount(2);
    await expect(revisions.first()).toHaveAttribute("href", "/notices/2");
    await expect(revisions.last()).toHaveAttribute("href", "/notices/1");
  });

  test("shows an earlier revision at its own URL, marked as superseded", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("link", { name: /第1報/ }).click();
    await expect(page).toHaveURL(/\/notices\/1$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("不正アクセスによるお客様情報流出の可能性に関するお知らせとお詫び");
    await expect(page.getByRole("note")).toContainText("このお知らせは第2報");
    await expect(page.getByRole("region", { name: "経緯" }).getByRole("listitem")).toHaveCount(3);
    await page.getByRole("link", { name: "最新のお知らせを読む" }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.locator(".revision-meta")).toContainText("第2報");
  });

  test("answers an unknown or malformed revision with a friendly 404", async ({ page }) => {
    for (const path of ["/notices/99", "/notices/abc", "/notices/-1", "/notices/1e9999"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("ページが見つかりません");
      await expect(page.getByText("お探しのページは見つかりませんでした。")).toBeVisible();
      await expect(page).toHaveTitle("ページが見つかりません");
    }
  });
});

test.describe("languages", () => {
  test("?lng=en shows English and the choice is remembered", async ({ page }) => {
    await page.goto("/?lng=en");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Unauthorised access and leak of customer information (update 2)");
    await expect(page.locator(".revision-meta")).toContainText("Update 2");
    await expect(page.getByRole("region", { name: "What we have done" })).toBeVisible();

    await page.goto("/notices/1");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.locator(".revision-meta")).toContainText("First report");
    await expect(page.getByRole("note")).toContainText("This notice has been superseded by Update 2");
  });

  test("follows the browser's Accept-Language", async ({ browser }) => {
    const context = await browser.newContext({ locale: "en-US" });
    const page = await context.newPage();
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { name: "Inquiry desk" })).toBeVisible();
    await context.close();
  });

  test("the visible switcher changes the language both ways and keeps the page", async ({ page }) => {
    await page.goto("/notices/1");
    const switcher = page.getByRole("navigation", { name: "表示言語" });
    await expect(switcher.getByRole("link", { name: "日本語" })).toHaveAttribute("aria-current", "true");
    await switcher.getByRole("link", { name: "English" }).click();
    await expect(page).toHaveURL(/\/notices\/1\?lng=en$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("navigation", { name: "Language" }).getByRole("link", { name: "English" })).toHaveAttribute("aria-current", "true");
    await page.getByRole("navigation", { name: "Language" }).getByRole("link", { name: "日本語" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "ja");
    await expect(page.locator(".revision-meta")).toContainText("第1報");
  });
});
