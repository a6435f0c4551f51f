// Error pages say what happened in the reader's language, inside the site's header with the
// company's name and the desk's contacts (the back office's inside its own header), with a
// <title>. The database being away is database-outage.spec.ts and health.spec.ts.
import { expect, test } from "@playwright/test";
import { PORT } from "../../playwright.config";
import { signInAs } from "../support/staff";

const ORIGIN = `http://127.0.0.1:${PORT}`;

test.use({ viewport: { width: 375, height: 812 } });

for (const { lng, title, body, site, desk, back } of [
  {
    lng: "ja",
    title: "ページが見つかりません",
    body: "お探しのページは見つかりませんでした。",
    site: "株式会社サンプル雑貨 専用お問い合わせ窓口",
    desk: "お問い合わせ窓口",
    back: "お知らせのページへ戻る",
  },
  {
    lng: "en",
    title: "Page not found",
    body: "We could not find the page you were looking for.",
    site: "Sample Zakka Co., Ltd. Incident Inquiry Desk",
    desk: "Inquiry desk",
    back: "Back to the notice",
  },
] as const) {
  test(`an address no page answers says 'page not found' inside the site, with the desk's contacts (${lng})`, async ({ page }) => {
    const response = await page.goto(`/no-such-page/at/all?lng=${lng}`);
    expect(response?.status()).toBe(404);
    await expect(page).toHaveTitle(title);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    await expect(page.getByText(body)).toBeVisible();
    await expect(page.getByRole("banner")).toContainText(site);
    const deskBlock = page.getByRole("region", { name: desk, exact: true });
    await expect(deskBlock.getByRole("link", { name: "03-0000-0000" })).toBeVisible();
    await expect(page.getByRole("link", { name: back })).toHaveAttribute("href", "/");
    // Nothing overflows sideways on a small phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  });
}

test("a post to an address no page answers is the same 404, and one to a page that takes none is said so", async ({ request }) => {
  const unknown = await request.post("/no-such-page?lng=ja", { headers: { Origin: ORIGIN }, form: { a: "b" } });
  expect(unknown.status()).toBe(404);
  expect(await unknown.text()).toContain("ページが見つかりません");
  const wrongMethod = await request.post("/notices/1?lng=en", { headers: { Origin: ORIGIN }, form: { a: "b" } });
  expect(wrongMethod.status()).toBe(405);
  const text = await wrongMethod.text();
  expect(text).toContain("<title>This page can&#x27;t be opened this way</title>");
  expect(text).toContain("Sample Zakka Co., Ltd. Incident Inquiry Desk");
});

test("a staff member refused by role reads so in English, inside the back office with their menu", async ({ context, page }) => {
  await signInAs(context, "agent");
  const response = await page.goto("/staff/members?lng=en");
  expect(response?.status()).toBe(403);
  await expect(page).toHaveTitle("Your role may not open this page");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your role may not open this page");
  await expect(page.getByText("Staff with the Agent role may not open this page. Please ask an administrator if you need it.")).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Back office menu" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Back to the staff home" })).toHaveAttribute("href", "/staff");

  const missing = await page.goto("/staff/no-such-page?lng=ja");
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("ページが見つかりません");
  await expect(page.getByRole("navigation", { name: "管理メニュー" })).toBeVisible();
  await expect(page).toHaveTitle("ページが見つかりません");
});
