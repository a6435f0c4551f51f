// Brute force spread over two app instances behind a load balancer: a script alternates its
// requests between the main test server and a second instance on the same database. The
// counts live in the database, so the attack is slowed, then stopped, on both at once: the
// right password is refused too while the lock holds, with Retry-After and a message in the
// reader's language; and the lock falls on the attacker, never on the staff member it aims
// at. Runs on SQLite (`npm test`) and PostgreSQL (`npm run test:pg`).
import { expect, request as http, test } from "@playwright/test";
import pLimit from "p-limit";
import { PORT as MAIN_PORT } from "../../playwright.config";
import { derivedDigest } from "../../app/domain/keys/derived-digest";
import { normaliseEmail } from "../../app/utils/personal-data.server";
import { createEnrolledStaff, STAFF_PASSWORD } from "../support/credentials";
import { uniqueAddress } from "../support/customers";
import { afterWholeRuns, sharedInstances } from "../support/background-runs";
import { mailTo, waitForMail } from "../support/mailbox";
import { freePort } from "../support/own-server";
import { waitForApp } from "../support/app-process";
import { startSecondInstance, type Instance } from "../support/second-instance";
import { testDb, testServerSecrets } from "../support/staff";

const MAIN = `http://127.0.0.1:${MAIN_PORT}`;
// One worker for the file, so its tests share one second instance.
test.describe.configure({ mode: "default" });
let second: Instance;

test.beforeAll(async () => {
  test.setTimeout(60_000);
  second = startSecondInstance(await freePort());
  await waitForApp(second, 45_000);
});

test.afterAll(async () => {
  second.child.kill("SIGTERM");
  await second.exited;
});

/**
 * A form post to one instance, as a browser on that instance's page sends it: a browser of its
 * own each time, holding `cookie` and nothing a previous post was given.
 */
async function post(base: string, path: string, form: Record<string, string>, client: string, cookie?: string) {
  const browser = await http.newContext();
  try {
    const began = Date.now();
    const headers = { Origin: base, "X-Forwarded-For": client, ...(cookie ? { Cookie: cookie } : {}) };
    const response = await browser.post(`${base}${path}`, { form, headers, maxRedirects: 0 });
    const setCookies = response
      .headersArray()
      .filter(({ name }) => name.toLowerCase() === "set-cookie")
      .map(({ value }) => value.split(";")[0]!);
    return { status: response.status(), body: await response.text(), retryAfter: response.headers()["retry-after"], ms: Date.now() - began, setCookies };
  } finally {
    await browser.dispose();
  }
}

const randomClient = (prefix: string) => `${prefix}.${1 + Math.floor(Math.random() * 250)}`;

/**
 * A staff member who signed in from their own browser at home (recovery code 0 spent): it
 * holds the account's device cookie. `right(n)`: the sign-in form with recovery code n.
 */
async function staffSignedInAtHome(label: string) {
  const staff = await createEnrolledStaff("agent", label);
  const right = (code: number) => ({ email: staff.email, password: STAFF_PASSWORD, code: staff.recoveryCodes[code]! });
  const home = randomClient("198.51.100");
  const first = await post(MAIN, "/staff/login", right(0), home);
  expect(first.status).toBe(302);
  const deviceCookie = first.setCookies.find((cookie) => cookie.startsWith("staff_device="));
  expect(deviceCookie).toBeDefined();
  return { staff, right, home, deviceCookie };
}

