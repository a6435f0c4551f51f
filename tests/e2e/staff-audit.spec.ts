import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { axeViolations, WCAG_AA_AND_BEST_PRACTICE } from "../support/axe";
import { appendAuditEntryAt } from "../support/audit";
import { signInAs } from "../support/staff";

// Other specs write to the same log at the same time, so each test filters on the unique
// email address of the staff member it signed in.
const CAPTION_JA = "監査ログ（新しい順）";

function entriesTable(page: Page, caption = CAPTION_JA) {
  return page.getByRole("table", { name: caption });
}

function rows(page: Page, caption = CAPTION_JA) {
  return entriesTable(page, caption).locator("tbody tr");
}

/**
 * The cells of the table's body, row by row (the sequence number is the row header). Details
 * read as the JSON of their key/value list, whether or not they are open.
 */
async function cells(page: Page, caption = CAPTION_JA): Promise<string[][]> {
  return rows(page, caption).evaluateAll((trs) =>
    trs.map((tr) =>
      Array.from(tr.querySelectorAll(":scope > th, :scope > td"), (cell) => {
        const list = cell.querySelector("dl");
        if (!list) return cell.textContent ?? "";
        const pairs = Array.from(list.querySelectorAll("div"), (pair) => [
          pair.querySelector("dt")?.textContent ?? "",
          pair.querySelector("dd")?.textContent ?? "",
        ]);
        return JSON.stringify(Object.fromEntries(pairs));
      }),
    ),
  );
}

/** The names of the actions, as the Japanese page shows them. */
const VIEW_JA = "監査ログの閲覧";
const EXPORT_JA = "監査ログのCSV出力";

function auditUrl(filters: Record<string, string>): string {
  return `/staff/audit?${new URLSearchParams(filters)}`;
}

/** Today on the desk's calendar (the test server keeps the default zone, Asia/Tokyo). */
function deskToday(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Tokyo" }).format(new Date());
}

