// The staff editor of the incident notice (/staff/notice).
//
// Two halves, because of what they do to the public page:
// - Everything that leaves the public notice as it is (access control, validation,
//   categories that no group lists, refused deletions) runs on the suite's shared
//   server, signed in with signInAs and checked with testDb().
// - Publishing a revision and editing the groups customers see change `/` for every
//   visitor, and other specs (notice.spec.ts) assert the demo notice exactly while they
//   run in parallel. Those tests get a server and a SQLite database of their own, started
//   here with the same test-server script on a free port and removed afterwards, so no
//   other spec can ever observe them, whatever the order or the number of workers.
import { randomBytes } from "node:crypto";
import { DateTime } from "luxon";
import { expect, test, type APIRequestContext, type APIResponse, type Browser, type Page } from "@playwright/test";
import type { Db } from "../../app/db/client.server";
import { OWN_SERVER } from "../support/tags";
import { startOwnServer, type OwnServer } from "../support/own-server";
import { signInAs, testDb } from "../support/staff";

const FORBIDDEN = "の役割では、このページを開くことはできません。";
const EDITOR_PATHS = [
  "/staff/notice",
  "/staff/notice/new",
  "/staff/notice/2",
  "/staff/notice/2/publish",
  "/staff/notice/groups",
  "/staff/notice/groups/new",
  "/staff/notice/categories",
  "/staff/notice/categories/new",
];

async function noticeAuditOf(db: Db, actorId: string) {
  return db.auditEntry.findMany({
    where: { actorId, action: { startsWith: "notice." } },
    orderBy: { sequence: "asc" },
    select: { action: true, targetType: true, targetId: true, result: true, details: true },
  });
}

/**
 * A response's HTML as a browser reads it. React 18.3's renderToPipeableStream can leave
 * NUL bytes where a multi-byte character doesn't fit the end of its 2 KB buffer
 * (facebook/react#24985, fixed in React 19); browsers drop them from text, so do we.
 */
async function htmlOf(response: APIResponse): Promise<string> {
  return (await response.text()).replaceAll("\u0000", "");
}

/** A POST as a forged form would send it, from our own origin so only the app's own checks apply. */
function forgedPost(request: APIRequestContext, origin: string, path: string, form: Record<string, string>) {
  return request.post(`${origin}${path}`, { form, headers: { Origin: origin }, maxRedirects: 0 });
}

// ---------------------------------------------------------------------------------------
// On the shared server: nothing here changes what customers see.

test.describe("who may use the notice editor", () => {
  test("anonymous visitors are sent to the sign-in page, and come back afterwards", async ({ page, baseURL }) => {
    await page.goto("/staff/notice/groups");
    await expect(page).toHaveURL(/\/staff\/login\?redirectTo=%2Fstaff%2Fnotice%2Fgroups$/);
    for (const path of EDITOR_PATHS) {
      const response = await page.request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(302);
      expect(response.headers().location, path).toBe(`/staff/login?redirectTo=${encodeURIComponent(path)}`);
    }
    const post = await forgedPost(page.request, baseURL!, "/staff/notice/categories/new", { key: "anonymous" });
    expect(post.status()).toBe(302);
    expect(post.headers().location).toBe(`/staff/login?redirectTo=${encodeURIComponent("/staff/notice/categories/new")}`);
  });

  for (const role of ["agent", "privacy-officer"] as const) {
    test(`a signed-in ${role} gets the friendly 403 page and can change nothing`, async ({ context, page, baseURL }) => {
      const staff = await signInAs(context, role);
      for (const path of EDITOR_PATHS) {
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(403);
        await expect(page.getByRole("heading", { level: 1 })).toHaveText("あなたの役割では開けないページです");
        await expect(page.getByText(FORBIDDEN)).toBeVisible();
      }
      const key = `e2e-${role}-${randomBytes(3).toString("hex")}`;
      const post = await forgedPost(page.request, baseURL!, "/staff/notice/categories/new", {
        key,
        labelJa: "不正",
        labelEn: "Forged",
        recommendedActionJa: "なし",
        recommendedActionEn: "None",
      });
      expect(post.status()).toBe(403);
      expect(await testDb().dataCategory.count({ where: { key } })).toBe(0);
      expect(await noticeAuditOf(testDb(), staff.id)).toEqual([]);
      const denied = await testDb().auditEntry.findFirst({
        where: { actorId: staff.id, action: "access.denied" },
        select: { result: true, details: true },
      });
      expect(denied?.result).toBe("denied");
      expect(JSON.parse(denied!.details!)).toMatchObject({ permission: "publish:notice" });
    });
  }
});