test("guessing a staff password on two instances is slowed, then stopped on both for the guesser, the right password included, and not for the staff member", async () => {
  test.setTimeout(120_000);
  const staff = await createEnrolledStaff("agent", "brute-force");
  const attacker = randomClient("192.0.2");
  const bases = [MAIN, second.url];

  const failures: Array<{ status: number; ms: number }> = [];
  for (let attempt = 0; attempt < 10; attempt++) {
    const answer = await post(bases[attempt % 2]!, "/staff/login?lng=ja", { email: staff.email, password: `guess ${attempt}`, code: "123456" }, attacker);
    expect(answer.body).toContain("メールアドレス、パスワード、または認証コードが正しくありません。");
    failures.push(answer);
  }
  // The guesses alternated, yet each instance saw the other's failures: the last ones waited
  // the policy's pause (2 s), whichever instance answered. (Lower bounds only: a busy machine
  // makes requests slower, never faster.)
  expect(failures.every((failure) => failure.status === 200)).toBe(true);
  for (const failure of failures.slice(7)) expect(failure.ms).toBeGreaterThanOrEqual(1_900);

  // Locked on both instances for the attacker, with the right password and a valid code;
  // 429 with Retry-After within the 15 minutes, and the time it lifts in the reader's language.
  for (const [base, lng] of [
    [MAIN, "ja"],
    [second.url, "en"],
  ] as const) {
    const client = attacker;
    const refused = await post(base, `/staff/login?lng=${lng}`, { email: staff.email, password: STAFF_PASSWORD, code: staff.recoveryCodes[0]! }, client);
    expect(refused.status, base).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    expect(Number(refused.retryAfter)).toBeLessThanOrEqual(15 * 60);
    expect(refused.body).toMatch(
      lng === "ja"
        ? /ログインの失敗が続いたため、しばらく受け付けを停止しています。\d{1,2}月\d{1,2}日\(.\) \d{1,2}:\d{2} 以降にもう一度お試しください。/
        : /Sign-in is paused after repeated failures. Please try again after .*\d{1,2}:\d{2}/,
    );
  }
  expect(await testDb().staffSession.count({ where: { staffId: staff.id } })).toBe(0);
  const denied = await testDb().auditEntry.count({ where: { action: "staff.sign-in", result: "denied", at: { gt: new Date(Date.now() - 120_000) } } });
  expect(denied).toBeGreaterThanOrEqual(2);

  // Meanwhile the staff member, at their own address, signs in: the guesser locked only itself
  // out. The code that was refused during the lock was never spent.
  const signedIn = await post(
    second.url,
    "/staff/login",
    { email: staff.email, password: STAFF_PASSWORD, code: staff.recoveryCodes[0]! },
    randomClient("198.51.100"),
  );
  expect(signedIn.status).toBe(302);

  // Fifteen minutes later (the lock moved into the past) the guesser's address is answered again.
  // The attacker's is the only pair of this account with failures: the staff member's success cleared theirs.
  const account = derivedDigest(testServerSecrets().SESSION_SECRET, "sign-in", normaliseEmail(staff.email));
  const past = new Date(Date.now() - 16 * 60_000);
  expect(
    (await testDb().signInThrottle.updateMany({ where: { key: { startsWith: `pair:${account}:` } }, data: { lockedUntil: past, windowStart: past } })).count,
  ).toBe(1);
  const later = await post(MAIN, "/staff/login", { email: staff.email, password: STAFF_PASSWORD, code: staff.recoveryCodes[1]! }, attacker);
  expect(later.status).toBe(302);
});

test("a stranger failing from a hundred addresses stops new browsers, never the staff member's own", async () => {
  test.setTimeout(120_000);
  const { staff, right, home, deviceCookie } = await staffSignedInAtHome("lockout");

  // A hundred failures, each from another address (no pair of account and address ever
  // locks), spread over both instances, twenty at a time.
  const limit = pLimit(20);
  const failures = await Promise.all(
    Array.from({ length: 100 }, (_, n) =>
      limit(() => post([MAIN, second.url][n % 2]!, "/staff/login", { email: staff.email, password: `guess ${n}`, code: "123456" }, `10.77.${n}.1`)),
    ),
  );
  expect(failures.filter((failure) => failure.status !== 200)).toEqual([]);

  // A browser the account never signed in from is refused, right password and all...
  const stranger = await post(second.url, "/staff/login?lng=en", right(1), randomClient("203.0.113"));
  expect(stranger.status).toBe(429);
  expect(Number(stranger.retryAfter)).toBeGreaterThan(0);
  expect(stranger.body).toContain("Sign-in is paused after repeated failures.");
  // ...and the staff member's own is not, on either instance.
  const own = await post(second.url, "/staff/login", right(1), home, deviceCookie);
  expect(own.status).toBe(302);
});

