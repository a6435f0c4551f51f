// Uploads an import file through the back office as an officer does: chooses it, checks how
// it reads (the preview), then imports it; resolves with the run's id once on its page.
import { expect, type Page } from "@playwright/test";

export async function chooseImportFile(page: Page, file: string): Promise<void> {
  await page.goto("/staff/import");
  await page.getByLabel("CSV ファイル").setInputFiles(file);
  await page.getByRole("button", { name: "ファイルを確認する" }).click();
}

export async function uploadImportFile(page: Page, file: string, timeout = 30_000): Promise<string> {
  await chooseImportFile(page, file);
  await page.getByRole("button", { name: "このファイルを取り込む" }).click({ timeout });
  await expect(page).toHaveURL(/\/staff\/import\/[a-z0-9]+$/, { timeout });
  return page.url().split("/").at(-1)!;
}
