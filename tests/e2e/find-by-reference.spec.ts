// A reference read out on the phone finds its record however it is typed: lower case,
// full-width (an IME left on), with or without hyphens, long-vowel marks for hyphens.
// Each role finds only what it may open; anything else is plainly not found.
import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { referenceFromBytes } from "../../app/domain/inquiries/reference";
import { createAffectedCustomer, uniqueAddress } from "../support/customers";
import { seedDeletionRequest } from "../support/deletions";
import { seedInquiries } from "../support/inquiries";
import { signInAs, testDb } from "../support/staff";

/** Lower case and full-width, as a Japanese IME left on types it ("-" becomes "－"). */
function fullWidthLower(text: string): string {
  return text.toLowerCase().replace(/[!-~]/g, (character) => String.fromCharCode(character.charCodeAt(0) + 0xfee0));
}

async function find(page: Page, typed: string) {
  await page.getByRole("searchbox", { name: "受付番号" }).fill(typed);
  await page.getByRole("button", { name: "探す" }).click();
}

/** A deletion request of a customer of its own, received and not yet opened. */
async function seedRequest(): Promise<string> {
  const customer = await createAffectedCustomer(uniqueAddress("find-deletion"), [{ group: "members", categories: ["email"] }]);
  return seedDeletionRequest(testDb(), customer.id);
}

async function viewsOf(reference: string, action: string): Promise<number> {
  return testDb().auditEntry.count({ where: { targetId: reference, action } });
}

test("an agent finds an inquiry from the home page and the queue, however its reference is typed", async ({ page, context }) => {
  await signInAs(context, "agent", "電話 受付");
  const [reference] = await seedInquiries(uniqueAddress("find-inquiry"), [{}]);
  const symbols = reference!.slice(3).replace("-", "");

  // Lower case, full-width, with the hyphens (full-width too).
  await page.goto("/staff");
  await find(page, fullWidthLower(reference!));
  await expect(page).toHaveURL(`/staff/inquiries/${reference}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`お問い合わせ ${reference}`);
  // Opened through the finder, the view is audited as any other.
  expect(await viewsOf(reference!, "inquiry.view")).toBe(1);

  // From the queue: full-width without hyphens, then with long-vowel marks, then only the symbols.
  for (const typed of [fullWidthLower(`MD${symbols}`), fullWidthLower(reference!).replaceAll("－", "ー"), ` ${symbols.toLowerCase()} `]) {
    await page.goto("/staff/inquiries");
    await find(page, typed);
    await expect(page, typed).toHaveURL(`/staff/inquiries/${reference}`);
  }
  expect(await viewsOf(reference!, "inquiry.view")).toBe(4);
});

test("a privacy officer finds a deletion request from the queue and the home page, however its reference is typed", async ({ page, context }) => {
  await signInAs(context, "privacy-officer", "電話 受付");
  const reference = await seedRequest();

  await page.goto("/staff/deletions");
  await find(page, fullWidthLower(reference).replaceAll("－", ""));
  await expect(page).toHaveURL(`/staff/deletions/${reference}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(reference);
  expect(await viewsOf(reference, "deletion.view")).toBe(1);

  await page.goto("/staff");
  await find(page, fullWidthLower(reference));
  await expect(page).toHaveURL(`/staff/deletions/${reference}`);
  expect(await viewsOf(reference, "deletion.view")).toBe(2);
});

test("an unknown reference, a reference of what the role can't open, and what is no reference are each said plainly", async ({ page, context }) => {
  await signInAs(context, "agent", "電話 受付");
  const deletion = await seedRequest();
  const unknown = referenceFromBytes(randomBytes(5));

  await page.goto("/staff/inquiries");
  await find(page, fullWidthLower(unknown));
  await expect(page).toHaveURL(/\/staff\/find\?reference=/);
  await expect(page.getByRole("alert")).toHaveText(`受付番号「${fullWidthLower(unknown)}」のお問い合わせは見つかりませんでした。`);
  // What was typed stays in the box, to correct.
  await expect(page.getByRole("searchbox", { name: "受付番号" })).toHaveValue(fullWidthLower(unknown));

  // An agent doesn't open deletion requests: one that exists is not found, and not opened.
  await find(page, deletion.toLowerCase());
  await expect(page.getByRole("alert")).toHaveText(`受付番号「${deletion.toLowerCase()}」のお問い合わせは見つかりませんでした。`);
  expect(await viewsOf(deletion, "deletion.view")).toBe(0);

  await find(page, "田中さん");
  await expect(page.getByRole("alert")).toContainText("「田中さん」は受付番号として読み取れません。");

  // In the reader's language.
  await page.goto(`/staff/find?reference=${unknown.toLowerCase()}&lng=en`);
  await expect(page.getByRole("alert")).toHaveText(`No inquiry has the reference “${unknown.toLowerCase()}”.`);
});

test("an admin, who opens neither, has no find box and can't use the finder", async ({ page, context }) => {
  await signInAs(context, "admin");
  await page.goto("/staff");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("searchbox")).toHaveCount(0);
  const response = await page.request.get("/staff/find?reference=MD-0000-0000", { maxRedirects: 0 });
  expect(response.status()).toBe(403);
});
