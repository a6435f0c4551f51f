// Cross-site request forgery and framing. Every state-changing form of the portal and the
// back office, posted from another origin (another site, an opaque "null" origin, another
// port of this very host, or a browser that leaves Origin out but says "cross-site"), is
// refused with a 403 in both languages and changes nothing, even with the victim's session
// cookies attached. Then the attack as it happens: a page on another origin that submits a
// form to the portal in the victim's browser, and one that tries to frame it.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { PORT } from "../../playwright.config";
import { bearerTokenHash } from "../../app/utils/bearer-token.server";
import {
  CUSTOMER_PASSWORD,
  createCheckLink,
  createCustomerWithPassword,
  createEnrolledStaff,
  createPendingInquiry,
  STAFF_PASSWORD,
} from "../support/credentials";
import { createAffectedCustomer, uniqueAddress, verifyCustomer } from "../support/customers";
import { seedInquiries } from "../support/inquiries";
import { afterWholeRuns } from "../support/background-runs";
import { mailTo, waitForMail } from "../support/mailbox";
import { signInAs, testDb } from "../support/staff";

// Each test poses as a client of its own, so rate limits of one test never reach another's.
test.use({ extraHTTPHeaders: { "X-Forwarded-For": `198.51.100.${1 + Math.floor(Math.random() * 250)}` } });

const APP = `http://127.0.0.1:${PORT}`;
/** How a forged request can present itself: never as coming from the portal's own pages. */
const FORGED: Array<Record<string, string>> = [
  { Origin: "http://evil.example" },
  { Origin: "null" },
  // Same site as the portal (so its SameSite=Lax cookies go along), but another origin.
  { Origin: `http://127.0.0.1:${PORT + 2}` },
  { Origin: `https://127.0.0.1:${PORT}` },
  { "Sec-Fetch-Site": "cross-site" },
  { "Sec-Fetch-Site": "same-site" },
];

/** Posts the form in every forged way; each must be the bilingual 403, with no cookie set. */
async function expectRefused(request: APIRequestContext, path: string, form: Record<string, string>) {
  for (const headers of FORGED) {
    const response = await request.post(path, { form, headers, maxRedirects: 0 });
    const what = `${path} with ${JSON.stringify(headers)}`;
    expect(response.status(), what).toBe(403);
    const body = await response.text();
    expect(body, what).toContain("他のサイトからの送信は受け付けられません。");
    expect(body, what).toContain("Requests from other sites are refused.");
    expect(response.headers()["set-cookie"], what).toBeUndefined();
  }
}

/** The same form from the portal's own page. */
function postSameOrigin(request: APIRequestContext, path: string, form: Record<string, string>) {
  return request.post(path, { form, headers: { Origin: APP }, maxRedirects: 0 });
}

test("the public forms refuse posts from another origin and change nothing", async ({ context }) => {
  const request = context.request;
  const db = testDb();

  // Am I affected? No mail goes out for a forged check; a real one gets its mail.
  const forgedCheck = uniqueAddress("csrf-check");
  await expectRefused(request, "/check", { email: forgedCheck });
  const realCheck = uniqueAddress("csrf-check-real");
  expect((await postSameOrigin(request, "/check", { email: realCheck })).status()).toBe(200);

  // A visitor's inquiry: no confirmation mail.
  const forgedInquirer = uniqueAddress("csrf-inquiry");
  const inquiry = { category: "other", message: "偽の問い合わせ", language: "ja", contactBy: "email", email: forgedInquirer };
  await expectRefused(request, "/inquiries/new", inquiry);

  // Its confirmation: the inquiry stays pending, and the real button still works.
  const inquirer = uniqueAddress("csrf-confirm");
  const token = await createPendingInquiry(inquirer, "確認待ちのお問い合わせ");
  await expectRefused(request, "/inquiries/confirm", { token });
  expect(await db.pendingInquiry.count({ where: { tokenHash: bearerTokenHash(token) } })).toBe(1);
  const confirmed = await postSameOrigin(request, "/inquiries/confirm", { token });
  expect(confirmed.status()).toBe(302);
  const reference = /\/inquiries\/([^/?]+)/.exec(confirmed.headers()["location"] ?? "")![1]!;

  // The sender's reply in the thread (the confirmation let this browser in): no message added.
  const inquiryId = (await db.inquiry.findUniqueOrThrow({ where: { reference }, select: { id: true } })).id;
  const messagesBefore = await db.inquiryMessage.count({ where: { inquiryId } });
  await expectRefused(request, `/inquiries/${reference}`, { intent: "reply", message: "偽の返信" });
  await expectRefused(request, `/inquiries/${reference}`, { intent: "close" });
  expect(await db.inquiryMessage.count({ where: { inquiryId } })).toBe(messagesBefore);
  expect((await db.inquiry.findUniqueOrThrow({ where: { reference }, select: { status: true } })).status).toBe("new");
  expect((await postSameOrigin(request, `/inquiries/${reference}`, { intent: "reply", message: "本物の返信" })).status()).toBe(200);
  expect(await db.inquiryMessage.count({ where: { inquiryId } })).toBe(messagesBefore + 1);

  // Password sign-in, with the right password: no session is started.
  const customer = await createCustomerWithPassword("csrf-signin");
  await expectRefused(request, "/signin", { email: customer.email, password: CUSTOMER_PASSWORD });
  // The mailbox link: it stays unused.
  const link = await createCheckLink(customer.id);
  await expectRefused(request, "/check/open", { token: link });
  expect(await db.checkLink.findMany({ where: { customerId: customer.id }, select: { usedAt: true } })).toEqual([{ usedAt: null }]);
  expect(await db.customerSession.count({ where: { customerId: customer.id } })).toBe(0);

  await waitForMail(realCheck);
  await waitForMail(inquirer); // the confirmed inquiry's "received" mail, queued after the forged ones
  expect(await mailTo(forgedCheck)).toHaveLength(0);
  expect(await mailTo(forgedInquirer)).toHaveLength(0);
});

