// Importing affected records, through the command line and through the back office: a bad
// file is rejected with every bad line listed and nothing written; a good one is written
// whole, and importing it again updates instead of duplicating. Ids and addresses are this
// spec's own (imp-…), so the demo's customers and other specs are left alone.
import { writeFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { axeViolations, WCAG_AA } from "../support/axe";
import { decryptField, parseKeyRing } from "../../app/utils/personal-data.server";
import { runCommand } from "../support/cli";
import { chooseImportFile, uploadImportFile } from "../support/import-upload";
import { shiftJis } from "../support/shift-jis";
import { signInAs, testDb, testServerSecrets } from "../support/staff";

// One import at a time is the rule (a second is refused while one runs).
test.describe.configure({ mode: "serial" });

test("the command reads each person's language as a spreadsheet writes it, sealed, and refuses one it can't read", async ({}, testInfo) => {
  const prefix = `imp-cli-language-${Date.now()}`;
  const file = testInfo.outputPath("languages.csv");
  const rows = (third: string) =>
    [
      "external_id,email,group,categories,language",
      `${prefix}-1,${prefix}-1@example.org,members,email,英語`,
      `${prefix}-2,${prefix}-2@example.org,members,email, JA `,
      `${prefix}-3,${prefix}-3@example.org,members,email,${third}`,
    ].join("\r\n");
  writeFileSync(file, rows("fr"));
  const refused = runCommand("app/cli/import-affected.ts", [file]);
  expect(refused.status).toBe(1);
  expect(refused.stderr).toContain(`line 4: bad-language (The language can't be read ("fr").`);
  expect(await customersOf(prefix)).toEqual([]);

  writeFileSync(file, rows(""));
  const imported = runCommand("app/cli/import-affected.ts", [file]);
  expect(imported.stderr).toBe("");
  expect(imported.status).toBe(0);
  const ring = parseKeyRing(testServerSecrets().DATA_ENCRYPTION_KEYS);
  const stored = await testDb().customer.findMany({
    where: { externalId: { startsWith: `${prefix}-` } },
    orderBy: { externalId: "asc" },
    select: { languageCiphertext: true },
  });
  // Sealed at rest like the address: only the key opens it.
  expect(stored.map((row) => row.languageCiphertext && decryptField(row.languageCiphertext, ring))).toEqual(["en", "ja", null]);
});

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

/** Names only Windows-31J has (NEC ①㈱, IBM 髙﨑) and half-width katakana, CRLF line ends. */
function shiftJisFile(prefix: string): Buffer {
  return Buffer.concat([
    Buffer.from(`${HEADER}\r\n`),
    shiftJis(`${prefix}-1,${prefix}-1@example.org,髙橋 ①子,,members,name,,,,\r\n`),
    shiftJis(`${prefix}-2,${prefix}-2@example.org,"㈱佐藤",,members,name,,,,\r\n`),
    shiftJis(`${prefix}-3,${prefix}-3@example.org,﨑 ｻﾄｳ,,members,name,,,,\r\n`),
  ]);
}

/** Latin-1, as some old systems write: "é" is 0xE9, neither UTF-8 nor Shift_JIS here. */
function latin1File(prefix: string): Buffer {
  return Buffer.from(`${HEADER}\n${prefix}-1,${prefix}-1@example.org,José,,members,name,,,,\n`, "latin1");
}

/** The names stored for a prefix's customers, decrypted as the portal reads them. */
async function namesOf(prefix: string): Promise<Array<string | null>> {
  const ring = parseKeyRing(testServerSecrets().DATA_ENCRYPTION_KEYS);
  const rows = await testDb().customer.findMany({
    where: { externalId: { startsWith: `${prefix}-` } },
    orderBy: { externalId: "asc" },
    select: { nameCiphertext: true },
  });
  return rows.map((row) => (row.nameCiphertext ? decryptField(row.nameCiphertext, ring) : null));
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

test("the command reads a BOM as UTF-8, and reports a later line that is not UTF-8", async ({}, testInfo) => {
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
  expect(result.stdout).toContain("Read as UTF-8 (with BOM).");
  expect(result.stderr).not.toContain(": bom (");
  expect(result.stderr).toContain("line 2: invalid-utf8 (");
  expect(await customersOf(prefix)).toEqual([]);
});

test("the command shows a Shift_JIS file's encoding and names first, writes nothing with --preview, then imports it", async ({}, testInfo) => {
  const prefix = `imp-cli-sjis-${Date.now()}`;
  const file = testInfo.outputPath("sjis.csv");
  writeFileSync(file, shiftJisFile(prefix));
  const runs = () => testDb().importRun.count({ where: { fileName: "sjis.csv" } });

  const preview = runCommand("app/cli/import-affected.ts", ["--preview", file]);
  expect(preview.stderr).toBe("");
  expect(preview.status).toBe(0);
  expect(preview.stdout).toContain("Read as Shift_JIS (Windows-31J).");
  expect(preview.stdout).toContain("  line 2: 髙橋 ①子\n  line 3: ㈱佐藤\n  line 4: 﨑 ｻﾄｳ\n");
  expect(preview.stdout).toContain("Preview only: nothing was imported.");
  expect(await runs()).toBe(0);
  expect(await customersOf(prefix)).toEqual([]);

  const run = runCommand("app/cli/import-affected.ts", [file]);
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  expect(run.stdout.indexOf("Read as Shift_JIS (Windows-31J).")).toBeLessThan(run.stdout.indexOf("Imported 3 lines"));
  expect(await namesOf(prefix)).toEqual(["髙橋 ①子", "㈱佐藤", "﨑 ｻﾄｳ"]);
});

test("the command refuses a file that is neither UTF-8 nor Shift_JIS, says how to save it, and starts nothing", async ({}, testInfo) => {
  const prefix = `imp-cli-latin1-${Date.now()}`;
  const file = testInfo.outputPath("latin1.csv");
  writeFileSync(file, latin1File(prefix));
  const result = runCommand("app/cli/import-affected.ts", [file]);
  expect(result.status).toBe(1);
  expect(result.stderr).toContain("Line 2 is neither UTF-8 nor Shift_JIS, so the file was not read and nothing was written.");
  expect(result.stderr).toContain("“CSV UTF-8 (Comma delimited) (*.csv)”");
  expect(await testDb().importRun.count({ where: { fileName: "latin1.csv" } })).toBe(0);
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
  const audit = await testDb().auditEntry.findFirst({
    where: { action: "import.affected-records" },
    orderBy: { sequence: "desc" },
    select: { actorId: true, result: true },
  });
  expect(audit).toEqual({ actorId: null, result: "ok" });
});

test("a privacy officer uploads a bad file, sees every bad line, then a good one", async ({ page, context }, testInfo) => {
  // Two uploads, each checked first, then the wrap job in the background: over a minute on a busy machine.
  test.setTimeout(90_000);
  const officer = await signInAs(context, "privacy-officer");
  const prefix = `imp-web-${Date.now()}`;
  const { text, expected } = badFile(prefix);
  const bad = testInfo.outputPath("upload-bad.csv");
  writeFileSync(bad, text);

  await page.goto("/staff/import");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("影響を受けたお客様の記録の取り込み");
  await uploadImportFile(page, bad);
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
  await uploadImportFile(page, good);
  await expect(page.getByTestId("import-status")).toHaveText("完了", { timeout: 30_000 });
  await expect(page.getByTestId("import-outcome")).toHaveText("取り込みが完了しました。3 行から、2 人を追加、0 人を更新し、影響 3 件を書き込みました。");
  expect(await customersOf(prefix)).toHaveLength(2);

  // The list shows the run; each upload and its outcome are in the audit log under the officer.
  await page.goto("/staff/import");
  await expect(page.getByRole("table", { name: "最近の取り込み 20 件（新しい順）" }).getByRole("row", { name: /upload-good\.csv/ })).toContainText(
    "2 人を追加",
  );
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
    { action: "import.preview", result: "ok" },
    { action: "import.upload", result: "ok" },
    { action: "import.affected-records", result: "failed" },
    { action: "import.preview", result: "ok" },
    { action: "import.upload", result: "ok" },
    { action: "import.affected-records", result: "ok" },
  ]);
});

