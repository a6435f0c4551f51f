// Password work that needs a server of its own: the wrap job killed half way and finished
// by the command, every hash wrapped exactly once and still recognising its password; the
// hashing queue's "busy, retry shortly" when it is full; and the optional breach-corpus check
// against a range API served here, which refuses a breached password and is skipped when down.
import { createHash, randomBytes } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { isLeakedPassword } from "../../app/models/legacy-password.server";
import { afterWholeRuns, ownInstance } from "../support/background-runs";
import { runCommand } from "../support/cli";
import { OWN_SERVER } from "../support/tags";
import { startOwnServer } from "../support/own-server";
import { secretsFileFor } from "../support/secrets-file";

// Four batches of the job's 64: enough to kill it part way, small enough for CI.
const IMPORTED = 256;
const leakedPasswordOf = (n: number) => `leaked-password-${n}`;

function importFile(): string {
  const lines = ["external_id,email,group,categories,legacy_hash,legacy_hash_algorithm"];
  for (let n = 1; n <= IMPORTED; n++) {
    const md5 = createHash("md5").update(leakedPasswordOf(n)).digest("hex");
    lines.push(`wrap-${n},wrap-${n}@example.org,members,email;password-hash,${md5},md5`);
  }
  return `${lines.join("\n")}\n`;
}

test("the wrap job, killed half way, is finished by the command: every hash wrapped once and still verifiable", OWN_SERVER, async ({}, testInfo) => {
  test.setTimeout(240_000);
  const server = await startOwnServer();
  try {
    const db = server.db;
    const commandEnv = JSON.parse(readFileSync(secretsFileFor(server.port), "utf8")) as Record<string, string>;
    const wrapState = () => db.jobLease.findUnique({ where: { name: "wrap-legacy-hashes" }, select: { finishedAt: true } });
    const bare = () => db.customer.count({ where: { legacyPasswordHash: { not: null } } });
    // The demo's own 300 hashes were wrapped in the run's prepared database (own-server.ts), and the job says so.
    await expect.poll(async () => (await wrapState())?.finishedAt ?? null, { timeout: 60_000 }).not.toBeNull();

    const file = testInfo.outputPath("leaked.csv");
    writeFileSync(file, importFile());
    const imported = runCommand("app/cli/import-affected.ts", [file], commandEnv);
    expect(imported.stderr).toBe("");
    expect(imported.status).toBe(0);
    expect(await bare()).toBe(IMPORTED);

    // The server's loop picks the new hashes up; kill it (SIGKILL) once it is under way.
    await expect.poll(bare, { timeout: 60_000, intervals: [50] }).toBeLessThanOrEqual(IMPORTED - 64);
    await server.kill();
    const left = await bare();
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThan(IMPORTED);

    // The dead server's lease holds for a few seconds: the command shows that run, then takes over.
    const command = runCommand("app/cli/wrap-legacy-hashes.ts", [], { ...commandEnv, LANG: "en_US.UTF-8" });
    expect(command.stderr).toBe("");
    expect(command.status).toBe(0);
    expect(command.stdout).toContain("An app instance is already wrapping; showing its progress.");
    expect(command.stdout).toMatch(/Wrapped \d+ of \d+/);
    expect(command.stdout).toContain("Every legacy hash is wrapped");
    expect(await bare()).toBe(0);

    // Wrapped once: a hash wrapped twice would no longer recognise its password.
    const customers = await db.customer.findMany({
      where: { externalId: { startsWith: "wrap-" } },
      select: { externalId: true, legacyHashAlgorithm: true, legacyPasswordHash: true, legacyHashParameters: true, legacyHashWrapped: true },
    });
    expect(customers).toHaveLength(IMPORTED);
    for (let start = 0; start < customers.length; start += 8) {
      await Promise.all(
        customers.slice(start, start + 8).map(async (customer) => {
          const n = Number(customer.externalId.slice("wrap-".length));
          expect(customer.legacyHashWrapped).toMatch(/^\$argon2id\$/);
          expect(await isLeakedPassword(customer, leakedPasswordOf(n)), customer.externalId).toBe(true);
          expect(await isLeakedPassword(customer, leakedPasswordOf(n + 1))).toBe(false);
        }),
      );
    }

    // Started again, the server finds nothing left to do and changes nothing.
    const before = customers.map((customer) => customer.legacyHashWrapped);
    await server.restart();
    await afterWholeRuns(["wrap-legacy-hashes"], [ownInstance(server.port)]);
    const after = await db.customer.findMany({
      where: { externalId: { startsWith: "wrap-" } },
      select: { legacyHashWrapped: true },
    });
    expect(after.map((customer) => customer.legacyHashWrapped).sort()).toEqual([...before].sort());
  } finally {
    await server.stop();
  }
});