test("a verified customer's forms refuse posts from another origin and change nothing", async ({ context }) => {
  const request = context.request;
  const db = testDb();
  const customer = await createCustomerWithPassword("csrf-customer");
  await verifyCustomer(context, customer.id);
  const session = () => db.customerSession.findFirstOrThrow({ where: { customerId: customer.id }, select: { revokedAt: true } });
  const account = () => db.customer.findUniqueOrThrow({ where: { id: customer.id }, select: { passwordHash: true, passwordChangedAt: true } });
  const before = await account();

  await expectRefused(request, "/my/password", {
    currentPassword: CUSTOMER_PASSWORD,
    password: "海辺の灯台に新しい鍵をかける",
    confirm: "海辺の灯台に新しい鍵をかける",
  });
  expect(await account()).toEqual(before);

  await expectRefused(request, "/my/deletion", { understood: "on" });
  expect(await db.deletionRequest.count({ where: { customerId: customer.id } })).toBe(0);
  // The real request, then a forged withdrawal of it: it stays requested.
  const requested = await postSameOrigin(request, "/my/deletion", { understood: "on" });
  expect(requested.status()).toBe(302);
  const statusPath = (requested.headers()["location"] ?? "").split("?")[0]!;
  await expectRefused(request, statusPath, { intent: "cancel" });
  const deletion = await db.deletionRequest.findFirstOrThrow({ where: { customerId: customer.id }, select: { status: true } });
  expect(deletion.status).toBe("received");

  // Sign-out: the session lives on, and still opens the customer's page.
  await expectRefused(request, "/signout", {});
  expect((await session()).revokedAt).toBeNull();
  expect((await request.get("/my", { maxRedirects: 0 })).status()).toBe(200);
});

test("the back office refuses posts from another origin and changes nothing", async ({ context }) => {
  const request = context.request;
  const db = testDb();
  const admin = await signInAs(context, "admin");
  const adminSession = () => db.staffSession.findFirstOrThrow({ where: { staffId: admin.id }, select: { revokedAt: true } });

  // Staff sign-in with both right factors: no session is started.
  const staff = await createEnrolledStaff("agent");
  await expectRefused(request, "/staff/login", { email: staff.email, password: STAFF_PASSWORD, code: staff.recoveryCodes[0]! });
  expect(await db.staffSession.count({ where: { staffId: staff.id } })).toBe(0);

  // An invitation: nobody is invited.
  const invited = `csrf-invite-${Date.now()}@staff.example.com`;
  await expectRefused(request, "/staff/members", { intent: "invite", email: invited, displayName: "偽の管理者", role: "admin" });
  await expectRefused(request, "/staff/members", { intent: "deactivate", staffId: staff.id });
  expect(await db.staffMember.count({ where: { email: invited } })).toBe(0);
  expect((await db.staffMember.findUniqueOrThrow({ where: { id: staff.id }, select: { status: true } })).status).toBe("active");

  // Answering an inquiry: no reply, no note, no change of status.
  const [reference] = await seedInquiries(uniqueAddress("csrf-staff"), [{}]);
  const inquiryId = (await db.inquiry.findUniqueOrThrow({ where: { reference }, select: { id: true } })).id;
  await expectRefused(request, `/staff/inquiries/${reference}`, { intent: "reply", body: "偽の回答", nextStatus: "resolved", version: "0" });
  await expectRefused(request, `/staff/inquiries/${reference}`, { intent: "note", body: "偽のメモ" });
  await expectRefused(request, `/staff/inquiries/${reference}`, { intent: "status", to: "closed", version: "0" });
  expect(await db.inquiryMessage.count({ where: { inquiryId } })).toBe(1);
  expect((await db.inquiry.findUniqueOrThrow({ where: { id: inquiryId }, select: { status: true } })).status).toBe("new");

  // Sign-out: the session lives on.
  await expectRefused(request, "/staff/logout", {});
  expect((await adminSession()).revokedAt).toBeNull();
  expect((await request.get("/staff", { maxRedirects: 0 })).status()).toBe(200);
});

