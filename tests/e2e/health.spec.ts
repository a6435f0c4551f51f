import { expect, test } from "@playwright/test";
import { UNREACHABLE_DB_PORT } from "../../playwright.config";

test("/healthz is 200 with the database checked", async ({ request }) => {
  const response = await request.get("/healthz");
  expect(response.status()).toBe(200);
  expect(response.headers()["cache-control"]).toBe("no-store");
  expect(await response.json()).toEqual({ status: "ok", database: "ok" });
});

test("/healthz is 503 when the database can't be reached, and pages fail cleanly", async ({ request, page }) => {
  const base = `http://127.0.0.1:${UNREACHABLE_DB_PORT}`;
  const response = await request.get(`${base}/healthz`);
  expect(response.status()).toBe(503);
  expect(await response.json()).toEqual({ status: "unavailable", database: "unreachable" });

  const pageResponse = await page.goto(`${base}/`);
  expect(pageResponse?.status()).toBeGreaterThanOrEqual(500);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("一時的に利用できません");
  await expect(page.locator("body")).not.toContainText(/Error:|at \w+ \(|prisma/i);
  // The error page needs no database: the site's header without what the database holds.
  await expect(page.getByRole("banner")).toContainText("専用お問い合わせ窓口");
  await expect(page).toHaveTitle("一時的に利用できません");
});
