// Brute force spread over two app instances behind a load balancer: a script alternates its
// requests between the main test server and a second instance on the same database. The
// counts live in the database, so the attack is slowed, then stopped, on both at once: the
// right password is refused too while the lock holds, with Retry-After and a message in the
// reader's language. Runs on SQLite (`npm test`) and PostgreSQL (`npm run test:pg`).
import { createHmac } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { PORT as MAIN_PORT } from "../../playwright.config";
import { normaliseEmail } from "../../app/utils/personal-data.server";
import { createEnrolledStaff, STAFF_PASSWORD } from "../support/credentials";
import { uniqueAddress } from "../support/customers";
import { mailTo, waitForMail } from "../support/mailbox";
import { freePort } from "../support/own-server";
import { startSecondInstance, type Instance } from "../support/second-instance";
import { testDb, testServerSecrets } from "../support/staff";

const MAIN = `http://127.0.0.1:${MAIN_PORT}`;
// One worker for the file, so its tests share one second instance.
test.describe.configure({ mode: "default" });
let second: Instance;

test.beforeAll(async ({ request }) => {
  test.setTimeout(60_000);
  second = startSecondInstance(await freePort());
  await expect.poll(async () => (await request.get(`${second.url}/healthz`).catch(() => null))?.status(), { timeout: 45_000 }).toBe(200);
});

test.afterAll(async () => {
  second.child.kill("SIGTERM");
  await second.exited;
});

/** A form post to one instance, as a browser on that instance's page sends it. */
async function post(request: APIRequestContext, base: string, path: string, form: Record<string, string>, client: string) {
  const began = Date.now();
  const response = await request.post(`${base}${path}`, { form, headers: { Origin: base, "X-Forwarded-For": client }, maxRedirects: 0 });
  return { status: response.status(), body: await response.text(), retryAfter: response.headers()["retry-after"], ms: Date.now() - began };
}

const randomClient = (prefix: string) => `${prefix}.${1 + Math.floor(Math.random() * 250)}`;

test("guessing a staff password on two instances is slowed, then stopped on both, the right password included", async ({ request }) => {
  test.setTimeout(120_000);
  const staff = await createEnrolledStaff("agent", "brute-force");
  const attacker = randomClient("192.0.2");
  const bases = [MAIN, second.url];

  const failures: Array<{ status: number; ms: number }> = [];
  for (let attempt = 0; attempt < 10; attempt++) {
    const answer = await post(request, bases[attempt % 2]!, "/staff/login?lng=ja", { email: staff.email, password: `guess ${attempt}`, code: "123456" }, attacker);
    expect(answer.body).toContain("メールアドレス、パスワード、または認証コードが正しくありません。");
    failures.push(answer);
  }
  // The guesses alternated, yet each instance saw the other's failures: the last ones waited
  // the policy's pause (2 s), whichever instance answered. (Lower bounds only: a busy machine
  // makes requests slower, never faster.)
  expect(failures.every((failure) => failure.status === 200)).toBe(true);
  for (const failure of failures.slice(7)) expect(failure.ms).toBeGreaterThanOrEqual(1_900);

  // Locked: on both instances, for the attacker and for the real person at another address,
  // with the right password and a valid code; 429 with Retry-After within the 15 minutes.
  for (const [base, client, lng] of [
    [MAIN, attacker, "ja"],
    [second.url, attacker, "ja"],
    [second.url, randomClient("198.51.100"), "en"],
    [MAIN, randomClient("203.0.113"), "en"],
  ] as const) {
    const refused = await post(request, base, `/staff/login?lng=${lng}`, { email: staff.email, password: STAFF_PASSWORD, code: staff.recoveryCodes[0]! }, client);
    expect(refused.status, base).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    expect(Number(refused.retryAfter)).toBeLessThanOrEqual(15 * 60);
    expect(refused.body).toContain(
      lng === "ja" ? "ログインの失敗が続いたため、しばらく受け付けを停止しています。" : "Sign-in is paused after repeated failures.",
    );
  }
  expect(await testDb().staffSession.count({ where: { staffId: staff.id } })).toBe(0);
  const denied = await testDb().auditEntry.count({ where: { action: "staff.sign-in", result: "denied", at: { gt: new Date(Date.now() - 120_000) } } });
  expect(denied).toBeGreaterThanOrEqual(4);

  // Fifteen minutes later (the lock moved into the past): the right password signs in, and
  // the code that was refused during the lock was never spent.
  const account = `account:${createHmac("sha256", `sign-in:${testServerSecrets().SESSION_SECRET}`).update(normaliseEmail(staff.email)).digest("base64url")}`;
  const past = new Date(Date.now() - 16 * 60_000);
  expect((await testDb().signInThrottle.updateMany({ where: { key: account }, data: { lockedUntil: past, windowStart: past } })).count).toBe(1);
  const signedIn = await post(request, second.url, "/staff/login", { email: staff.email, password: STAFF_PASSWORD, code: staff.recoveryCodes[0]! }, randomClient("198.51.100"));
  expect(signedIn.status).toBe(302);
});

test("asking about one address on two instances is stopped after five, on both, with Retry-After", async ({ request }) => {
  test.setTimeout(90_000);
  const target = uniqueAddress("flood");
  const bases = [MAIN, second.url];
  // Each request from another client: only the address's own limit can stop them.
  for (let n = 0; n < 5; n++) {
    const answer = await post(request, bases[n % 2]!, "/check?lng=ja", { email: target }, randomClient(`10.${n}.0`));
    expect(answer.status).toBe(200);
    expect(answer.body).toContain("メールをご確認ください");
  }
  for (const [base, lng] of [[MAIN, "ja"], [second.url, "en"], [second.url, "ja"], [MAIN, "en"]] as const) {
    const refused = await post(request, base, `/check?lng=${lng}`, { email: target }, randomClient("10.99.0"));
    expect(refused.status, base).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    expect(Number(refused.retryAfter)).toBeLessThanOrEqual(60 * 60);
    expect(refused.body).toContain(lng === "ja" ? "確認のお申し込みが多すぎます。" : "There have been too many checks.");
  }
  // Five mails, not nine: the mailbox isn't flooded.
  await waitForMail(target, { count: 5, timeout: 30_000 });
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  expect(await mailTo(target)).toHaveLength(5);
});

test("one client sweeping addresses on two instances is stopped after thirty, on both", async ({ request }) => {
  test.setTimeout(90_000);
  const sweeper = randomClient("100.64.7");
  const bases = [MAIN, second.url];
  for (let n = 0; n < 30; n++) {
    const answer = await post(request, bases[n % 2]!, "/check", { email: uniqueAddress("sweep") }, sweeper);
    expect(answer.status, `request ${n + 1}`).toBe(200);
  }
  for (const base of bases) {
    const refused = await post(request, base, "/check?lng=ja", { email: uniqueAddress("sweep") }, sweeper);
    expect(refused.status, base).toBe(429);
    expect(refused.body).toContain("確認のお申し込みが多すぎます。");
  }
});
