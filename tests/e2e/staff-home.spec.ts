import { expect, test } from "@playwright/test";
import { signInAs } from "../support/staff";

test("a signed-in agent sees the staff home with only their menu", async ({ context, page }) => {
  await signInAs(context, "agent", "窓口 花子");
  await page.goto("/staff");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("ようこそ、窓口 花子さん");
  await expect(page.getByText("窓口 花子（窓口担当）でログイン中")).toBeVisible();
  const menu = page.getByRole("navigation", { name: "管理メニュー" });
  await expect(menu.getByRole("link")).toHaveText(["ホーム", "お問い合わせ"]);
});

test("an admin's menu lists the admin pages", async ({ context, page }) => {
  await signInAs(context, "admin");
  await page.goto("/staff?lng=en");
  const menu = page.getByRole("navigation", { name: "Back office menu" });
  await expect(menu.getByRole("link")).toHaveText(["Home", "Notice", "Business hours", "Staff", "Inquiry settings", "Operations", "Audit log"]);
});

test("a privacy officer's menu lists the affected records, the deletion requests and the notifications", async ({ context, page }) => {
  await signInAs(context, "privacy-officer");
  await page.goto("/staff");
  const menu = page.getByRole("navigation", { name: "管理メニュー" });
  await expect(menu.getByRole("link")).toHaveText(["ホーム", "取り込み", "削除請求", "本人通知"]);
});