test.describe("the editor refuses bad input and writes nothing", () => {
  test("an empty title and a timeline date that isn't a date, in Japanese (checked in the browser)", async ({ context, page }) => {
    const admin = await signInAs(context, "admin");
    const revisions = await testDb().noticeRevision.count();
    await page.goto("/staff/notice/new");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("新しい版の作成");
    await page.getByLabel("タイトル（日本語）").fill("   ");
    const date = page.getByLabel("経緯 1 の日時");
    // A date picker can't hold a non-date, so type into it as a plain text field would.
    await date.evaluate((input: HTMLInputElement) => (input.type = "text"));
    await date.fill("来週の月曜");
    await page.getByRole("button", { name: "下書きを保存" }).click();
    await expect(page.getByLabel("タイトル（日本語）")).toHaveAccessibleDescription("この項目を入力してください。");
    await expect(date).toHaveAccessibleDescription(/日時として正しくありません。/);
    await expect(page).toHaveURL(/\/staff\/notice\/new$/);
    expect(await testDb().noticeRevision.count()).toBe(revisions);
    expect(await noticeAuditOf(testDb(), admin.id)).toEqual([]);
  });

  test("the same mistakes in English, checked by the server without JavaScript", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: "en-GB", timezoneId: "Asia/Tokyo" });
    const admin = await signInAs(context, "admin");
    const page = await context.newPage();
    const revisions = await testDb().noticeRevision.count();
    await page.goto("/staff/notice/new?lng=en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Draft a new revision");
    // Rows are added and removed by the server too (Conform's list intents).
    await expect(page.getByRole("group", { name: /^Timeline entry \d+$/ })).toHaveCount(5);
    await page.getByRole("button", { name: "Add a timeline entry" }).click();
    await expect(page.getByRole("group", { name: /^Timeline entry \d+$/ })).toHaveCount(6);
    await page.getByRole("button", { name: "Remove timeline entry 6" }).click();
    await expect(page.getByRole("group", { name: /^Timeline entry \d+$/ })).toHaveCount(5);
    await page.getByLabel("Title (Japanese)").fill("");
    const date = page.getByLabel("Date and time of entry 2");
    await date.evaluate((input: HTMLInputElement) => (input.type = "text"));
    await date.fill("2026-02-30T09:00");
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(page.getByLabel("Title (Japanese)")).toHaveAccessibleDescription("Please fill in this field.");
    await expect(page.getByLabel("Date and time of entry 2")).toHaveAccessibleDescription(/This is not a valid date and time\./);
    expect(await testDb().noticeRevision.count()).toBe(revisions);
    expect(await noticeAuditOf(testDb(), admin.id)).toEqual([]);
    await context.close();
  });
});

