// Every back-office page is titled in the reader's language, the page's own name first and
// the back office's after it, so a row of tabs reads as the menu does.
import { expect, test } from "@playwright/test";
import type { Role } from "../../app/domain/staff/permissions";
import { signInAs } from "../support/staff";

const PAGES: Record<Role, Array<{ path: string; ja: string; en: string }>> = {
  agent: [
    { path: "/staff", ja: "ホーム – 管理画面", en: "Home – Back office" },
    { path: "/staff/inquiries", ja: "お問い合わせ – 管理画面", en: "Inquiries – Back office" },
    { path: "/staff/find", ja: "受付番号で探す – 管理画面", en: "Find by reference – Back office" },
  ],
  "privacy-officer": [
    { path: "/staff", ja: "ホーム – 管理画面", en: "Home – Back office" },
    { path: "/staff/deletions", ja: "削除請求 – 管理画面", en: "Deletion requests – Back office" },
    { path: "/staff/deletions/settings", ja: "削除請求の設定 – 管理画面", en: "Deletion request settings – Back office" },
  ],
  admin: [
    { path: "/staff", ja: "ホーム – 管理画面", en: "Home – Back office" },
    { path: "/staff/hours", ja: "受付時間の管理 – 管理画面", en: "Business hours – Back office" },
    { path: "/staff/notice", ja: "お知らせの版 – 管理画面", en: "Notice revisions – Back office" },
    { path: "/staff/members", ja: "スタッフ – 管理画面", en: "Staff – Back office" },
    { path: "/staff/inquiry-settings", ja: "お問い合わせの設定 – 管理画面", en: "Inquiry settings – Back office" },
  ],
};

for (const [role, pages] of Object.entries(PAGES) as Array<[Role, (typeof PAGES)[Role]]>) {
  test(`the ${role}'s pages are titled in Japanese and in English`, async ({ context, page }) => {
    await signInAs(context, role);
    for (const { path, ja, en } of pages) {
      await page.goto(`${path}?lng=ja`);
      await expect(page).toHaveTitle(ja);
      await page.goto(`${path}?lng=en`);
      await expect(page).toHaveTitle(en);
    }
  });
}

test("the sign-in page is titled in the reader's language", async ({ page }) => {
  await page.goto("/staff/login");
  await expect(page).toHaveTitle("スタッフログイン – 管理画面");
  await page.goto("/staff/login?lng=en");
  await expect(page).toHaveTitle("Staff sign-in – Back office");
});