/** A site of the attacker's: another port of this host, so the browser sends the portal's cookies along. */
async function attackerSite(pages: Record<string, string>): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const page = pages[req.url ?? ""];
    res.writeHead(page ? 200 : 404, { "Content-Type": "text/html; charset=utf-8" });
    res.end(page ?? "");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** A page that posts a hidden form to the portal as soon as it loads. */
function autoSubmit(action: string, fields: Record<string, string>): string {
  const inputs = Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${name}" value="${value}">`)
    .join("");
  return `<!doctype html><title>プレゼント当選</title><form id="f" method="post" action="${APP}${action}">${inputs}</form><script>document.getElementById("f").submit()</script>`;
}

test("a page on another origin that submits forms in a signed-in browser is refused", async ({ context, page }) => {
  const db = testDb();
  const admin = await signInAs(context, "admin");
  const customer = await createAffectedCustomer(uniqueAddress("csrf-victim"), [{ group: "members", categories: ["email"] }]);
  await verifyCustomer(context, customer.id);
  const invited = `csrf-drive-by-${Date.now()}@staff.example.com`;
  const site = await attackerSite({
    "/invite": autoSubmit("/staff/members", { intent: "invite", email: invited, displayName: "攻撃者", role: "admin" }),
    "/erase": autoSubmit("/my/deletion", { understood: "on" }),
    "/sign-out": autoSubmit("/staff/logout", {}),
  });
  try {
    for (const path of ["/invite", "/erase", "/sign-out"]) {
      await page.goto(`${site.url}${path}`);
      await page.waitForURL((url) => url.origin === APP);
      await expect(page.locator("body")).toContainText("他のサイトからの送信は受け付けられません。");
      await expect(page.locator("body")).toContainText("Requests from other sites are refused.");
    }
  } finally {
    await site.close();
  }
  expect(await db.staffMember.count({ where: { email: invited } })).toBe(0);
  expect(await db.deletionRequest.count({ where: { customerId: customer.id } })).toBe(0);
  expect(await db.staffSession.count({ where: { staffId: admin.id, revokedAt: null } })).toBe(1);
  // And the victim is still signed in to both.
  await page.goto("/staff");
  await expect(page).toHaveURL(/\/staff$/);
  await page.goto("/my");
  await expect(page).toHaveURL(/\/my$/);
});

test("a page from no origin at all (a data: URL) is refused too", async ({ page }) => {
  const forged = uniqueAddress("csrf-data-url");
  await page.goto(`data:text/html,${encodeURIComponent(autoSubmit("/check", { email: forged }))}`);
  await page.waitForURL((url) => url.origin === APP);
  await expect(page.locator("body")).toContainText("Requests from other sites are refused.");
  // Had the check been taken, it would now be answered, and then its mail sent.
  await afterWholeRuns(["check-answers"]);
  await afterWholeRuns(["outbox"]);
  expect(await mailTo(forged)).toHaveLength(0);
});

test("a page on another origin can't show the portal in a frame", async ({ context, page }) => {
  await signInAs(context, "admin");
  const site = await attackerSite({
    "/frame": `<!doctype html><title>frames</title><iframe id="app" src="${APP}/staff/members"></iframe><iframe id="own" src="/inner"></iframe>`,
    "/inner": `<!doctype html><h1>attacker's own frame</h1>`,
  });
  try {
    await page.goto(`${site.url}/frame`);
    // Frames work on that page: its own one shows.
    await expect(page.frameLocator("#own").getByRole("heading", { name: "attacker's own frame" })).toBeVisible();
    // The portal's doesn't: Chromium replaces it with its error page, with nothing of the portal in it.
    await expect.poll(() => page.frames().map((frame) => frame.url())).toContain("chrome-error://chromewebdata/");
    for (const frame of page.frames()) {
      if (frame === page.mainFrame()) continue;
      expect(await frame.content()).not.toContain("スタッフ");
    }
  } finally {
    await site.close();
  }
});
