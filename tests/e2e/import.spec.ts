// Importing affected records, through the command line and through the back office: a bad
// file is rejected with every bad line listed and nothing written; a good one is written
// whole, and importing it again updates instead of duplicating. Ids and addresses are this
// spec's own (imp-…), so the demo's customers and other specs are left alone.
import { writeFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { runCommand } from "../support/cli";
import { signInAs, testDb } from "../support/staff";

// One import at a time is the rule (a second is refused while one runs).
test.describe.configure({ mode: "serial" });

const HEADER = "external_id,email,name,registered_on,group,categories,period_from,period_until,legacy_hash,legacy_hash_algorithm";

/** A file with one of each kind of mistake, and the reasons expected for each line. */
function badFile(prefix: string): { text: string; expected: Array<[number, string]> } {
  const lines = [
    HEADER,
    `${prefix}-1,not-an-address,A,,members,name,,,,`, // 2
    `${prefix}-2,${prefix}-2@example.org,B,,no-such-group,name,,,,`, // 3
    `${prefix}-3,${prefix}-3@example.org,C,,members,name;no-such-category,,,,`, // 4
    `${prefix}-4,${prefix}-4@example.org,D`, // 5
    `${prefix}-5,${prefix}-5@example.org,E,,members,name,,,,`, // 6
    `${prefix}-5,${prefix}-5@example.org,E,,members,email,,,,`, // 7: same id and group as 6
    `${prefix}-6,${prefix}-6@example.org,F,2024-02-30,members,name,,,,`, // 8
    `${prefix}-7,${prefix}-7@example.org,G,,inquirers,email,2026-06-27,2026-06-13,,`, // 9
  ];
  const expected: Array<[number, string]> = [
    [2, "bad-email"],
    [3, "unknown-group"],
    [4, "unknown-category"],
    [5, "column-count"],
    [7, "duplicate-id"],
    [8, "bad-date"],
    [9, "bad-period"],
  ];
  return { text: `${lines.join("\n")}\n`, expected };
}

function goodFile(prefix: string, period = "2026-06-13"): string {
  return [
    HEADER,
    `${prefix}-1,${prefix}-1@example.org,佐藤 花子,2019-04-01,members,name;email;address,,,5f4dcc3b5aa765d61d8327deb882cf99,md5`,
    `${prefix}-1,${prefix}-1@example.org,佐藤 花子,2019-04-01,inquirers,email;inquiry-content,${period},2026-06-27,5f4dcc3b5aa765d61d8327deb882cf99,md5`,
    `${prefix}-2,${prefix}-2@example.org,"Suzuki, Ken",,members,name;email,,,,`,
    "",
  ].join("\r\n");
}

async function customersOf(prefix: string) {
  return testDb().customer.findMany({
    where: { externalId: { startsWith: `${prefix}-` } },
    orderBy: { externalId: "asc" },
    select: {
      externalId: true,
      legacyHashAlgorithm: true,
      // By group key ("inquirers" before "members"): the databases sort nulls differently.
      exposures: { orderBy: { group: { key: "asc" } }, select: { periodFrom: true, periodUntil: true, _count: { select: { categories: true } } } },
    },
  });
}

test("the command rejects a bad file, lists every bad line, and writes nothing", async ({}, testInfo) => {
  const prefix = `imp-cli-bad-${Date.now()}`;
  const { text, expected } = badFile(prefix);
  const file = testInfo.outputPath("bad.csv");
  writeFileSync(file, text);
  const result = runCommand("app/cli/import-affected.ts", [file]);
  expect(result.status).toBe(1);
  expect(result.stderr).toContain(`Rejected: ${expected.length} bad lines. Nothing was written.`);
  for (const [line, reason] of expected) expect(result.stderr).toContain(`line ${line}: ${reason} (`);
  expect(result.stderr.match(/^line \d+:/gm)).toHaveLength(expected.length);
  expect(await customersOf(prefix)).toEqual([]);
  const run = await testDb().importRun.findFirst({ where: { source: "cli" }, orderBy: { startedAt: "desc" }, select: { status: true } });
  expect(run?.status).toBe("rejected");
  expect(await testDb().importStagingRow.count()).toBe(0);
});

test("the command reports a BOM and a line that is not UTF-8", async ({}, testInfo) => {
  const prefix = `imp-cli-bytes-${Date.now()}`;
  const file = testInfo.outputPath("bytes.csv");
  writeFileSync(
    file,
    Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(`${HEADER}\n${prefix}-1,${prefix}-1@example.org,`),
      Buffer.from([0xff, 0xfe]),
      Buffer.from(`,,members,name,,,,\n`),
    ]),
  );
  const result = runCommand("app/cli/import-affected.ts", [file]);
  expect(result.status).toBe(1);
  expect(result.stderr).toContain("line 1: bom (");
  expect(result.stderr).toContain("line 2: invalid-utf8 (");
  expect(await customersOf(prefix)).toEqual([]);
});

