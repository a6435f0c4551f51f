// Every route outside /staff (staff-permissions.spec.ts has those) for each kind of visitor:
// anonymous, the customer whose inquiry and deletion request they are, another customer, and
// a signed-in administrator, whose staff session grants nothing on the customers' side. It
// fails when a route is added without an expectation here.
import { readdirSync } from "node:fs";
import { expect, test, type APIRequestContext, type Browser } from "@playwright/test";
import { PORT } from "../../playwright.config";
import { createAffectedCustomer, uniqueAddress, verifyCustomer } from "../support/customers";
import { seedDeletionRequest } from "../support/deletions";
import { seedInquiries } from "../support/inquiries";
import { signInAs, testDb } from "../support/staff";

const ORIGIN = `http://127.0.0.1:${PORT}`;
type Visitor = "anonymous" | "owner" | "otherCustomer" | "admin";
const VISITORS: Visitor[] = ["anonymous", "owner", "otherCustomer", "admin"];

/** A status, or a redirect to the path given ({deletion}: the owner's request's reference). */
type Outcome = number | `→${string}`;
type Expectation = { path: (refs: References) => string; outcome: Outcome | (Partial<Record<Visitor, Outcome>> & { others: Outcome }) };
interface References {
  inquiry: string;
  deletion: string;
}

const PUBLIC = 200;
const SIGN_IN_FIRST: Partial<Record<Visitor, Outcome>> & { others: Outcome } = { owner: 200, otherCustomer: 200, others: "→/check/ended" };
const OWNER_ONLY: Partial<Record<Visitor, Outcome>> & { others: Outcome } = { owner: 200, others: 404 };

// Route module → the URL it serves and what each visitor gets on GET.
const ROUTES: Record<string, Expectation | null> = {
  _public: null, // the layout: no URL of its own
  "_public._index": { path: () => "/", outcome: PUBLIC },
  "_public.check._index": { path: () => "/check", outcome: PUBLIC },
  "_public.check.ended": { path: () => "/check/ended", outcome: PUBLIC },
  "_public.check.open": { path: () => "/check/open", outcome: PUBLIC },
  "_public.signin": { path: () => "/signin", outcome: PUBLIC },
  "_public.signout": { path: () => "/signout", outcome: PUBLIC }, // asks first, or says signed out
  "_public.notices.$number": { path: () => "/notices/1", outcome: PUBLIC },
  "_public.inquiries.new": { path: () => "/inquiries/new", outcome: PUBLIC },
  "_public.inquiries.confirm": { path: () => "/inquiries/confirm", outcome: PUBLIC },
  "_public.inquiries.$reference": { path: (refs) => `/inquiries/${refs.inquiry}`, outcome: OWNER_ONLY },
  "_public.deletion-requests.$reference": { path: (refs) => `/deletion-requests/${refs.deletion}`, outcome: OWNER_ONLY },
  "_public.my": { path: () => "/my", outcome: SIGN_IN_FIRST },
  "_public.my_.password": { path: () => "/my/password", outcome: SIGN_IN_FIRST },
  "_public.my_.deletion": { path: () => "/my/deletion", outcome: { ...SIGN_IN_FIRST, owner: "→/deletion-requests/{deletion}" } }, // their open request
  // Answers POSTs only (the password never goes in a URL); checked below.
  "my.password-strength": { path: () => "/my/password-strength", outcome: 404 },
  // Only on a local demo without a mail server; the test server sends mail.
  "dev.mailbox": { path: () => "/dev/mailbox", outcome: 404 },
  healthz: { path: () => "/healthz", outcome: PUBLIC },
  // Any address no page answers: "page not found" inside the site's header (error-pages.spec.ts).
  "_public.$": { path: () => "/no-such-page", outcome: 404 },
};