test("a burst of simultaneous guesses from one client gets no more tries than one at a time", async () => {
  test.setTimeout(90_000);
  const staff = await createEnrolledStaff("agent", "burst");
  const client = randomClient("192.0.2");
  // Twenty at once, on both instances: each is counted before its password is checked.
  const answers = await Promise.all(
    Array.from({ length: 20 }, (_, n) =>
      post([MAIN, second.url][n % 2]!, "/staff/login", { email: staff.email, password: `guess ${n}`, code: "123456" }, client),
    ),
  );
  const tried = answers.filter((answer) => answer.status === 200);
  const refused = answers.filter((answer) => answer.status === 429);
  expect(tried.length + refused.length).toBe(20);
  expect(tried.length).toBeLessThanOrEqual(10);
  expect(refused.length).toBeGreaterThanOrEqual(10);
});

test("a stolen password buys ten guesses at the code, not a hundred, and still can't lock out the staff member's browser", async () => {
  test.setTimeout(120_000);
  const { staff, right, home, deviceCookie } = await staffSignedInAtHome("stolen");
  // The thief has the password, not the code: ten wrong codes, each from another address.
  for (let n = 0; n < 10; n++) {
    const guess = await post(
      [MAIN, second.url][n % 2]!,
      "/staff/login?lng=ja",
      { email: staff.email, password: STAFF_PASSWORD, code: String(100_000 + n) },
      `10.78.${n}.1`,
    );
    expect(guess.body).toContain("メールアドレス、パスワード、または認証コードが正しくありません。");
  }
  // The eleventh try isn't checked, even with a right code: the same words as any failure, so
  // the answer never tells that the password was right, and the code is not spent.
  const eleventh = await post(second.url, "/staff/login?lng=ja", right(1), randomClient("203.0.113"));
  expect(eleventh.status).toBe(200);
  expect(eleventh.body).toContain("メールアドレス、パスワード、または認証コードが正しくありません。");
  expect(await testDb().staffSession.count({ where: { staffId: staff.id } })).toBe(1);
  // The staff member's own browser signs in with that very code.
  const own = await post(MAIN, "/staff/login", right(1), home, deviceCookie);
  expect(own.status).toBe(302);
});

test("asking about one address on two instances is stopped after five, on both, with Retry-After", async () => {
  test.setTimeout(90_000);
  const target = uniqueAddress("flood");
  const bases = [MAIN, second.url];
  // Each request from another client: only the address's own limit can stop them.
  for (let n = 0; n < 5; n++) {
    const answer = await post(bases[n % 2]!, "/check?lng=ja", { email: target }, randomClient(`10.${n}.0`));
    expect(answer.status).toBe(200);
    expect(answer.body).toContain("メールをご確認ください");
  }
  for (const [base, lng] of [
    [MAIN, "ja"],
    [second.url, "en"],
    [second.url, "ja"],
    [MAIN, "en"],
  ] as const) {
    const refused = await post(base, `/check?lng=${lng}`, { email: target }, randomClient("10.99.0"));
    expect(refused.status, base).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    expect(Number(refused.retryAfter)).toBeLessThanOrEqual(60 * 60);
    expect(refused.body).toContain(lng === "ja" ? "確認のお申し込みが多すぎます。" : "There have been too many checks.");
  }
  // Five mails, not nine: the mailbox isn't flooded.
  await waitForMail(target, { count: 5, timeout: 30_000 });
  // Both instances answer and send once more: a refused check, had it been taken, would be mailed by now.
  const instances = sharedInstances(second.url);
  await afterWholeRuns(["check-answers"], instances);
  await afterWholeRuns(["outbox"], instances);
  expect(await mailTo(target)).toHaveLength(5);
});

test("one client sweeping addresses on two instances is stopped after thirty, on both", async () => {
  test.setTimeout(90_000);
  const sweeper = randomClient("100.64.7");
  const bases = [MAIN, second.url];
  for (let n = 0; n < 30; n++) {
    const answer = await post(bases[n % 2]!, "/check", { email: uniqueAddress("sweep") }, sweeper);
    expect(answer.status, `request ${n + 1}`).toBe(200);
  }
  for (const base of bases) {
    const refused = await post(base, "/check?lng=ja", { email: uniqueAddress("sweep") }, sweeper);
    expect(refused.status, base).toBe(429);
    expect(refused.body).toContain("確認のお申し込みが多すぎます。");
  }
});
