import { expect, test, type Browser } from "@playwright/test";
import type { Role } from "../../app/domain/staff/permissions";
import { axeViolations, WCAG_AA, WCAG_AA_AND_BEST_PRACTICE } from "../support/axe";
import { createAffectedCustomer, uniqueAddress, verifyCustomer } from "../support/customers";
import { seedInquiries } from "../support/inquiries";
import { seedMailFailures } from "../support/operations";
import { signInAs, testDb } from "../support/staff";

const PAGES = [
  "/",
  "/notices/1",
  "/notices/999",
  "/check",
  "/check/open?token=not-a-token",
  "/check/ended",
  "/my",
  "/my/password",
  "/my/deletion",
  "/signin",
  "/signout",
  "/inquiries/new",
  "/inquiries/MD-0000-0000",
];
const WIDTHS = [
  { name: "phone", width: 375, height: 812 },
  { name: "desktop", width: 1280, height: 900 },
];

// One test per page and language, both sizes in it: fourteen pages in one test ran past its two
// minutes on a busy machine, while a page's own budget holds, and the pages share out over
// workers. The customer, the context and the page serve both sizes, each loaded afresh at its size.
for (const language of ["ja", "en"]) {
  for (const path of [...PAGES, "an answered inquiry of the customer's"]) {
    test(`no axe violations on ${path} (phone and desktop, ${language})`, async ({ page, context }) => {
      // Signed in, as the /my pages need: a verified customer's exposure in two groups, one with a period.
      const customer = await createAffectedCustomer(uniqueAddress("a11y"), [
        { group: "members", categories: ["name", "email", "password-hash"] },
        { group: "inquirers", categories: ["inquiry-content"], periodFrom: "2026-06-13", periodUntil: "2026-06-27" },
      ]);
      await verifyCustomer(context, customer.id);
      // ...who has written to the desk and been answered.
      const [reference] = await seedInquiries(uniqueAddress("a11y"), [{ customerId: customer.id, status: "waiting", message: "質問です。\nQuestion." }]);
      const target = path.startsWith("/") ? path : `/inquiries/${reference}`;
      for (const viewport of WIDTHS) {
        await page.setViewportSize({ width: viewport.width, height: viewport.height });
        // The page opened in the language chosen in its address, as the switcher leaves it.
        await page.goto(`${target}${target.includes("?") ? "&" : "?"}lng=${language}`);
        await expect(page.locator("html")).toHaveAttribute("lang", language);
        expect(await axeViolations(page, WCAG_AA_AND_BEST_PRACTICE), `${target} (${viewport.name})`).toEqual([]);
        // Nothing overflows sideways, on a small phone least of all.
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${target} (${viewport.name})`).toBeLessThanOrEqual(0);
      }
    });
  }
}

/** Axe on each path, in a fresh context of this size, signed in as `role` (or anonymous). */
async function staffPagesPassAxe(browser: Browser, viewport: { width: number; height: number }, role: Role | null, paths: string[]) {
  const context = await browser.newContext({ viewport });
  if (role) await signInAs(context, role);
  const page = await context.newPage();
  for (const path of paths) {
    await page.goto(path);
    expect(await axeViolations(page, WCAG_AA), path).toEqual([]);
  }
  await context.close();
}

test("no axe violations on the staff sign-in, enrolment, members and import pages", async ({ browser }) => {
  test.setTimeout(120_000);
  for (const viewport of WIDTHS) {
    await staffPagesPassAxe(browser, viewport, null, ["/staff/login", "/staff/enrol/not-a-real-token", "/staff/login?lng=en"]);
    await staffPagesPassAxe(browser, viewport, "admin", ["/staff", "/staff/members"]);
    await staffPagesPassAxe(browser, viewport, "privacy-officer", ["/staff/import", "/staff/import?lng=en"]);
  }
});

test("no axe violations on the inquiry queue, an inquiry and the inquiry settings", async ({ browser }) => {
  test.setTimeout(120_000);
  const [reference] = await seedInquiries(uniqueAddress("a11y-staff"), [{ status: "open", category: "card", message: "カードについて" }]);
  for (const viewport of WIDTHS) {
    await staffPagesPassAxe(browser, viewport, "agent", [
      "/staff/inquiries",
      `/staff/inquiries/${reference}`,
      "/staff/inquiries?status=all&lng=en",
      "/staff/find?reference=md-0000-000",
    ]);
    await staffPagesPassAxe(browser, viewport, "admin", ["/staff/inquiry-settings", "/staff/inquiry-settings/templates/new"]);
  }
});

test("no axe violations on the deletion request pages, the customer's and the privacy officer's", async ({ browser }) => {
  test.setTimeout(120_000);
  const customer = await createAffectedCustomer(uniqueAddress("a11y-deletion"), [{ group: "members", categories: ["email"] }]);
  const context = await browser.newContext();
  await verifyCustomer(context, customer.id);
  const page = await context.newPage();
  await page.goto("/my/deletion");
  await page.getByRole("button", { name: "削除を請求する" }).click();
  await expect(page.getByText("削除を請求するには、内容を理解したことのチェックを入れてください。")).toBeVisible();
  await page.getByLabel("上記の内容を理解し、データの削除を請求します").check();
  await page.getByRole("button", { name: "削除を請求する" }).click();
  await expect(page).toHaveURL(/\/deletion-requests\/DR-/);
  const status = new URL(page.url()).pathname;
  await context.close();
  for (const viewport of WIDTHS) {
    const customerContext = await browser.newContext({ viewport });
    await verifyCustomer(customerContext, customer.id);
    const customerPage = await customerContext.newPage();
    for (const path of [status, `${status}?lng=en`, "/deletion-requests/DR-0000-0000"]) {
      await customerPage.goto(path);
      expect(await axeViolations(customerPage, WCAG_AA_AND_BEST_PRACTICE), path).toEqual([]);
    }
    await customerContext.close();
    await staffPagesPassAxe(browser, viewport, "privacy-officer", [
      "/staff/deletions",
      `/staff/deletions/${status.split("/").at(-1)}`,
      "/staff/deletions/settings?lng=en",
    ]);
  }
});

test("no axe violations on the notification pages: the list, a draft beside its checklist, an approved one", async ({ browser }) => {
  test.setTimeout(120_000);
  // Never started, so nobody is mailed: the pages alone.
  const author = await testDb().staffMember.create({
    data: { email: `a11y-author-${Date.now()}@staff.example.com`, displayName: "起案 担当", role: "privacy-officer", status: "active" },
    select: { id: true },
  });
  const texts = { subjectJa: "お知らせとお詫び", subjectEn: "Notice and apology", introJa: "お詫び申し上げます。", introEn: "We apologise." };
  const draft = await testDb().notificationCampaign.create({ data: { ...texts, createdById: author.id, editedById: author.id }, select: { id: true } });
  const ready = await testDb().notificationCampaign.create({
    data: {
      ...texts,
      summaryJa: "概要",
      summaryEn: "Summary",
      causeJa: "原因",
      causeEn: "Cause",
      harmJa: "おそれ",
      harmEn: "Risk",
      otherJa: "その他",
      otherEn: "Other",
      status: "approved",
      createdById: author.id,
      editedById: author.id,
      approvedAt: new Date(),
    },
    select: { id: true },
  });
  for (const viewport of WIDTHS) {
    await staffPagesPassAxe(browser, viewport, "privacy-officer", [
      "/staff/notifications",
      `/staff/notifications/${draft.id}`,
      `/staff/notifications/${ready.id}?lng=en`,
    ]);
  }
});

test("no axe violations on the operations view", async ({ browser }) => {
  test.setTimeout(120_000);
  // Failures to show, so the tables are there to be checked.
  await seedMailFailures(testDb());
  for (const viewport of WIDTHS) {
    await staffPagesPassAxe(browser, viewport, "admin", ["/staff/operations", "/staff/operations?lng=en"]);
  }
});

test("no axe violations on the dashboard, its period errors and the regulator's summary", async ({ browser }) => {
  test.setTimeout(120_000);
  for (const viewport of WIDTHS) {
    await staffPagesPassAxe(browser, viewport, "privacy-officer", [
      "/staff",
      "/staff?lng=en&from=2025-01-01&to=2025-12-31",
      "/staff?from=2025-02-30&to=2025-01-01",
      "/staff/report?language=ja",
      "/staff/report?language=en&lng=en",
    ]);
    await staffPagesPassAxe(browser, viewport, "agent", ["/staff"]);
  }
});