test("when the hashing queue is full, customer and staff sign-in answer 503 with Retry-After and a clear message, and recover", OWN_SERVER, async () => {
  test.setTimeout(120_000);
  const server = await startOwnServer({ PASSWORD_HASHING_QUEUE: "0" });
  try {
    const attempt = (n: number) =>
      fetch(`${server.url}/signin?lng=ja`, {
        method: "POST",
        headers: { Origin: server.url, "Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-For": `192.0.2.${n}` },
        body: new URLSearchParams({ email: `rush-${n}@example.org`, password: "a password nobody has" }),
      });
    const answers = await Promise.all(Array.from({ length: 16 }, (_, n) => attempt(n + 1)));
    const busy = answers.filter((answer) => answer.status === 503);
    expect(busy.length).toBeGreaterThan(0);
    expect(answers.every((answer) => answer.status === 200 || answer.status === 503)).toBe(true);
    expect(busy[0]!.headers.get("retry-after")).toBe("5");
    expect(await busy[0]!.text()).toContain("ただいまログインが集中しています。数秒後にもう一度お試しください。");
    // Nothing was left behind: the next attempt is answered as usual.
    const later = await attempt(100);
    expect(later.status).toBe(200);
    expect(await later.text()).toContain("メールアドレスまたはパスワードが正しくありません。");

    // Staff sign-in shares the queue and answers the same way.
    const staffAttempt = (n: number) =>
      fetch(`${server.url}/staff/login?lng=ja`, {
        method: "POST",
        headers: { Origin: server.url, "Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-For": `198.18.0.${n}` },
        body: new URLSearchParams({ email: `staff-rush-${n}@example.org`, password: "a password nobody has", code: "123456" }),
      });
    const staffAnswers = await Promise.all(Array.from({ length: 16 }, (_, n) => staffAttempt(n + 1)));
    const staffBusy = staffAnswers.filter((answer) => answer.status === 503);
    expect(staffBusy.length).toBeGreaterThan(0);
    expect(staffAnswers.every((answer) => answer.status === 200 || answer.status === 503)).toBe(true);
    expect(staffBusy[0]!.headers.get("retry-after")).toBe("5");
    expect(await staffBusy[0]!.text()).toContain("ただいまログインが集中しています。数秒後にもう一度お試しください。");
  } finally {
    await server.stop();
  }
});

test("with PWNED_PASSWORDS_URL, a breached password is refused; when that service is down, the change still works", OWN_SERVER, async ({ browser }) => {
  test.setTimeout(120_000);
  const breached = "correct horse battery staple";
  const sha1 = createHash("sha1").update(breached).digest("hex").toUpperCase();
  const asked: Array<{ url: string; padding: unknown }> = [];
  const rangeApi = createServer((request, response) => {
    asked.push({ url: request.url ?? "", padding: request.headers["add-padding"] });
    const prefix = (request.url ?? "").slice("/range/".length);
    const lines = ["0123456789ABCDEF0123456789ABCDEF012:0"]; // a padding decoy
    if (sha1.startsWith(prefix)) lines.push(`${sha1.slice(5)}:31`);
    response.end(lines.join("\r\n"));
  });
  await new Promise<void>((resolve) => rangeApi.listen(0, "127.0.0.1", resolve));
  const rangeUrl = `http://127.0.0.1:${(rangeApi.address() as AddressInfo).port}`;
  const mailboxKey = randomBytes(32).toString("base64url");
  const server = await startOwnServer({ PWNED_PASSWORDS_URL: rangeUrl, E2E_SMTP_PORT: "off", E2E_TRUST_PROXY_HOPS: "0", DEV_MAILBOX_KEY: mailboxKey });
  try {
    const context = await browser.newContext({ baseURL: server.url, locale: "ja-JP" });
    const page = await context.newPage();
    await page.goto("/check");
    await page.getByLabel("メールアドレス", { exact: true }).fill("customer010@example.com");
    await page.getByRole("button", { name: "確認結果をメールで受け取る" }).click();
    await expect(async () => {
      await page.goto(`/dev/mailbox?key=${mailboxKey}`);
      await expect(page.getByText("宛先: customer010@example.com")).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
    await page.getByRole("link", { name: /\/check\/open/ }).click();
    await page.getByRole("button", { name: "確認する" }).click();
    // What leaked first, with the new password as the first step.
    await page.getByRole("region", { name: "まず、新しいパスワードを設定してください" }).getByRole("link", { name: "新しいパスワードを設定する" }).click();
    const choose = async (password: string) => {
      await page.getByLabel("新しいパスワード", { exact: true }).fill(password);
      await page.getByLabel("新しいパスワード（確認）").fill(password);
      await page.getByRole("button", { name: "新しいパスワードを設定する" }).click();
    };

    await choose(breached);
    // The answer waits for the hashing queue and the range API: longer than a page on a busy machine.
    await expect(page.locator(".field-error")).toHaveText(
      "このパスワードは、ほかのサービスから盗まれたパスワードの一覧に含まれています。別のパスワードにしてください。",
      { timeout: 30_000 },
    );
    // Only the first five hex characters of the SHA-1 left the server, asking for padding.
    expect(asked).toEqual([{ url: `/range/${sha1.slice(0, 5)}`, padding: "true" }]);

    rangeApi.closeAllConnections();
    await new Promise<void>((resolve) => rangeApi.close(() => resolve()));
    await choose("港の見える丘の小さな窓口");
    await expect(page.getByText("新しいパスワードを設定しました。")).toBeVisible({ timeout: 30_000 });
    await context.close();
  } finally {
    if (rangeApi.listening) rangeApi.close();
    await server.stop();
  }
});