test("the command imports a good file, and importing it again updates instead of duplicating", async ({}, testInfo) => {
  const prefix = `imp-cli-good-${Date.now()}`;
  const file = testInfo.outputPath("good.csv");
  writeFileSync(file, goodFile(prefix));
  const first = runCommand("app/cli/import-affected.ts", [file]);
  expect(first.stderr).toBe("");
  expect(first.status).toBe(0);
  expect(first.stdout).toContain("Imported 3 lines: 2 customers added, 0 updated, 3 exposures written");
  expect(await customersOf(prefix)).toEqual([
    {
      externalId: `${prefix}-1`,
      legacyHashAlgorithm: "md5",
      exposures: [
        { periodFrom: "2026-06-13", periodUntil: "2026-06-27", _count: { categories: 2 } },
        { periodFrom: null, periodUntil: null, _count: { categories: 3 } },
      ],
    },
    { externalId: `${prefix}-2`, legacyHashAlgorithm: null, exposures: [{ periodFrom: null, periodUntil: null, _count: { categories: 2 } }] },
  ]);

  writeFileSync(file, goodFile(prefix, "2026-06-20"));
  const again = runCommand("app/cli/import-affected.ts", [file]);
  expect(again.status).toBe(0);
  expect(again.stdout).toContain("0 customers added, 2 updated, 3 exposures written");
  const after = await customersOf(prefix);
  expect(after).toHaveLength(2);
  expect(after[0]!.exposures.map((exposure) => exposure.periodFrom)).toEqual(["2026-06-20", null]);
  expect(after.flatMap((customer) => customer.exposures.map((exposure) => exposure._count.categories))).toEqual([2, 3, 2]);
  // The replaced exposures took their categories with them (the SQLite merge runs without
  // foreign-key actions): no category row points at a missing exposure.
  const [orphans] = await testDb().$queryRaw<Array<{ count: number | bigint }>>`
    SELECT COUNT(*) AS "count" FROM "CustomerExposureCategory" ec
    LEFT JOIN "CustomerExposure" e ON e."id" = ec."exposureId" WHERE e."id" IS NULL`;
  expect(Number(orphans?.count)).toBe(0);
  const audit = await testDb().auditEntry.findFirst({ where: { action: "import.affected-records" }, orderBy: { sequence: "desc" }, select: { actorId: true, result: true } });
  expect(audit).toEqual({ actorId: null, result: "ok" });
});

