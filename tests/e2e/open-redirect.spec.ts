// Open redirects: wherever the portal sends a browser on after something (the staff
// sign-in's redirectTo, the guard that sends to sign-in, the language switch, the customer
// flows, and any ?next= or returnTo someone might try), the target is a path of the
// portal itself, whatever is slipped in: another host written a dozen ways, a script URL,
// control characters, a full-width solidus.
import { expect, test } from "@playwright/test";
import { PORT } from "../../playwright.config";
import {
  createCheckLink,
  createCustomerWithPassword,
  createEnrolledStaff,
  createPendingInquiry,
  CUSTOMER_PASSWORD,
  STAFF_PASSWORD,
} from "../support/credentials";
import { uniqueAddress } from "../support/customers";
import { seedInquiries } from "../support/inquiries";

test.use({ extraHTTPHeaders: { "X-Forwarded-For": `198.51.100.${1 + Math.floor(Math.random() * 250)}` } });

const APP = `http://127.0.0.1:${PORT}`;
const ELSEWHERE = [
  "//evil.example",
  "https://evil.example",
  "/\\evil.example",
  "\\\\evil.example",
  "/%2F%2Fevil.example",
  "/%5Cevil.example",
  "javascript:alert(1)",
  "http:evil.example",
  "/\t/evil.example",
  "/\n/evil.example",
  "\uFF0F\uFF0Fevil.example",
  "/staff//evil.example",
  "/staff/\\evil.example",
  "/staff/../\\evil.example",
  "/staff/%2F%2Fevil.example",
  "/staff?\r\nLocation: https://evil.example",
];

/** A Location that stays on the portal: a path of its own, resolving to its own origin. */
function expectLocal(location: string | undefined, what: string) {
  expect(location, what).toMatch(/^\/(?![/\\])/);
  expect(location, what).not.toMatch(/[\s\\]/);
  expect(new URL(location!, APP).origin, what).toBe(APP);
}

test("the staff sign-in goes on to a page of the back office, never elsewhere", async ({ context }) => {
  test.setTimeout(90_000);
  // Ten recovery codes each, one per sign-in: two accounts for the seventeen sign-ins.
  const accounts = [await createEnrolledStaff("agent"), await createEnrolledStaff("agent")];
  let n = 0;
  for (const redirectTo of [...ELSEWHERE, "/staff/audit?result=denied"]) {
    const account = accounts[Math.floor(n / 10)]!;
    const response = await context.request.post("/staff/login", {
      form: { email: account.email, password: STAFF_PASSWORD, code: account.recoveryCodes[n % 10]!, redirectTo },
      headers: { Origin: APP },
      maxRedirects: 0,
    });
    n++;
    expect(response.status(), JSON.stringify(redirectTo)).toBe(302);
    const location = response.headers()["location"];
    expectLocal(location, JSON.stringify(redirectTo));
    expect(location, JSON.stringify(redirectTo)).toBe(redirectTo.startsWith("/staff/audit") ? redirectTo : "/staff");
  }
});

test("the sign-in page given a foreign redirectTo lands on the back office in the browser", async ({ page }) => {
  const staff = await createEnrolledStaff("agent");
  await page.goto(`/staff/login?redirectTo=${encodeURIComponent("//evil.example/staff")}`);
  await page.getByLabel("メールアドレス").fill(staff.email);
  await page.getByLabel("パスワード").fill(STAFF_PASSWORD);
  await page.getByLabel("認証コード（6桁）またはリカバリーコード").fill(staff.recoveryCodes[0]!);
  await page.getByRole("button", { name: "ログイン" }).click();
  await expect(page).toHaveURL(`${APP}/staff`, { timeout: 30_000 });
});

test("the guard sends a signed-out visitor to sign in with a redirectTo of the back office only", async ({ request }) => {
  for (const path of ["/staff/audit", "/staff/audit?action=a%0d%0ab", "/staff/members?next=//evil.example", "/staff/inquiries/MD-%2F%2Fevil"]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(302);
    const location = response.headers()["location"]!;
    expectLocal(location, path);
    const redirectTo = new URL(location, APP).searchParams.get("redirectTo")!;
    expectLocal(redirectTo, path);
    expect(redirectTo, path).toMatch(/^\/staff/);
  }
});

test("the language switch links to the same page of the portal, whatever the address", async ({ page }) => {
  for (const path of [
    "/notices/%2F%2Fevil.example",
    "/check/?next=//evil.example",
    "/inquiries/%5Cevil.example",
    "/?returnTo=https://evil.example",
    "/deletion-requests/%09evil",
  ]) {
    await page.goto(path);
    // By its class: a click on "English" below makes the next page's labels English.
    const links = page.locator("nav.language-switcher a");
    await expect(links).toHaveCount(2);
    for (const href of await links.evaluateAll((anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).href))) {
      expect(new URL(href).origin, `${path} -> ${href}`).toBe(APP);
    }
    // And following one stays on the portal.
    await links.last().click();
    await expect.poll(() => new URL(page.url()).origin).toBe(APP);
  }
});

test("the customer flows go on to their own pages, whatever next or returnTo says", async ({ context }) => {
  const request = context.request;
  const post = (path: string, form: Record<string, string>) => request.post(path, { form, headers: { Origin: APP }, maxRedirects: 0 });
  const customer = await createCustomerWithPassword("redirect");
  for (const target of ["//evil.example", "https://evil.example"]) {
    const signedIn = await post(`/signin?next=${encodeURIComponent(target)}&returnTo=${encodeURIComponent(target)}`, {
      email: customer.email,
      password: CUSTOMER_PASSWORD,
      next: target,
      returnTo: target,
      redirectTo: target,
    });
    expect(signedIn.headers()["location"]).toBe("/my");
  }
  const opened = await post("/check/open?next=//evil.example", { token: await createCheckLink(customer.id), next: "//evil.example" });
  expect(opened.headers()["location"]).toBe("/my");
  const signedOut = await post("/signout?returnTo=//evil.example", { returnTo: "//evil.example" });
  expect(signedOut.headers()["location"]).toBe("/signout");

  const confirmed = await post("/inquiries/confirm?next=//evil.example", {
    token: await createPendingInquiry(uniqueAddress("redirect"), "確認"),
    next: "//evil.example",
  });
  expectLocal(confirmed.headers()["location"], "confirm");
  expect(confirmed.headers()["location"]).toMatch(/^\/inquiries\/MD-[^/?]+\?submitted=1$/);

  // A reference typed in lower case is redirected to its canonical form, query and all: still here.
  const [reference] = await seedInquiries(uniqueAddress("redirect"), [{}]);
  const canonical = await request.get(`/inquiries/${reference!.toLowerCase()}?next=//evil.example`, { maxRedirects: 0 });
  expect(canonical.status()).toBe(302);
  expectLocal(canonical.headers()["location"], "canonical reference");
});
