import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

const PAGES = ["/", "/notices/1", "/notices/999"];
const WIDTHS = [
  { name: "phone", width: 375, height: 812 },
  { name: "desktop", width: 1280, height: 900 },
];

for (const viewport of WIDTHS) {
  for (const language of ["ja", "en"]) {
    test(`no axe violations on public pages (${viewport.name}, ${language})`, async ({ page }) => {
      await page.setViewportSize({ width: viewport.width, height: viewport.height });
      await page.goto(`/?lng=${language}`);
      for (const path of PAGES) {
        await page.goto(path);
        await expect(page.locator("html")).toHaveAttribute("lang", language);
        const results = await new AxeBuilder({ page })
          .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
          .analyze();
        expect(results.violations.map((v) => `${path}: ${v.id} ${v.nodes.map((n) => n.target).join(" ")}`)).toEqual([]);
      }
      // Nothing overflows sideways on a small phone.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    });
  }
}

test("no axe violations on the staff sign-in, enrolment and members pages", async ({ browser }) => {
  test.setTimeout(120_000);
  const { signInAs } = await import("../support/staff");
  for (const viewport of WIDTHS) {
    const anonymous = await browser.newContext({ viewport });
    const page = await anonymous.newPage();
    for (const path of ["/staff/login", "/staff/enrol/not-a-real-token", "/staff/login?lng=en"]) {
      await page.goto(path);
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
      expect(results.violations.map((v) => `${path}: ${v.id}`)).toEqual([]);
    }
    await anonymous.close();
    const admin = await browser.newContext({ viewport });
    await signInAs(admin, "admin");
    const adminPage = await admin.newPage();
    for (const path of ["/staff", "/staff/members"]) {
      await adminPage.goto(path);
      const results = await new AxeBuilder({ page: adminPage }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
      expect(results.violations.map((v) => `${path}: ${v.id} ${v.nodes.map((n) => n.target).join(" ")}`)).toEqual([]);
    }
    await admin.close();
  }
});