test("a privacy officer uploads a bad file, sees every bad line, then a good one", async ({ page, context }, testInfo) => {
  test.setTimeout(60_000);
  const officer = await signInAs(context, "privacy-officer");
  const prefix = `imp-web-${Date.now()}`;
  const { text, expected } = badFile(prefix);
  const bad = testInfo.outputPath("upload-bad.csv");
  writeFileSync(bad, text);

  await page.goto("/staff/import");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("影響を受けたお客さまの記録の取り込み");
  await page.getByLabel("CSV ファイル").setInputFiles(bad);
  await page.getByRole("button", { name: "確認して取り込む" }).click();
  await expect(page).toHaveURL(/\/staff\/import\/[a-z0-9]+$/);
  await expect(page.getByTestId("import-status")).toHaveText("差し戻し", { timeout: 30_000 });
  await expect(page.getByTestId("import-outcome")).toContainText(`${expected.length} 行に誤りがあり、何も書き込んでいません`);
  const rows = page.getByTestId("import-issues").locator("tbody tr");
  await expect(rows).toHaveCount(expected.length);
  for (const [index, [line, reason]] of expected.entries()) {
    await expect(rows.nth(index).locator("th")).toHaveText(String(line));
    await expect(rows.nth(index).locator("td")).toContainText(reason);
  }
  await expect(rows.nth(0).locator("td")).toContainText("メールアドレスの形式が正しくありません");
  expect(await customersOf(prefix)).toEqual([]);

  const good = testInfo.outputPath("upload-good.csv");
  writeFileSync(good, goodFile(prefix));
  await page.goto("/staff/import");
  await page.getByLabel("CSV ファイル").setInputFiles(good);
  await page.getByRole("button", { name: "確認して取り込む" }).click();
  await expect(page.getByTestId("import-status")).toHaveText("完了", { timeout: 30_000 });
  await expect(page.getByTestId("import-outcome")).toHaveText(
    "取り込みが完了しました。3 行から、2 人を追加、0 人を更新し、影響 3 件を書き込みました。",
  );
  expect(await customersOf(prefix)).toHaveLength(2);

  // The list shows the run; each upload and its outcome are in the audit log under the officer.
  await page.goto("/staff/import");
  await expect(page.getByRole("table", { name: "最近の取り込み 20 件（新しい順）" }).getByRole("row", { name: /upload-good\.csv/ })).toContainText("2 人を追加");
  // The imported MD5 is wrapped in argon2id in the background, and the page says how far that got.
  const wrapping = page.getByRole("region", { name: "漏えいしたパスワードハッシュ" });
  await expect(async () => {
    await page.reload();
    await expect(wrapping.getByRole("status")).toContainText("漏えいしたハッシュはすべて包み直しました", { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  const wrapped = await testDb().customer.findUniqueOrThrow({
    where: { externalId: `${prefix}-1` },
    select: { legacyPasswordHash: true, legacyHashWrapped: true },
  });
  expect(wrapped.legacyPasswordHash).toBeNull();
  expect(wrapped.legacyHashWrapped).toMatch(/^\$argon2id\$/);
  const audit = await testDb().auditEntry.findMany({ where: { actorId: officer.id }, orderBy: { sequence: "asc" }, select: { action: true, result: true } });
  expect(audit).toEqual([
    { action: "import.upload", result: "ok" },
    { action: "import.affected-records", result: "failed" },
    { action: "import.upload", result: "ok" },
    { action: "import.affected-records", result: "ok" },
  ]);
});

test("a file wrong throughout is listed a hundred lines a page", async ({ page, context }, testInfo) => {
  test.setTimeout(60_000);
  await signInAs(context, "privacy-officer");
  const prefix = `imp-pages-${Date.now()}`;
  const lines = Array.from({ length: 150 }, (_, n) => `${prefix}-${n},not-an-address-${n},,,members,name,,,,`);
  const file = testInfo.outputPath("many-bad.csv");
  writeFileSync(file, `${HEADER}\n${lines.join("\n")}\n`);

  await page.goto("/staff/import");
  await page.getByLabel("CSV ファイル").setInputFiles(file);
  await page.getByRole("button", { name: "確認して取り込む" }).click();
  await expect(page.getByTestId("import-status")).toHaveText("差し戻し", { timeout: 30_000 });
  const issues = page.getByRole("table", { name: "誤りのある行（ファイルの順、2 ページ中 1 ページ目）" });
  await expect(issues.locator("tbody tr")).toHaveCount(100);
  await expect(issues.locator("tbody tr").first().locator("th")).toHaveText("2");
  await page.getByRole("link", { name: "次のページ" }).click();
  const second = page.getByRole("table", { name: "誤りのある行（ファイルの順、2 ページ中 2 ページ目）" });
  await expect(second.locator("tbody tr")).toHaveCount(50);
  await expect(second.locator("tbody tr").last().locator("th")).toHaveText("151");
  await expect(page.getByRole("link", { name: "前のページ" })).toBeVisible();
});

test("an upload while another import runs is refused with a clear message, and nothing starts", async ({ page, context }, testInfo) => {
  await signInAs(context, "privacy-officer");
  // A command-line import that is still working (its heartbeat is fresh).
  const running = await testDb().importRun.create({
    data: { source: "cli", fileName: "other.csv", status: "reading", bytesTotal: 1 },
    select: { id: true },
  });
  try {
    const prefix = `imp-busy-${Date.now()}`;
    const file = testInfo.outputPath("while-busy.csv");
    writeFileSync(file, goodFile(prefix));
    await page.goto("/staff/import");
    await page.getByLabel("CSV ファイル").setInputFiles(file);
    await page.getByRole("button", { name: "確認して取り込む" }).click();
    await expect(page.getByRole("alert")).toHaveText("別の取り込みが実行中です。終わってから、もう一度アップロードしてください。");
    await expect(page).toHaveURL(/\/staff\/import(\?index)?$/);
    expect(await customersOf(prefix)).toEqual([]);
    expect(await testDb().importRun.count({ where: { fileName: "while-busy.csv" } })).toBe(0);
  } finally {
    await testDb().importRun.update({ where: { id: running.id }, data: { status: "abandoned", finishedAt: new Date() } });
  }
});

test("an upload without a file, or not even multipart, is answered 400 (never 500)", async ({ context, baseURL }) => {
  await signInAs(context, "privacy-officer");
  const headers = { Origin: baseURL! };
  expect((await context.request.post("/staff/import", { headers, multipart: { other: "x" }, maxRedirects: 0 })).status()).toBe(400);
  expect((await context.request.post("/staff/import", { headers, form: { file: "x" }, maxRedirects: 0 })).status()).toBe(400);
});

test("an agent can neither see the import page nor upload", async ({ context, baseURL }) => {
  await signInAs(context, "agent");
  expect((await context.request.get("/staff/import", { maxRedirects: 0 })).status()).toBe(403);
  const upload = await context.request.post("/staff/import", {
    headers: { Origin: baseURL! },
    multipart: { file: { name: "x.csv", mimeType: "text/csv", buffer: Buffer.from(`${HEADER}\n`) } },
    maxRedirects: 0,
  });
  expect(upload.status()).toBe(403);
});
