// Nobody learns from the portal's answers whether an address is known: a visitor's inquiry
// and the customer and staff sign-ins answer a known address exactly as an unknown one
// (status, page with its nonces and the address itself blanked, cookies set, Retry-After).
// The check's own comparison is in check.spec.ts; timing is measured by
// tests/bench/enumeration-timing.ts, not asserted here.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { PORT } from "../../playwright.config";
import { createCustomerWithPassword, createEnrolledStaff } from "../support/credentials";
import { createAffectedCustomer, uniqueAddress } from "../support/customers";

const APP = `http://127.0.0.1:${PORT}`;
let client = 0;
const base = 1 + Math.floor(Math.random() * 200);

/** The response as a comparable whole; each request from a client of its own. */
async function answer(request: APIRequestContext, path: string, form: Record<string, string>, email: string) {
  client++;
  const response = await request.post(path, {
    form,
    headers: { Origin: APP, "X-Forwarded-For": `198.18.${base}.${client}` },
    maxRedirects: 0,
  });
  const headers = response.headers();
  return {
    status: response.status(),
    body: (await response.text())
      .replaceAll(email, "ADDRESS")
      .replace(/nonce="[^"]*"/g, 'nonce=""')
      .replace(/nonce=\\"[^"\\]*\\"/g, "nonce="),
    cookies: response
      .headersArray()
      .filter((header) => header.name.toLowerCase() === "set-cookie")
      .map((header) => header.value.split("=")[0]),
    retryAfter: headers["retry-after"] !== undefined,
    contentType: headers["content-type"],
  };
}

test("a visitor's inquiry from a known address is answered as one from an unknown address", async ({ request }) => {
  const known = uniqueAddress("enum-inquiry-known");
  await createAffectedCustomer(known, [{ group: "members", categories: ["email"] }]);
  const form = (email: string) => ({ category: "other", message: "確認です。", language: "ja", contactBy: "email", email });
  const a = await answer(request, "/inquiries/new?lng=ja", form(known), known);
  const unknown = uniqueAddress("enum-inquiry-unknown");
  const b = await answer(request, "/inquiries/new?lng=ja", form(unknown), unknown);
  expect(a.status).toBe(200);
  expect(a.body).toContain("確認のメールをお送りしました");
  expect(b).toEqual(a);
});

test("a customer sign-in with a wrong password is answered as one with an unknown address", async ({ request }) => {
  const known = (await createCustomerWithPassword("enum-signin")).email;
  // Known but without a new password (the leaked one was reset): the same again.
  const reset = uniqueAddress("enum-reset");
  await createAffectedCustomer(reset, [{ group: "members", categories: ["email"] }], {
    password: { legacyPasswordHash: "5f4dcc3b5aa765d61d8327deb882cf99", legacyHashAlgorithm: "md5" },
  });
  const unknown = uniqueAddress("enum-signin-unknown");
  const answers = [];
  for (const email of [known, reset, unknown]) answers.push(await answer(request, "/signin?lng=ja", { email, password: "password" }, email));
  expect(answers[0]!.status).toBe(200);
  expect(answers[0]!.body).toContain("メールアドレスまたはパスワードが正しくありません。");
  expect(answers[1]).toEqual(answers[0]);
  expect(answers[2]).toEqual(answers[0]);
});

test("a staff sign-in with a wrong password is answered as one with an unknown address", async ({ request }) => {
  const known = (await createEnrolledStaff("agent")).email;
  const unknown = `nobody-${Date.now()}@staff.example.com`;
  const a = await answer(request, "/staff/login?lng=ja", { email: known, password: "wrong", code: "123456" }, known);
  const b = await answer(request, "/staff/login?lng=ja", { email: unknown, password: "wrong", code: "123456" }, unknown);
  expect(a.status).toBe(200);
  expect(a.body).toContain("メールアドレス、パスワード、または認証コードが正しくありません。");
  expect(b).toEqual(a);
});