function routeModules(): string[] {
  return readdirSync("app/routes")
    .filter((name) => name !== "staff.tsx" && !name.startsWith("staff.") && !/\.test\.tsx?$/.test(name))
    .map((name) => name.replace(/\.tsx?$/, ""));
}

function expected(expectation: Expectation, visitor: Visitor, refs: References): Outcome {
  const { outcome } = expectation;
  const found = typeof outcome === "object" ? (outcome[visitor] ?? outcome.others) : outcome;
  return typeof found === "string" ? (found.replace("{deletion}", refs.deletion) as Outcome) : found;
}

async function outcomeOf(request: APIRequestContext, path: string): Promise<Outcome> {
  const response = await request.get(path, { maxRedirects: 0 });
  const location = response.headers().location;
  return location ? `→${new URL(location, ORIGIN).pathname}` : response.status();
}

/** A browser context for each visitor; the owner has an inquiry and a deletion request. */
async function visitors(browser: Browser) {
  const contexts = Object.fromEntries(await Promise.all(VISITORS.map(async (visitor) => [visitor, await browser.newContext()] as const)));
  const ownerAddress = uniqueAddress("route-owner");
  const owner = await createAffectedCustomer(ownerAddress, [{ group: "members", categories: ["email"] }]);
  const other = await createAffectedCustomer(uniqueAddress("route-other"), [{ group: "members", categories: ["email"] }]);
  await verifyCustomer(contexts.owner!, owner.id);
  await verifyCustomer(contexts.otherCustomer!, other.id);
  await signInAs(contexts.admin!, "admin");
  const [inquiry] = await seedInquiries(ownerAddress, [{ customerId: owner.id }]);
  const deletion = await seedDeletionRequest(testDb(), owner.id);
  return { contexts, refs: { inquiry: inquiry!, deletion } };
}

test("every route outside /staff has an expectation, and every expectation a route", () => {
  expect(routeModules().sort()).toEqual(Object.keys(ROUTES).sort());
});

test("each visitor gets exactly what is theirs from every route outside /staff", async ({ browser }) => {
  test.setTimeout(90_000);
  const { contexts, refs } = await visitors(browser);
  try {
    for (const [name, expectation] of Object.entries(ROUTES)) {
      if (!expectation) continue;
      for (const visitor of VISITORS) {
        const path = expectation.path(refs);
        expect(await outcomeOf(contexts[visitor]!.request, path), `${visitor} GET ${path} (${name})`).toBe(expected(expectation, visitor, refs));
      }
    }
    // Writes where the thread and the request are someone else's: refused as unknown.
    for (const visitor of ["anonymous", "otherCustomer", "admin"] as const) {
      const reply = await contexts[visitor]!.request.post(`/inquiries/${refs.inquiry}`, {
        maxRedirects: 0,
        headers: { Origin: ORIGIN },
        form: { intent: "reply", message: "not my thread" },
      });
      expect(reply.status(), `${visitor} replies on the owner's thread`).toBe(404);
      const withdraw = await contexts[visitor]!.request.post(`/deletion-requests/${refs.deletion}`, {
        maxRedirects: 0,
        headers: { Origin: ORIGIN },
        form: { intent: "withdraw" },
      });
      expect(withdraw.status(), `${visitor} withdraws the owner's request`).toBe(404);
    }
    expect((await testDb().deletionRequest.findUniqueOrThrow({ where: { reference: refs.deletion }, select: { status: true } })).status).toBe("received");
    // The strength meter answers a live customer session only, never a redirect.
    for (const visitor of VISITORS) {
      const response = await contexts[visitor]!.request.post("/my/password-strength", {
        maxRedirects: 0,
        headers: { Origin: ORIGIN },
        form: { password: "correct horse battery staple" },
      });
      expect(response.status(), `${visitor} POST /my/password-strength`).toBe(visitor === "owner" || visitor === "otherCustomer" ? 200 : 401);
    }
  } finally {
    await Promise.all(Object.values(contexts).map((context) => context.close()));
  }
});