/** RFC 4180: quoted cells may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      record.push(cell);
      cell = "";
    } else if (char === "\r" && text[i + 1] === "\n") {
      record.push(cell);
      records.push(record);
      record = [];
      cell = "";
      i++;
    } else cell += char;
  }
  expect(cell === "" && record.length === 0, "the file ends with a line break").toBe(true);
  return records;
}

const CSV_HEADER_JA = ["番号", "日時（Asia/Tokyo）", "実行者", "操作", "対象の種類", "対象のID", "結果", "接続元ハッシュ", "詳細"];
const CSV_HEADER_EN = ["No.", "Time (Asia/Tokyo)", "Staff member", "Action", "Target type", "Target ID", "Result", "Client hash", "Details"];

test("an administrator reads the log in Japanese and in English", async ({ context, page }) => {
  const admin = await signInAs(context, "admin");
  await page.goto(auditUrl({ actor: admin.email }));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("監査ログ");
  await expect(entriesTable(page).getByRole("columnheader")).toHaveText(["番号", "日時", "実行者", "操作", "対象", "結果", "接続元ハッシュ", "詳細"]);
  // The page's own view is on record, with the filters, before the entries are read.
  const [view] = await cells(page);
  expect(view).toEqual([
    expect.stringMatching(/^\d+$/),
    expect.stringMatching(/^\d{1,2}月\d{1,2}日\(.\) \d{1,2}:\d{2}$/),
    admin.email,
    VIEW_JA,
    "",
    "成功",
    expect.stringMatching(/^[\w-]{22}$/),
    JSON.stringify({ actor: admin.email }),
  ]);
  await expect(rows(page)).toHaveCount(1);

  await page.goto(`${auditUrl({ actor: admin.email })}&lng=en`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Audit log");
  const caption = "Audit log, newest first";
  await expect(entriesTable(page, caption).getByRole("columnheader")).toHaveText([
    "No.",
    "Time",
    "Staff member",
    "Action",
    "Target",
    "Result",
    "Client hash",
    "Details",
  ]);
  await expect(rows(page, caption)).toHaveCount(2);
  const [newest] = await cells(page, caption);
  expect(newest?.[1]).toMatch(/^[A-Z][a-z]{2} \d{1,2} [A-Z][a-z]{2}, \d{1,2}:\d{2}$/);
  expect(newest?.[3]).toBe("Audit log viewed");
  expect(newest?.[5]).toBe("OK");
});

test("filters narrow the entries by actor, action, result and date", async ({ browser, context, page }) => {
  const admin = await signInAs(context, "admin");
  // An agent's refused visit is logged under the agent's address.
  const agentContext = await browser.newContext();
  const agent = await signInAs(agentContext, "agent");
  expect((await (await agentContext.newPage()).goto("/staff/audit"))?.status()).toBe(403);
  await agentContext.close();

  await page.goto("/staff/audit");
  await page.getByLabel("実行者のメールアドレス").fill(agent.email);
  await page.getByRole("button", { name: "この条件で表示" }).click();
  await expect(page).toHaveURL(auditUrl({ actor: agent.email, action: "", result: "", from: "", to: "" }));
  await expect(rows(page)).toHaveCount(1);
  expect((await cells(page))[0]?.slice(2)).toEqual([
    agent.email,
    "権限のないページへのアクセス",
    "route /staff/audit",
    "拒否",
    expect.any(String),
    JSON.stringify({ permission: "read:audit-log", method: "GET" }),
  ]);

  // The form keeps the filters it was submitted with.
  await expect(page.getByLabel("実行者のメールアドレス")).toHaveValue(agent.email);
  await page.getByLabel("実行者のメールアドレス").fill(admin.email);
  // Actions are chosen by name; the link keeps the code, as links made before the list did.
  await page.getByLabel("操作", { exact: true }).selectOption({ label: VIEW_JA });
  await page.getByRole("button", { name: "この条件で表示" }).click();
  await expect(page).toHaveURL(/action=audit\.view/);
  await expect(page.getByLabel("操作", { exact: true })).toHaveValue("audit.view");
  // Three views so far: unfiltered, the agent's filter, and this one.
  await expect(rows(page)).toHaveCount(3);
  for (const row of await cells(page)) expect(row.slice(2, 4)).toEqual([admin.email, VIEW_JA]);

  await page.getByLabel("結果").selectOption({ label: "拒否" });
  await page.getByRole("button", { name: "この条件で表示" }).click();
  await expect(page.getByText("条件に合う記録はありません。")).toBeVisible();
  await expect(entriesTable(page)).toHaveCount(0);

  await page.goto(auditUrl({ actor: admin.email, from: deskToday(), to: deskToday() }));
  await expect(rows(page)).toHaveCount(5);
  await page.goto(auditUrl({ actor: admin.email, from: "2020-01-01", to: "2020-01-31" }));
  await expect(page.getByText("条件に合う記録はありません。")).toBeVisible();
});

test("the log pages back 50 entries at a time", async ({ context, page }) => {
  const admin = await signInAs(context, "admin");
  for (let view = 0; view < 55; view++) {
    expect((await page.request.get("/staff/audit?action=audit.view")).status()).toBe(200);
  }
  // 56 entries with this view: the newest 50, then the 6 before them.
  await page.goto(auditUrl({ actor: admin.email }));
  await expect(rows(page)).toHaveCount(50);
  const firstPage = (await cells(page)).map((row) => Number(row[0]));
  expect(firstPage).toEqual([...firstPage].sort((a, b) => b - a));
  const pages = page.getByRole("navigation", { name: "ページ送り" });
  await expect(pages.getByRole("link")).toHaveText(["さらに古い記録を表示"]);

  await pages.getByRole("link", { name: "さらに古い記録を表示" }).click();
  await expect(page).toHaveURL(auditUrl({ actor: admin.email, before: String(firstPage.at(-1)) }));
  await expect(rows(page)).toHaveCount(6);
  const secondPage = (await cells(page)).map((row) => Number(row[0]));
  expect(Math.max(...secondPage)).toBeLessThan(Math.min(...firstPage));
  await expect(pages.getByRole("link")).toHaveText(["最新の記録に戻る"]);

  await pages.getByRole("link", { name: "最新の記録に戻る" }).click();
  await expect(page).toHaveURL(auditUrl({ actor: admin.email }));
  await expect(rows(page)).toHaveCount(50);
});

test("the CSV export downloads the filtered entries, and viewing and exporting are logged", async ({ context, page }) => {
  const admin = await signInAs(context, "admin");
  const filters = { actor: admin.email, action: "audit.view" };
  await page.goto(auditUrl(filters));
  const link = page.getByRole("link", { name: "この条件でCSVをダウンロード" });
  await expect(link).toHaveAttribute("href", `/staff/audit/export?${new URLSearchParams(filters)}`);

  const downloading = page.waitForEvent("download");
  await link.click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`audit-log-${deskToday().replaceAll("-", "")}.csv`);
  const bytes = await readFile(await download.path());
  expect([...bytes.subarray(0, 3)], "UTF-8 byte-order mark").toEqual([0xef, 0xbb, 0xbf]);
  const [header, ...records] = parseCsv(bytes.subarray(3).toString("utf8"));
  expect(header).toEqual(CSV_HEADER_JA);
  expect(records).toEqual([
    [
      expect.stringMatching(/^\d+$/),
      expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
      admin.email,
      "audit.view",
      "",
      "",
      "成功",
      expect.stringMatching(/^'?[\w-]{22}$/),
      JSON.stringify(filters),
    ],
  ]);

  const response = await page.request.get(`/staff/audit/export?${new URLSearchParams(filters)}&lng=en`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(response.headers()["cache-control"]).toBe("no-store");
  expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename="audit-log-\d{8}\.csv"$/);
  expect(parseCsv((await response.text()).replace(/^\uFEFF/, ""))[0]).toEqual(CSV_HEADER_EN);

  // Both downloads and the first view are on record with their filters.
  await page.goto(auditUrl({ actor: admin.email }));
  expect((await cells(page)).map((row) => [row[3], row[7]])).toEqual([
    [VIEW_JA, JSON.stringify({ actor: admin.email })],
    [EXPORT_JA, JSON.stringify(filters)],
    [EXPORT_JA, JSON.stringify(filters)],
    [VIEW_JA, JSON.stringify(filters)],
  ]);
});

for (const role of ["agent", "privacy-officer"] as const) {
  test(`the ${role} role is refused the page and the file, with a message`, async ({ context, page }) => {
    await signInAs(context, role);
    const pageResponse = await page.goto("/staff/audit");
    expect(pageResponse?.status()).toBe(403);
    await expect(page.getByText("の役割では、このページを開くことはできません。")).toBeVisible();
    await expect(page.getByRole("table")).toHaveCount(0);

    const fileResponse = await page.goto("/staff/audit/export");
    expect(fileResponse?.status()).toBe(403);
    expect(await fileResponse?.text()).toBe("あなたの役割では、このページを開くことはできません。必要な場合は、管理者にご相談ください。");
    const english = await page.request.get("/staff/audit/export?lng=en");
    expect(english.status()).toBe(403);
    expect(await english.text()).toBe("Your role may not open this page. Please ask an administrator if you need it.");
  });
}

test("an anonymous visitor is sent to sign in, with the way back in the link", async ({ page }) => {
  await page.goto("/staff/audit?action=audit.view");
  await expect(page).toHaveURL("/staff/login?redirectTo=%2Fstaff%2Faudit%3Faction%3Daudit.view");
  await page.goto("/staff/audit/export?action=audit.view");
  await expect(page).toHaveURL("/staff/login?redirectTo=%2Fstaff%2Faudit%2Fexport%3Faction%3Daudit.view");
});

test("malformed filters are explained, not failed on", async ({ context, page }) => {
  const admin = await signInAs(context, "admin");
  const summary = "絞り込みの条件に誤りがあります。表示内容をご確認のうえ、もう一度お試しください。";

  const badDate = await page.goto("/staff/audit?from=2026-13-45");
  expect(badDate?.status()).toBe(400);
  await expect(page.getByRole("alert")).toHaveText(summary);
  await expect(page.getByText("日付は「2026-11-24」の形式で、実在する日付を入力してください。")).toBeVisible();
  await expect(page.getByLabel("開始日")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("table")).toHaveCount(0);

  expect((await page.goto("/staff/audit?before=abc"))?.status()).toBe(400);
  await expect(page.getByText("ページの指定が正しくありません。最新の記録から表示し直してください。")).toBeVisible();

  expect((await page.goto("/staff/audit?from=2026-11-30&to=2026-11-01"))?.status()).toBe(400);
  await expect(page.getByText("終了日は開始日と同じ日か、それより後の日付にしてください。")).toBeVisible();

  expect((await page.goto("/staff/audit?actor=nobody&result=maybe&lng=en"))?.status()).toBe(400);
  await expect(page.getByText("Enter an email address.")).toBeVisible();
  await expect(page.getByText("Choose a result from the list.")).toBeVisible();

  // A hand-made export link with a bad filter lands on the page that explains it.
  await page.goto("/staff/audit/export?to=2026-02-30&lng=ja");
  await expect(page).toHaveURL("/staff/audit?to=2026-02-30&lng=ja");
  await expect(page.getByText("日付は「2026-11-24」の形式で、実在する日付を入力してください。")).toBeVisible();

  // An action filter that is no code at all (a hand-edited link) is explained next to the select.
  expect((await page.goto(`/staff/audit?${new URLSearchParams({ action: "Not A Code!" })}`))?.status()).toBe(400);
  await expect(page.getByText("操作は一覧から選んでください。")).toBeVisible();
  await expect(page.getByLabel("操作", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("操作", { exact: true })).toHaveValue("");

  // Views that showed nothing are on record too, with what was asked for.
  await page.goto(auditUrl({ actor: admin.email, result: "failed" }));
  expect((await cells(page)).map((row) => [row[3], row[5], row[7]])).toEqual([
    [VIEW_JA, "失敗", JSON.stringify({ action: "Not A Code!" })],
    [VIEW_JA, "失敗", JSON.stringify({ to: "2026-02-30", lng: "ja" })],
    [VIEW_JA, "失敗", JSON.stringify({ actor: "nobody", result: "maybe", lng: "en" })],
    [VIEW_JA, "失敗", JSON.stringify({ from: "2026-11-30", to: "2026-11-01" })],
    [VIEW_JA, "失敗", JSON.stringify({ before: "abc" })],
    [VIEW_JA, "失敗", JSON.stringify({ from: "2026-13-45" })],
  ]);
});

test("entries read in the desk's zone, with details folded away, and fit a 1280 px page", async ({ context, page }) => {
  const admin = await signInAs(context, "admin");
  // 15:30 UTC on 1 March is half past midnight on 2 March in Tokyo; the detail is 08:45 on 1 April there.
  await appendAuditEntryAt(new Date("2026-03-01T15:30:00.000Z"), {
    actor: { id: admin.id, email: admin.email },
    action: "deletion.approve",
    target: { type: "deletion-request", id: "D-TEST-0001" },
    clientHash: null,
    result: "ok",
    details: { executeAfter: "2026-03-31T23:45:00.000Z", note: "x".repeat(300) },
  });
  // An entry from before its code was listed shows the code itself.
  await appendAuditEntryAt(new Date("2026-03-01T15:31:00.000Z"), {
    actor: { id: admin.id, email: admin.email },
    // @ts-expect-error: no longer a code the app writes, as in an old log
    action: "legacy.thing",
    result: "ok",
  });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(auditUrl({ actor: admin.email, action: "deletion.approve" }));
  await expect(page.getByLabel("操作", { exact: true })).toHaveValue("deletion.approve");
  await expect(rows(page)).toHaveCount(1);
  const row = rows(page).first();
  const [approval] = await cells(page);
  expect(approval?.slice(1, 6)).toEqual(["3月2日(月) 0:30", admin.email, "削除請求の承認", "deletion-request D-TEST-0001", "成功"]);
  await expect(row.locator("time").first()).toHaveAttribute("datetime", "2026-03-01T15:30:00.000Z");

  // Closed until asked for; the instant inside reads in Tokyo time too.
  const summary = row.getByText("詳細を表示");
  const executeAfter = row.getByText("2026年4月1日 8:45");
  await expect(summary).toBeVisible();
  await expect(executeAfter).toBeHidden();
  await summary.click();
  await expect(executeAfter).toBeVisible();
  await expect(row.locator("details")).toHaveAttribute("open", "");
  await expect(row.getByRole("definition").first()).toHaveText("2026年4月1日 8:45");

  // Open details and a long value: the page still doesn't scroll sideways, nor does the table.
  const overflow = () =>
    page.evaluate(() => {
      const region = document.querySelector<HTMLElement>(".audit-table-scroll")!;
      return {
        page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        table: region.scrollWidth - region.clientWidth,
      };
    });
  expect(await overflow()).toEqual({ page: 0, table: 0 });
  // The whole of this member's log, and the filter form with every action as a choice.
  await page.goto(auditUrl({ actor: admin.email }));
  await expect(rows(page)).toHaveCount(4);
  expect((await cells(page)).map((row) => row[3])).toEqual([VIEW_JA, VIEW_JA, "legacy.thing", "削除請求の承認"]);
  for (const open of await page.locator(".audit-table summary").all()) await open.click();
  expect(await overflow()).toEqual({ page: 0, table: 0 });

  // An old link with that code still filters by it, and the select keeps it chosen.
  await page.goto(auditUrl({ actor: admin.email, action: "legacy.thing" }));
  await expect(page.getByLabel("操作", { exact: true })).toHaveValue("legacy.thing");
  expect((await cells(page)).map((row) => row[3])).toEqual(["legacy.thing"]);

  await page.goto(`${auditUrl({ actor: admin.email, action: "deletion.approve" })}&lng=en`);
  const [english] = await cells(page, "Audit log, newest first");
  expect(english?.slice(1, 4)).toEqual([expect.stringMatching(/^Mon 2 Mar, 0?0:30$/), admin.email, "Deletion request approved"]);
});

test("the log is accessible and fits a phone", async ({ context, page }) => {
  const admin = await signInAs(context, "admin");
  await page.setViewportSize({ width: 375, height: 812 });
  // Two entries: this view and the one before it.
  await page.goto("/staff/audit");
  await page.goto(auditUrl({ actor: admin.email }));
  await expect(rows(page)).toHaveCount(2);
  expect(await axeViolations(page, WCAG_AA_AND_BEST_PRACTICE, "#main")).toEqual([]);
  // The table scrolls inside its own region; the page itself doesn't scroll sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  const region = page.getByRole("region", { name: CAPTION_JA });
  expect(await region.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);
});