test.describe("data categories on the shared server", () => {
  test("an unused category is created, edited and deleted after confirmation, with audit entries", async ({ context, page }) => {
    const admin = await signInAs(context, "admin");
    const key = `e2e-${randomBytes(4).toString("hex")}`;
    await page.goto("/staff/notice/categories");
    await page.getByRole("link", { name: "情報の種類を追加" }).click();

    // A bad key and a missing label: messages next to the fields, nothing written.
    await page.getByLabel("キー").fill("Bad Key");
    await page.getByLabel("名称（英語）").fill("Membership number");
    await page.getByRole("button", { name: "保存" }).click();
    await expect(page.getByLabel("キー")).toHaveAccessibleDescription(/キーは半角の英小文字・数字・ハイフンだけで入力してください。/);
    await expect(page.getByLabel("名称（日本語）")).toHaveAccessibleDescription("この項目を入力してください。");

    // A key already taken is refused by the server.
    await page.getByLabel("キー").fill("email");
    await page.getByLabel("名称（日本語）").fill("会員番号");
    await page.getByLabel("お客様にお願いしたいこと（日本語）").fill("会員番号を名乗る連絡にご注意ください。");
    await page.getByLabel("お客様にお願いしたいこと（英語）").fill("Be wary of contact quoting your membership number.");
    await page.getByRole("button", { name: "保存" }).click();
    await expect(page.getByLabel("キー")).toHaveAccessibleDescription(/このキーはすでに使われています。/);
    expect(await noticeAuditOf(testDb(), admin.id)).toEqual([]);

    await page.getByLabel("キー").fill(key);
    await page.getByRole("button", { name: "保存" }).click();
    await expect(page).toHaveURL(/\/staff\/notice\/categories$/);
    const row = page.getByRole("row", { name: new RegExp(key) });
    await expect(row).toContainText("会員番号");
    await expect(row).toContainText("（どの区分にも含まれていません）");

    await row.getByRole("link", { name: "会員番号" }).click();
    await page.getByLabel("名称（日本語）").fill("会員番号（お客様番号）");
    await page.getByRole("button", { name: "保存" }).click();
    await expect(page.getByRole("status")).toHaveText("保存しました。");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("情報の種類の編集：会員番号（お客様番号）");

    await page.getByRole("link", { name: "この情報の種類を削除" }).click();
    await expect(page.getByText(`情報の種類「会員番号（お客様番号）」（キー: ${key}）を削除します。`)).toBeVisible();
    await page.getByRole("button", { name: "削除する" }).click();
    await expect(page).toHaveURL(/\/staff\/notice\/categories$/);
    await expect(page.getByRole("row", { name: new RegExp(key) })).toHaveCount(0);
    expect(await testDb().dataCategory.count({ where: { key } })).toBe(0);

    const entries = await noticeAuditOf(testDb(), admin.id);
    expect(entries.map((entry) => entry.action)).toEqual(["notice.category.create", "notice.category.update", "notice.category.delete"]);
    expect(entries.every((entry) => entry.result === "ok" && entry.targetType === "data-category")).toBe(true);
    expect(new Set(entries.map((entry) => entry.targetId)).size).toBe(1);
    expect(JSON.parse(entries[1]!.details!)).toEqual({ key, changed: ["labelJa"] });
  });

  test("a category or group that customers' records use can't be deleted, and says why", async ({ context, page, baseURL }) => {
    const admin = await signInAs(context, "admin");
    const email = await testDb().dataCategory.findUniqueOrThrow({ where: { key: "email" }, select: { id: true } });
    const members = await testDb().affectedGroup.findUniqueOrThrow({ where: { key: "members" }, select: { id: true } });

    await page.goto("/staff/notice/categories");
    await page.getByRole("link", { name: "メールアドレス" }).click();
    await page.getByRole("link", { name: "この情報の種類を削除" }).click();
    // At least the demo's 300 customers: other specs import and create customers of their own.
    const inUse = /この情報の種類は(\d+)名のお客様の記録で使われているため、削除できません。/;
    await expect(page.getByText(inUse)).toBeVisible();
    expect(Number(inUse.exec(await page.getByText(inUse).innerText())![1])).toBeGreaterThanOrEqual(300);
    await expect(page.getByRole("button", { name: "削除する" })).toHaveCount(0);

    // Even a forged request is refused, before anything reaches the database's foreign keys.
    const category = await forgedPost(page.request, baseURL!, `/staff/notice/categories/${email.id}/delete`, {});
    expect(category.status()).toBe(409);
    expect(await htmlOf(category)).toMatch(inUse);
    const group = await forgedPost(page.request, baseURL!, `/staff/notice/groups/${members.id}/delete?lng=en`, {});
    expect(group.status()).toBe(409);
    expect(await htmlOf(group)).toMatch(/This group can&#x27;t be deleted: the records of \d+ customers still use it\./);

    expect(await testDb().dataCategory.count({ where: { id: email.id } })).toBe(1);
    expect(await testDb().affectedGroup.count({ where: { id: members.id } })).toBe(1);
    expect(await noticeAuditOf(testDb(), admin.id)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------
// On a server of its own: publishing and editing what customers see.

function newContext(browser: Browser, server: OwnServer, options: { locale?: string } = {}) {
  return browser.newContext({ baseURL: server.url, locale: options.locale ?? "ja-JP", timezoneId: "Asia/Tokyo" });
}

/** The staff page's own heading (previews below it hold the notice's own h1). */
function pageHeading(page: Page) {
  return page.getByRole("main").locator(":scope > h1");
}

/**
 * Public pages may be kept by the browser (max-age=30) and by the server's micro-cache
 * (5 s, ADR 005): reload (which revalidates) until the change shows.
 */
async function expectOnPublicPage(page: Page, path: string, check: () => Promise<void>) {
  await page.goto(path);
  await expect(async () => {
    await page.reload();
    await check();
  }).toPass({ timeout: 30_000, intervals: [500, 1_000] });
}

test.describe("publishing and what customers see (own server and database)", OWN_SERVER, () => {
  test.describe.configure({ mode: "serial" });
  let server: OwnServer;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    server = await startOwnServer();
  });

  test.afterAll(async () => {
    await server?.stop();
  });

  test("a draft is written in both languages, previewed, saved, edited and published as 第3報", async ({ browser }) => {
    test.setTimeout(90_000);
    const staffContext = await newContext(browser, server);
    const admin = await signInAs(staffContext, "admin", undefined, server);
    const page = await staffContext.newPage();
    const customerContext = await newContext(browser, server);
    const customer = await customerContext.newPage();

    await page.goto("/staff/notice");
    await expect(page.getByRole("row")).toHaveCount(3);
    await expect(page.getByRole("row", { name: /第2報/ })).toContainText("公開");
    await page.getByRole("link", { name: "新しい版を作成" }).click();
    await expect(page).toHaveURL(/\/staff\/notice\/new$/);
    await expect(page.getByText("第2報の内容をもとにしています。")).toBeVisible();
    await expect(page.getByLabel("種類", { exact: true })).toHaveValue("update");
    await expect(page.getByLabel("種類", { exact: true }).locator("option")).toHaveText(["第3報", "最終報"]);
    // The timeline starts as the latest published one's.
    await expect(page.getByRole("group", { name: /^経緯 \d+$/ })).toHaveCount(5);

    await page.getByLabel("タイトル（日本語）").fill("不正アクセスに関するお知らせ（第3報）");
    await page.getByLabel("タイトル（英語）").fill("Unauthorised access (update 3)");
    await page.getByLabel("概要（日本語）").fill("調査が**完了**しました。\n\n- 一点目\n- 二点目\n\n<script>window.__injected = 1</script>");
    await page.getByLabel("概要（英語）").fill("The investigation is **complete**.\n\n- First point\n- Second point\n\n<script>window.__injected = 1</script>");
    await page.getByRole("button", { name: "経緯を追加" }).click();
    // Later than every demo entry, so it ends the timeline.
    await page.getByLabel("経緯 6 の日時").fill(DateTime.now().setZone("Asia/Tokyo").toFormat("yyyy-MM-dd'T'HH:mm"));
    await page.getByLabel("経緯 6 の内容（日本語）").fill("調査の完了を確認");
    await page.getByLabel("経緯 6 の内容（英語）").fill("We confirmed that the investigation was complete");
    await page.getByRole("button", { name: "経緯 1 を削除" }).click();
    await expect(page.getByRole("group", { name: /^経緯 \d+$/ })).toHaveCount(5);

    await page.getByRole("button", { name: "プレビュー" }).click();
    const preview = page.getByRole("region", { name: "プレビュー（お知らせのページでの表示）" });
    const ja = preview.getByRole("region", { name: "日本語のページ" });
    const en = preview.getByRole("region", { name: "英語のページ" });
    await expect(ja.locator(".revision-meta")).toContainText("第3報");
    await expect(ja.getByRole("heading", { name: "不正アクセスに関するお知らせ（第3報）" })).toBeVisible();
    await expect(ja.locator("strong")).toHaveText("完了");
    await expect(ja.getByRole("region", { name: "概要" }).getByRole("listitem")).toHaveText(["一点目", "二点目"]);
    await expect(ja.getByText("<script>window.__injected = 1</script>")).toBeVisible();
    await expect(ja.getByRole("region", { name: "経緯" }).getByRole("listitem")).toHaveCount(5);
    await expect(ja.getByRole("region", { name: "経緯" }).getByRole("listitem").last()).toContainText("調査の完了を確認");
    await expect(en.locator(".revision-meta")).toContainText("Update 3");
    // (Region names come from heading ids that both panes share; headings are checked directly.)
    await expect(en.getByRole("heading", { name: "What you should do" })).toBeVisible();
    await expect(en.locator("strong")).toHaveText("complete");
    await expect(en.getByText("<script>window.__injected = 1</script>")).toBeVisible();
    await expect(preview.locator("script")).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { __injected?: number }).__injected)).toBeUndefined();
    expect(await server.db.noticeRevision.count()).toBe(2);

    await page.getByRole("button", { name: "下書きを保存" }).click();
    await expect(page).toHaveURL(/\/staff\/notice\/3$/);
    await expect(pageHeading(page)).toHaveText("第3報の下書き");
    const draft = await server.db.noticeRevision.findUniqueOrThrow({
      where: { number: 3 },
      select: {
        id: true,
        kind: true,
        titleEn: true,
        summaryJa: true,
        publishedAt: true,
        timeline: { select: { textJa: true } },
      },
    });
    expect(draft).toMatchObject({ kind: "update", titleEn: "Unauthorised access (update 3)", publishedAt: null });
    expect(draft.summaryJa).toContain("<script>");
    expect(draft.timeline).toHaveLength(5);

    await page.getByLabel("タイトル（日本語）").fill("不正アクセスに関するお知らせ（第3報・調査完了）");
    await page.getByRole("button", { name: "下書きを保存" }).click();
    await expect(page.getByRole("status")).toHaveText("保存しました。");

    // "Draft a new revision" resumes the one draft instead of starting another.
    await page.goto("/staff/notice");
    await page.getByRole("link", { name: "第3報の下書きを編集" }).click();
    await expect(page).toHaveURL(/\/staff\/notice\/3$/);
    await page.goto("/staff/notice/new");
    await expect(page).toHaveURL(/\/staff\/notice\/3$/);
    await expect(page.getByLabel("タイトル（日本語）")).toHaveValue("不正アクセスに関するお知らせ（第3報・調査完了）");

    // A draft is invisible to customers.
    await customer.goto("/");
    await expect(customer.locator(".revision-meta")).toContainText("第2報");

    await page.getByRole("link", { name: "第3報を公開する（確認画面へ）" }).click();
    await expect(page).toHaveURL(/\/staff\/notice\/3\/publish$/);
    await expect(pageHeading(page)).toHaveText("第3報の公開");
    await expect(
      page.getByRole("region", { name: "公開される内容" }).getByRole("heading", { name: "不正アクセスに関するお知らせ（第3報・調査完了）" }),
    ).toBeVisible();
    await page.getByRole("button", { name: "第3報を公開する" }).click();
    await expect(page).toHaveURL(/\/staff\/notice\/3$/);
    await expect(pageHeading(page)).toHaveText("第3報（公開済み）");
    expect((await server.db.noticeRevision.findUniqueOrThrow({ where: { number: 3 }, select: { publishedAt: true } })).publishedAt).not.toBeNull();

    const entries = await noticeAuditOf(server.db, admin.id);
    expect(entries.map((entry) => entry.action)).toEqual(["notice.draft.create", "notice.draft.update", "notice.publish"]);
    expect(entries.every((entry) => entry.targetType === "notice-revision" && entry.targetId === draft.id && entry.result === "ok")).toBe(true);
    expect(JSON.parse(entries[1]!.details!)).toEqual({ number: 3, changed: ["titleJa"] });
    expect(JSON.parse(entries[2]!.details!)).toMatchObject({ number: 3, kind: "update" });

    // Customers (no staff cookie) now read 第3報, in both languages; 第2報 says it is superseded.
    await expectOnPublicPage(customer, "/", async () => {
      await expect(customer.getByRole("heading", { level: 1 })).toHaveText("不正アクセスに関するお知らせ（第3報・調査完了）", { timeout: 1_000 });
    });
    await expect(customer.locator(".revision-meta")).toContainText("第3報");
    await expect(customer.getByRole("navigation", { name: "これまでのお知らせ" }).getByRole("link")).toHaveCount(3);
    await expectOnPublicPage(customer, "/?lng=en", async () => {
      await expect(customer.locator(".revision-meta")).toContainText("Update 3", { timeout: 1_000 });
    });
    await expect(customer.getByRole("heading", { level: 1 })).toHaveText("Unauthorised access (update 3)");
    await expectOnPublicPage(customer, "/notices/2?lng=ja", async () => {
      await expect(customer.getByRole("note")).toContainText("このお知らせは第3報", { timeout: 1_000 });
    });
    await staffContext.close();
    await customerContext.close();
  });

  test("a published revision is read-only, and a forged change is refused", async ({ browser }) => {
    const context = await newContext(browser, server);
    const admin = await signInAs(context, "admin", undefined, server);
    const page = await context.newPage();
    const before = await server.db.noticeRevision.findUniqueOrThrow({
      where: { number: 3 },
      select: {
        kind: true,
        titleJa: true,
        titleEn: true,
        summaryJa: true,
        publishedAt: true,
        timeline: { select: { occurredAt: true, textJa: true } },
      },
    });

    await page.goto("/staff/notice/3");
    await expect(pageHeading(page)).toHaveText("第3報（公開済み）");
    await expect(page.getByText("公開済みの版は変更できません。")).toBeVisible();
    await expect(page.getByRole("main").locator("form")).toHaveCount(0);
    await expect(page.getByRole("main").getByRole("textbox")).toHaveCount(0);
    await expect(page.getByRole("region", { name: "日本語のページ" }).locator(".revision-meta")).toContainText("第3報");

    const changes = {
      intent: "save",
      kind: "final",
      titleJa: "改ざんされたタイトル",
      titleEn: "Tampered title",
      summaryJa: "改ざん",
      summaryEn: "Tampered",
      actionsTakenJa: "改ざん",
      actionsTakenEn: "Tampered",
      customerActionsJa: "改ざん",
      customerActionsEn: "Tampered",
      "timeline[0].occurredAt": "2026-01-01T00:00",
      "timeline[0].textJa": "改ざん",
      "timeline[0].textEn": "Tampered",
    };
    const response = await forgedPost(page.request, server.url, "/staff/notice/3", changes);
    expect(response.status()).toBe(409);
    expect(await htmlOf(response)).toContain("この版は公開済みのため、変更できません。内容を改める場合は、新しい版を作成してください。");
    const republish = await forgedPost(page.request, server.url, "/staff/notice/3/publish", {});
    expect(republish.status()).toBe(409);
    expect(await htmlOf(republish)).toContain("この版は公開済みのため、変更できません。");
    await page.goto("/staff/notice/3/publish");
    await expect(page.getByRole("alert")).toHaveText(/この版は公開済みのため、変更できません。/);
    await expect(page.getByRole("button", { name: /公開する/ })).toHaveCount(0);
    const english = await forgedPost(page.request, server.url, "/staff/notice/3?lng=en", {
      ...changes,
      intent: "preview",
    });
    expect(english.status()).toBe(409);
    expect(await htmlOf(english)).toContain("This revision has been published and can&#x27;t be changed.");
    await page.goto("/staff/notice/3?lng=ja");
    expect(
      await server.db.noticeRevision.findUniqueOrThrow({
        where: { number: 3 },
        select: {
          kind: true,
          titleJa: true,
          titleEn: true,
          summaryJa: true,
          publishedAt: true,
          timeline: { select: { occurredAt: true, textJa: true } },
        },
      }),
    ).toEqual(before);
    expect(await noticeAuditOf(server.db, admin.id)).toEqual([]);

    // The way forward is a new revision, starting from this one.
    await page.getByRole("link", { name: "この版をもとに新しい版を作成" }).click();
    await expect(page).toHaveURL(/\/staff\/notice\/new\?from=3$/);
    await expect(page.getByText("第3報の内容をもとにしています。")).toBeVisible();
    await expect(page.getByLabel("タイトル（日本語）")).toHaveValue(before.titleJa);
    await expect(page.getByLabel("種類", { exact: true }).locator("option")).toHaveText(["第4報", "最終報"]);
    await context.close();
  });

  test("edits to groups and categories appear on the notice page", async ({ browser }) => {
    test.setTimeout(90_000);
    const context = await newContext(browser, server);
    const admin = await signInAs(context, "admin", undefined, server);
    const page = await context.newPage();
    const customerContext = await newContext(browser, server);
    const customer = await customerContext.newPage();

    await page.goto("/staff/notice/categories");
    await page.getByRole("link", { name: "メールアドレス", exact: true }).click();
    await page.getByLabel("名称（日本語）").fill("メールアドレス（ログインID）");
    await page.getByLabel("お客様にお願いしたいこと（日本語）").fill("ログインIDを名乗る不審なメールにご注意ください。");
    await page.getByRole("button", { name: "保存" }).click();
    await expect(page.getByRole("status")).toHaveText("保存しました。");

    await page.goto("/staff/notice/groups");
    await page.getByRole("link", { name: "お問い合わせフォームをご利用のお客様" }).click();
    await page.getByLabel("区分の名称（日本語）").fill("お問い合わせフォームからご連絡いただいたお客様");
    await page.getByRole("checkbox", { name: "電話番号" }).check();
    await page.getByRole("button", { name: "保存" }).click();
    await expect(page.getByRole("status")).toHaveText("保存しました。");

    await page.goto("/staff/notice/groups");
    await page.getByRole("link", { name: "区分を追加" }).click();
    await page.getByLabel("キー").fill("newsletter");
    await page.getByLabel("区分の名称（日本語）").fill("メールマガジンを購読されていたお客様");
    await page.getByLabel("区分の名称（英語）").fill("Newsletter subscribers");
    await page.getByLabel("説明（日本語）").fill("メールマガジンの配信先として登録されていたお客様");
    await page.getByLabel("説明（英語）").fill("Customers registered to receive our newsletter");
    await page.getByRole("checkbox", { name: "メールアドレス（ログインID）" }).check();
    await page.getByRole("button", { name: "保存" }).click();
    await expect(page).toHaveURL(/\/staff\/notice\/groups$/);
    await expect(page.getByRole("row", { name: /メールマガジンを購読されていたお客様/ })).toContainText("0名");

    const exposed = customer.getByRole("region", { name: "漏えいした可能性のある情報" });
    await expectOnPublicPage(customer, "/", async () => {
      await expect(exposed.getByRole("heading", { level: 3 })).toHaveText(
        ["オンラインショップ会員のお客様", "お問い合わせフォームからご連絡いただいたお客様", "メールマガジンを購読されていたお客様"],
        { timeout: 1_000 },
      );
    });
    await expect(exposed.getByRole("rowheader", { name: "メールアドレス（ログインID）" })).toHaveCount(3);
    await expect(exposed).toContainText("ログインIDを名乗る不審なメールにご注意ください。");
    const inquirers = exposed.locator(".exposed-group").nth(1);
    await expect(inquirers.getByRole("rowheader", { name: "電話番号" })).toBeVisible();

    // A group no customer belongs to can be deleted, after confirmation.
    await page.getByRole("link", { name: "メールマガジンを購読されていたお客様" }).click();
    await page.getByRole("link", { name: "この区分を削除" }).click();
    await page.getByRole("button", { name: "削除する" }).click();
    await expect(page).toHaveURL(/\/staff\/notice\/groups$/);
    await expectOnPublicPage(customer, "/", async () => {
      await expect(exposed.getByRole("heading", { level: 3 })).toHaveCount(2, { timeout: 1_000 });
    });

    const entries = await noticeAuditOf(server.db, admin.id);
    expect(entries.map((entry) => entry.action)).toEqual(["notice.category.update", "notice.group.update", "notice.group.create", "notice.group.delete"]);
    expect(JSON.parse(entries[0]!.details!)).toEqual({ key: "email", changed: ["labelJa", "recommendedActionJa"] });
    expect(JSON.parse(entries[1]!.details!)).toEqual({
      key: "inquirers",
      changed: ["nameJa"],
      categoriesAdded: ["phone"],
      categoriesRemoved: [],
    });
    expect(JSON.parse(entries[2]!.details!)).toEqual({ key: "newsletter", categories: ["email"] });
    expect(entries[3]!.targetId).toBe(entries[2]!.targetId);
    await context.close();
    await customerContext.close();
  });
});