test("on a phone, an officer sees how a Shift_JIS file and a UTF-8 file with BOM read, confirms each, and the names are stored as shown", async ({
  page,
  context,
}, testInfo) => {
  test.setTimeout(60_000);
  await page.setViewportSize({ width: 375, height: 800 });
  const officer = await signInAs(context, "privacy-officer");
  const prefix = `imp-web-sjis-${Date.now()}`;
  const sjis = testInfo.outputPath("excel-plain.csv");
  writeFileSync(sjis, shiftJisFile(prefix));

  await chooseImportFile(page, sjis);
  const preview = page.getByTestId("import-preview");
  await expect(preview.getByTestId("import-encoding")).toHaveText("Shift_JIS（Windows-31J）として読みました。");
  const names = preview.getByRole("table", { name: "excel-plain.csv の最初の氏名" }).locator("tbody tr");
  await expect(names).toHaveCount(3);
  await expect(names.nth(0)).toHaveText(["2", "髙橋 ①子"].join(""));
  await expect(names.nth(1)).toHaveText("3㈱佐藤");
  await expect(names.nth(2)).toHaveText("4﨑 ｻﾄｳ");
  // The preview is only reached by an upload, so the accessibility suite's page list can't check it.
  expect(await axeViolations(page, WCAG_AA)).toEqual([]);
  // Nothing is written before the officer confirms.
  expect(await testDb().importRun.count({ where: { fileName: "excel-plain.csv" } })).toBe(0);
  await preview.getByRole("button", { name: "このファイルを取り込む" }).click();
  await expect(page.getByTestId("import-status")).toHaveText("完了", { timeout: 30_000 });
  expect(await namesOf(prefix)).toEqual(["髙橋 ①子", "㈱佐藤", "﨑 ｻﾄｳ"]);

  const bomPrefix = `imp-web-bom-${Date.now()}`;
  const bom = testInfo.outputPath("excel-utf8.csv");
  const utf8Lines = [
    HEADER,
    `${bomPrefix}-1,${bomPrefix}-1@example.org,鈴木　一郎,,members,name,,,,`,
    `${bomPrefix}-2,${bomPrefix}-2@example.org,①㈱髙,,members,name,,,,`,
  ];
  writeFileSync(bom, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${utf8Lines.join("\r\n")}\r\n`)]));
  await chooseImportFile(page, bom);
  await expect(page.getByTestId("import-encoding")).toHaveText("UTF-8（BOM 付き）として読みました。");
  await expect(page.getByTestId("import-names").locator("tbody td")).toHaveText(["鈴木　一郎", "①㈱髙"]);
  await page.getByRole("button", { name: "このファイルを取り込む" }).click();
  await expect(page.getByTestId("import-status")).toHaveText("完了", { timeout: 30_000 });
  expect(await namesOf(bomPrefix)).toEqual(["鈴木　一郎", "①㈱髙"]);

  // Each preview is on record under the officer, with the encoding and without the names.
  const previews = await testDb().auditEntry.findMany({
    where: { actorId: officer.id, action: "import.preview" },
    orderBy: { sequence: "asc" },
    select: { details: true },
  });
  expect(previews.map((entry) => JSON.parse(entry.details ?? "{}") as Record<string, unknown>)).toEqual([
    expect.objectContaining({ fileName: "excel-plain.csv", encoding: "shift_jis", namesShown: 3 }),
    expect.objectContaining({ fileName: "excel-utf8.csv", encoding: "utf-8-bom", namesShown: 2 }),
  ]);
  expect(previews.map((entry) => entry.details).join("")).not.toMatch(/髙橋|鈴木/);
});

test("a file in neither encoding is refused on the page, with how to save it, and nothing is written", async ({ page, context }, testInfo) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await signInAs(context, "privacy-officer");
  const prefix = `imp-web-latin1-${Date.now()}`;
  const file = testInfo.outputPath("old-system.csv");
  writeFileSync(file, latin1File(prefix));
  await chooseImportFile(page, file);
  const field = page.getByLabel("CSV ファイル");
  await expect(field).toHaveAccessibleDescription(/2 行目が UTF-8 でも Shift_JIS でもないため、ファイルを読み込まず、何も書き込んでいません。/);
  await expect(page.getByText("「CSV UTF-8（コンマ区切り）(*.csv)」")).toBeVisible();
  await expect(page.getByRole("button", { name: "このファイルを取り込む" })).toHaveCount(0);
  expect(await testDb().importRun.count({ where: { fileName: "old-system.csv" } })).toBe(0);
  expect(await customersOf(prefix)).toEqual([]);
});

test("an import of a file other than the one checked is previewed again, not imported", async ({ context, baseURL }) => {
  await signInAs(context, "privacy-officer");
  const prefix = `imp-swap-${Date.now()}`;
  const file = { name: "swapped.csv", mimeType: "text/csv", buffer: shiftJisFile(prefix) };
  // Without script a browser sends whatever file is chosen with the digest of the one checked.
  const response = await context.request.post("/staff/import", {
    headers: { Origin: baseURL! },
    multipart: { file, intent: "import", previewed: "the-digest-of-another-file" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(200);
  const page = await response.text();
  expect(page).toContain("選ばれたファイルは、先に確認したものではありません。");
  expect(page).toContain("髙橋 ①子");
  expect(await testDb().importRun.count({ where: { fileName: "swapped.csv" } })).toBe(0);
  expect(await customersOf(prefix)).toEqual([]);
});

test("a file wrong throughout is listed a hundred lines a page", async ({ page, context }, testInfo) => {
  test.setTimeout(60_000);
  await signInAs(context, "privacy-officer");
  const prefix = `imp-pages-${Date.now()}`;
  const lines = Array.from({ length: 150 }, (_, n) => `${prefix}-${n},not-an-address-${n},,,members,name,,,,`);
  const file = testInfo.outputPath("many-bad.csv");
  writeFileSync(file, `${HEADER}\n${lines.join("\n")}\n`);

  await uploadImportFile(page, file);
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
    await chooseImportFile(page, file);
    await page.getByRole("button", { name: "このファイルを取り込む" }).click();
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
