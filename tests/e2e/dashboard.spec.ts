// The staff dashboard in the browser: the figures of a period, in Japanese and English,
// the charts with their tables, the CSV export and the regulator's summary, and what each
// role sees. Each test counts over a month of 2025 of its own, seeded here, so the other
// tests running meanwhile (which write "now") can't change its figures. The months and
// periods don't overlap, and none seeds an unanswered inquiry before January 2025 (which
// would count in January's backlog).
import { readFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { addLocalDays } from "../../app/domain/business-hours";
import { referenceFromBytes } from "../../app/domain/inquiries/reference";
import { createAffectedCustomer, uniqueAddress } from "../support/customers";
import { signInAs, testDb } from "../support/staff";

/** Noon in Tokyo on day `day` of `month` ("2025-01"). */
const DAY = 86_400_000;
const noon = (month: string, day: number) => new Date(`${month}-${String(day).padStart(2, "0")}T03:00:00Z`);

/**
 * A month with known figures: 3 people checking (two on the 2nd, one on the 5th), 2 accounts
 * with a leaked password changing it on the 3rd, 4 inquiries (two on the 1st, one on the 2nd,
 * one on the 4th) of which 3 first answered on the 2nd after 30, 90 and 150 business
 * minutes, and 4 deletion requests (2 received on the 3rd, 1 completed on the 10th, 1 refused
 * on the 12th).
 */
async function seedMonth(month: string) {
  const db = testDb();
  for (const [index, day] of [2, 2, 5].entries()) {
    const customer = await createAffectedCustomer(uniqueAddress(`dashboard-${month}`), [{ group: "members", categories: ["email"] }]);
    await db.customer.update({
      where: { id: customer.id },
      data: {
        firstCheckedAt: noon(month, day),
        ...(index < 2
          ? {
              legacyHashAlgorithm: "md5-hex",
              legacyHashWrapped: "wrapped",
              passwordHash: "new",
              passwordChangedAt: noon(month, 3),
              passwordFirstChangedAt: noon(month, 3),
            }
          : {}),
      },
    });
  }
  const answers = [30, 90, 150];
  for (const [index, day] of [1, 1, 2, 4].entries()) {
    await db.inquiry.create({
      data: {
        reference: referenceFromBytes(randomBytes(5)),
        category: "other",
        language: "ja",
        status: index < 3 ? "resolved" : "waiting",
        emailHash: `dashboard-${month}-${index}`,
        contactBy: "email",
        createdAt: noon(month, day),
        lastActivityAt: noon(month, day),
        ...(index < 3 ? { firstAnsweredAt: noon(month, 2), firstResponseMinutes: answers[index] } : {}),
      },
    });
  }
  const request = (status: string, receivedAt: Date, extra: object = {}) =>
    db.deletionRequest.create({
      data: {
        reference: `DR-${randomBytes(4).toString("hex").toUpperCase()}`,
        emailHash: `dashboard-${month}-${randomBytes(4).toString("hex")}`,
        externalId: `dashboard-${randomBytes(4).toString("hex")}`,
        language: "ja",
        status,
        receivedAt,
        dueAt: new Date(receivedAt.getTime() + 30 * DAY),
        ...extra,
      },
    });
  await request("received", noon(month, 3));
  await request("reviewing", noon(month, 3));
  // Received the month before: only their completion and refusal fall in this month.
  await request("completed", new Date(noon(month, 1).getTime() - 20 * DAY), { completedAt: noon(month, 10) });
  await request("refused", new Date(noon(month, 1).getTime() - 20 * DAY), { decidedAt: noon(month, 12) });
}

/** The value shown for `label` in the dashboard section named `section`. */
function figure(page: Page, section: string, label: string) {
  return page
    .getByRole("region", { name: section, exact: true })
    .locator(".figure")
    .filter({ has: page.getByText(label, { exact: true }) })
    .locator(".figure-value");
}

test("a privacy officer reads a month's figures in Japanese, with charts, tables, the CSV and the regulator's summary", async ({ context, page }) => {
  const month = "2025-01";
  await seedMonth(month);
  await signInAs(context, "privacy-officer");
  await page.goto("/staff");
  await expect(page.getByRole("heading", { name: "対応の状況" })).toBeVisible();
  // The default period: the last 30 days, today included.
  await expect(page.getByLabel("最終日")).not.toHaveValue("");

  // A period whose last day is before its first is explained in the browser, and by the
  // server to a link that carries one: no figures for it, the days as typed kept.
  await page.getByLabel("初日").fill("2025-01-31");
  await page.getByLabel("最終日").fill("2025-01-01");
  await page.getByRole("button", { name: "表示" }).click();
  await expect(page.getByText("最終日は初日より前にできません。")).toBeVisible();
  const refused = await page.goto("/staff?from=2025-01-31&to=2025-01-01");
  expect(refused?.status()).toBe(400);
  await expect(page.getByText("最終日は初日より前にできません。")).toBeVisible();
  await expect(page.getByLabel("初日")).toHaveValue("2025-01-31");
  await expect(page.getByRole("heading", { name: "対応の状況" })).toHaveCount(0);

  await page.getByLabel("初日").fill(`${month}-01`);
  await page.getByLabel("最終日").fill(`${month}-31`);
  await page.getByRole("button", { name: "表示" }).click();
  await expect(page).toHaveURL(/from=2025-01-01&to=2025-01-31/);
  await expect(page.getByText("2025年1月1日(水)〜2025年1月31日(金)")).toBeVisible();

  await expect(figure(page, "お問い合わせ", "期間内の受付")).toHaveText("4");
  await expect(figure(page, "お問い合わせ", "期間内の初回回答")).toHaveText("3");
  await expect(figure(page, "お問い合わせ", "初回回答までの時間の中央値（営業時間、期間内に回答したもの）")).toHaveText("1時間30分");
  await expect(figure(page, "確認", "うち期間内に初めて確認した人数")).toHaveText("3");
  await expect(figure(page, "パスワード", "うち期間内に設定した人数")).toHaveText("2");
  await expect(figure(page, "削除請求", "期間内の受付")).toHaveText("2");
  await expect(figure(page, "削除請求", "期間内の完了")).toHaveText("1");
  await expect(figure(page, "削除請求", "期間内の拒否")).toHaveText("1");
  // "Now" figures come from the whole desk, which other tests change meanwhile: numbers, at least.
  await expect(figure(page, "影響を受けた記録", "漏えいした記録に含まれる人数")).toHaveText(/^[\d,]+$/);
  await expect(page.getByRole("table", { name: "対象グループ別の記録数" }).getByRole("row", { name: /会員/ })).toBeVisible();

  // Each chart is an image with a name and a description, and its figures are a table.
  const inquiries = page.getByRole("region", { name: "お問い合わせ", exact: true });
  await expect(inquiries.getByRole("img", { name: /お問い合わせの受付と初回回答 期間内に受付4件、初回回答3件。/ })).toBeVisible();
  await expect(inquiries.getByRole("img", { name: /各棒の終わりの時点で初回回答を待っているお問い合わせ/ })).toBeVisible();
  await inquiries.getByText("数値を表で見る").first().click();
  const table = inquiries.getByRole("table", { name: "お問い合わせの受付と初回回答" });
  await expect(table.getByRole("columnheader")).toHaveText(["日付", "受付", "初回回答"]);
  await expect(table.getByRole("row")).toHaveCount(32);
  await expect(table.getByRole("row", { name: "1月1日(水)" }).getByRole("cell")).toHaveText(["2", "0"]);
  await expect(table.getByRole("row", { name: "1月2日(木)" }).getByRole("cell")).toHaveText(["1", "3"]);
  const backlog = inquiries.getByRole("table", { name: "各棒の終わりの時点で初回回答を待っているお問い合わせ" });
  await inquiries.getByText("数値を表で見る").nth(1).click();
  await expect(backlog.getByRole("row", { name: "1月1日(水)" }).getByRole("cell")).toHaveText(["2"]);
  await expect(backlog.getByRole("row", { name: "1月4日(土)" }).getByRole("cell")).toHaveText(["1"]);
  const checks = page.getByRole("region", { name: "確認", exact: true });
  await expect(checks.getByRole("img", { name: /初めて確認した人数 期間内に3人。最も多い棒：2人（1月2日\(木\)）。/ })).toBeVisible();

  // The CSV: every figure, in Japanese, safe for spreadsheets, and the download on record.
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "この期間のすべての数値をダウンロード（CSV）" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("figures-2025-01-01-2025-01-31.csv");
  const csv = readFileSync((await download.path())!, "utf8");
  expect(csv.startsWith("\uFEFFキー,区分,項目,日付,数値\n")).toBe(true);
  const lines = csv.split("\n");
  expect(lines).toContain("inquiries.receivedInPeriod,お問い合わせ,期間内の受付,,4");
  expect(lines).toContain("inquiries.medianFirstResponseMinutes,お問い合わせ,初回回答までの営業時間（分）の中央値,,90");
  expect(lines).toContain("inquiries.receivedPerBucket,お問い合わせ,お問い合わせの受付,2025-01-01,2");
  expect(lines).toContain("inquiries.awaitingFirstAnswerByBucketEnd,お問い合わせ,終わりの時点の初回回答待ち,2025-01-04,1");
  expect(lines).toContain("checks.perBucket,確認,初めての確認,2025-01-02,2");
  expect(lines).toContain("passwords.perBucket,パスワード,漏えいしたパスワードのアカウントの初めての新パスワード設定,2025-01-03,2");
  expect(lines).toContain("deletions.refusedInPeriod,削除請求,期間内の拒否,,1");
  expect(lines.filter((line) => line.startsWith("inquiries.receivedPerBucket,"))).toHaveLength(31);
  const exported = await testDb().auditEntry.findFirst({
    where: { action: "report.export-figures" },
    orderBy: { sequence: "desc" },
    select: { details: true, result: true },
  });
  expect(exported).toEqual({ details: JSON.stringify({ from: "2025-01-01", to: "2025-01-31" }), result: "ok" });

  // The regulator's summary in Japanese, then in English from the same Japanese page.
  await page.getByRole("link", { name: "個人情報保護委員会への報告用の概要（日本語）" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("個人情報漏えい事案への対応状況の概要");
  await expect(
    page
      .getByRole("table", { name: "お問い合わせ" })
      .getByRole("row", { name: /期間内の受付/ })
      .getByRole("cell"),
  ).toHaveText("4");
  await expect(page.getByRole("table", { name: "パスワード" })).toBeVisible();
  await expect(page.getByRole("button", { name: "印刷" })).toBeVisible();
  await page.getByRole("link", { name: "ダッシュボードに戻る" }).click();
  await expect(page).toHaveURL(/from=2025-01-01&to=2025-01-31/);
  await page.getByRole("link", { name: "個人情報保護委員会への報告用の概要（英語）" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Summary of the response to the personal data incident");
  await expect(page.locator("article.report")).toHaveAttribute("lang", "en");
  await expect(
    page
      .getByRole("table", { name: "Inquiries" })
      .getByRole("row", { name: /First answered in the period/ })
      .getByRole("cell"),
  ).toHaveText("3");
  await expect(
    page
      .getByRole("table", { name: "Inquiries" })
      .getByRole("row", { name: /Median time/ })
      .getByRole("cell"),
  ).toHaveText("1 h 30 min");
  // The back office around it stays in the reader's language.
  await expect(page.getByRole("link", { name: "ダッシュボードに戻る" })).toBeVisible();
  const summaries = await testDb().auditEntry.findMany({
    where: { action: "report.summary" },
    orderBy: { sequence: "desc" },
    take: 2,
    select: { details: true },
  });
  expect(summaries.map((entry) => JSON.parse(entry.details ?? "{}").language)).toEqual(["en", "ja"]);
});

test("an admin reads four months in English, a bar per week", async ({ context, page }) => {
  // September to December 2025 hold no other test's month.
  await seedMonth("2025-10");
  await signInAs(context, "admin");
  await page.goto("/staff?lng=en&from=2025-09-01&to=2025-12-31");
  await expect(page.getByText("A bar or point per week, labelled with its first day.")).toBeVisible();
  await expect(figure(page, "Inquiries", "Received in the period")).toHaveText("4");
  await expect(figure(page, "Inquiries", "Median time to the first answer, in business hours (answered in the period)")).toHaveText("1 h 30 min");
  await expect(figure(page, "Deletion requests", "Refused in the period")).toHaveText("1");
  const passwords = page.getByRole("region", { name: "Passwords", exact: true });
  await expect(passwords.getByRole("img", { name: /Accounts with a leaked password that have set a new one/ })).toBeVisible();
  await passwords.getByText("Show the figures as a table").click();
  const table = passwords.getByRole("table", { name: "Accounts with a leaked password that have set a new one" });
  await expect(table.getByRole("columnheader")).toHaveText(["Week from", "Accounts changed"]);
  // 122 days: 17 weeks and a last bar of 3 days, under a heading row.
  await expect(table.getByRole("row")).toHaveCount(19);
  await expect(page.getByRole("link", { name: "Download every figure of this period (CSV)" })).toBeVisible();

  // Too long a period is explained in English.
  await page.goto("/staff?lng=en&from=2025-01-01&to=2026-06-30");
  await expect(page.getByText("Choose a period of at most 366 days.")).toBeVisible();
  await page.goto("/staff?lng=en&from=2025-02-30&to=2025-03-01");
  await expect(page.getByText("Enter the first day as a date, for example 2026-11-01.")).toBeVisible();
});

test("an agent sees the inquiry figures only, and can't export", async ({ context, page }) => {
  await seedMonth("2025-05");
  await signInAs(context, "agent");
  await page.goto("/staff?lng=en&from=2025-05-01&to=2025-05-31");
  await expect(figure(page, "Inquiries", "Received in the period")).toHaveText("4");
  await expect(page.getByRole("region", { name: "Inquiries", exact: true }).getByRole("img")).toHaveCount(2);
  for (const hidden of ["Affected records", "Checks", "Passwords", "Deletion requests", "Exports"]) {
    await expect(page.getByRole("heading", { name: hidden, exact: true })).toHaveCount(0);
  }
  const csv = await page.request.get("/staff/figures.csv?from=2025-05-01&to=2025-05-31");
  expect(csv.status()).toBe(403);
  const summary = await page.request.get("/staff/report?from=2025-05-01&to=2025-05-31&language=en");
  expect(summary.status()).toBe(403);
});

test("a day's bucket runs from midnight to midnight on the desk's clock", async ({ context, page }) => {
  // 2025-07-09T15:00Z is midnight of 10 July in Tokyo: an inquiry then counts on the 10th.
  const db = testDb();
  for (const createdAt of ["2025-07-09T14:59:59.999Z", "2025-07-09T15:00:00.000Z"]) {
    await db.inquiry.create({
      data: {
        reference: referenceFromBytes(randomBytes(5)),
        category: "other",
        language: "ja",
        status: "closed",
        emailHash: "boundary",
        contactBy: "email",
        createdAt: new Date(createdAt),
      },
    });
  }
  await signInAs(context, "agent");
  await page.goto(`/staff?from=2025-07-09&to=${addLocalDays("2025-07-09", 1)}`);
  const inquiries = page.getByRole("region", { name: "お問い合わせ", exact: true });
  await inquiries.getByText("数値を表で見る").first().click();
  const table = inquiries.getByRole("table", { name: "お問い合わせの受付と初回回答" });
  await expect(table.getByRole("row", { name: "7月9日(水)" }).getByRole("cell")).toHaveText(["1", "0"]);
  await expect(table.getByRole("row", { name: "7月10日(木)" }).getByRole("cell")).toHaveText(["1", "0"]);
});
