import { randomBytes } from "node:crypto";
import holidayJp from "@holiday-jp/holiday_jp";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { axeViolations, WCAG_AA } from "../support/axe";
import { signInAs, testDb } from "../support/staff";

// The staff editor of business hours (/staff/hours). The database is shared with the other
// specs running in parallel (tests/e2e/desk.spec.ts reads the same demo channels), so each
// test adds its own things and takes them away again; what a test changes of the demo data it
// puts back in `finally`, even when it fails. Within this file the tests take turns: several
// compare the phone desk before and after, and one renames it for a moment.
test.describe.configure({ mode: "default" });

/** A date in Tokyo, 'YYYY-MM-DD', `offset` days from today (Tokyo has no DST). */
function tokyoDate(offset = 0): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Tokyo", year: "numeric", month: "2-digit", day: "2-digit" }).format(
    new Date(Date.now() + offset * 86_400_000),
  );
}

/** "6月13日(" — how the Japanese pages begin a date, the weekday in parentheses after it. */
function jaMonthDay(date: string): string {
  const [, month, day] = date.split("-").map(Number);
  return `${month}月${day}日(`;
}

function isWeekday(date: string): boolean {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day !== 0 && day !== 6;
}

function suffix(): string {
  return randomBytes(3).toString("hex");
}

async function auditOf(actorId: string) {
  const entries = await testDb().auditEntry.findMany({
    where: { actorId, action: { startsWith: "hours." } },
    orderBy: { sequence: "asc" },
    select: { action: true, targetType: true, targetId: true, result: true, details: true },
  });
  return entries.map((entry) => ({ ...entry, details: JSON.parse(entry.details ?? "null") as Record<string, unknown> }));
}

/** Everything stored about the phone desk's hours, to show that a refused change wrote nothing. */
async function phoneHours() {
  return testDb().channel.findUniqueOrThrow({
    where: { key: "phone" },
    select: {
      nameJa: true,
      nameEn: true,
      contact: true,
      schedules: {
        orderBy: { effectiveFrom: "asc" },
        select: {
          id: true,
          effectiveFrom: true,
          effectiveUntil: true,
          holidayRule: true,
          intervals: { select: { day: true, opensAt: true, closesAt: true }, orderBy: [{ day: "asc" }, { opensAt: "asc" }] },
        },
      },
    },
  });
}

/** The public page as a customer sees it: a fresh browser without the staff cookie. */
async function customerPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage();
}

/** Public pages are cached in-process for a few seconds: reload until `read` gives what is expected. */
function pollPublic(page: Page, path: string, read: (page: Page) => Promise<string>) {
  return expect.poll(
    async () => {
      await page.goto(path);
      return read(page);
    },
    { timeout: 30_000, intervals: [1_000, 2_000] },
  );
}

test("the admin sees each channel with its schedules, closures and the next 14 days", async ({ context, page }) => {
  await signInAs(context, "admin");
  await page.goto("/staff/hours");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("受付時間の管理");
  await expect(page.getByRole("navigation", { name: "管理メニュー" }).getByRole("link", { name: "受付時間" })).toHaveAttribute("aria-current", "page");

  const phone = page.getByRole("region", { name: "電話窓口" });
  await expect(phone).toContainText("電話番号：03-0000-0000");
  const current = phone.getByRole("article").filter({ hasText: "適用中" });
  await expect(current).toContainText("月〜金9:00〜21:00");
  await expect(current).toContainText("土・日9:00〜18:00");
  await expect(current).toContainText("祝日曜日どおり");
  const upcoming = phone.getByRole("article").filter({ hasText: "予定" });
  await expect(upcoming).toContainText("から（終了日なし）");
  await expect(upcoming).toContainText("月〜金9:00〜18:00");

  const preview = phone.getByRole("table", { name: "電話窓口：お客様に表示される今後14日間の受付時間" });
  await expect(preview.getByRole("row")).toHaveCount(15);
  await expect(preview.getByRole("row").nth(1)).toContainText(jaMonthDay(tokyoDate(0)));
  await expect(preview.getByRole("row").nth(1)).toContainText("今日");
  await expect(preview.getByRole("row").nth(14)).toContainText(jaMonthDay(tokyoDate(13)));

  const email = page.getByRole("region", { name: "メール・ポータルでのご回答" });
  await expect(email).toContainText("メールアドレス：desk@example.com");
  await expect(email.getByRole("table")).toBeVisible();
  await expect(page.getByRole("region", { name: "すべての窓口の休業日" })).toContainText("年末年始休業");

  expect(await axeViolations(page, WCAG_AA, "main")).toEqual([]);
});

test("a closure of the phone desk tomorrow shows in the preview and on the public desk block", async ({ browser, context, page }) => {
  const admin = await signInAs(context, "admin");
  const tomorrow = tokyoDate(1);
  const id = suffix();
  const reasonJa = `臨時休業テスト${id}`;
  const reasonEn = `Closed for a test ${id}`;
  try {
    await page.goto("/staff/hours");
    const phone = page.getByRole("region", { name: "電話窓口" });
    await phone.locator('a[href="/staff/hours/closures/new?channel=phone"]').click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("休業日の追加");
    await expect(page.getByLabel("対象の窓口")).toHaveValue("phone");
    await page.getByLabel("開始日").fill(tomorrow);
    await page.getByLabel("終了日").fill(tomorrow);
    await page.getByLabel("理由（日本語）").fill(reasonJa);
    await page.getByLabel("理由（英語）").fill(reasonEn);
    await page.getByRole("button", { name: "追加する" }).click();

    await expect(page).toHaveURL(/\/staff\/hours\?done=closure-created$/);
    await expect(page.getByRole("status")).toHaveText("休業日を追加しました。");
    const tomorrowRow = phone
      .getByRole("table")
      .getByRole("row")
      .filter({ hasText: jaMonthDay(tomorrow) });
    await expect(tomorrowRow).toContainText(`休業（${reasonJa}）`);
    await expect(phone.getByRole("listitem").filter({ hasText: reasonJa })).toContainText("予定");

    // A customer sees it too, in Japanese and in English.
    const customer = await customerPage(browser);
    const phoneClosures = (page: Page) =>
      page
        .locator("#desk .channel")
        .filter({ hasText: /電話窓口|Phone desk/ })
        .locator(".channel-closures")
        .allTextContents()
        .then((texts) => texts.join());
    await pollPublic(customer, "/", phoneClosures).toContain(`${reasonJa}：${jaMonthDay(tomorrow)}`);
    await pollPublic(customer, "/?lng=en", phoneClosures).toContain(reasonEn);

    // Deleting asks first, then the day is open again as the schedule says.
    const { id: closureId } = await testDb().closure.findFirstOrThrow({ where: { reasonJa }, select: { id: true } });
    await page.goto("/staff/hours");
    await phone.locator(`a[href="/staff/hours/closures/${closureId}/delete"]`).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("休業日の削除");
    await expect(page.getByRole("main")).toContainText(reasonEn);
    expect(await testDb().closure.count({ where: { reasonJa } })).toBe(1);
    await page.getByRole("button", { name: "削除する" }).click();
    await expect(page.getByRole("status")).toHaveText("休業日を削除しました。");
    await expect(tomorrowRow).not.toContainText(reasonJa);
    expect(await testDb().closure.count({ where: { reasonJa } })).toBe(0);

    const audit = await auditOf(admin.id);
    expect(audit.map((entry) => entry.action)).toEqual(["hours.closure.create", "hours.closure.delete"]);
    const [created, deleted] = audit;
    expect(created).toMatchObject({
      targetType: "closure",
      result: "ok",
      details: { channel: "phone", startsOn: tomorrow, endsOn: tomorrow, reasonJa, reasonEn },
    });
    expect(deleted).toMatchObject({ targetType: "closure", targetId: created?.targetId, details: { channel: "phone", reasonJa } });
    await customer.context().close();
  } finally {
    await testDb().closure.deleteMany({ where: { reasonJa } });
  }
});

test("invalid hours get clear messages in Japanese and nothing is written", async ({ context, page }) => {
  const admin = await signInAs(context, "admin");
  const before = await phoneHours();
  await page.goto("/staff/hours");
  await page.getByRole("region", { name: "電話窓口" }).locator('a[href="/staff/hours/channels/phone/schedules/new"]').click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("電話窓口：受付時間の追加");
  // It starts from the phone desk's latest hours (weekdays 9-18 from the 1st of next month).
  await expect(page.getByLabel("金曜日", { exact: true })).toHaveValue("9:00-18:00");
  await expect(page.getByLabel("祝日は休業")).toBeChecked();
  await expect(page.getByLabel("適用開始日")).toHaveValue("");

  await page.getByLabel("適用開始日").fill(tokyoDate(10));
  await page.getByLabel("適用終了日（任意）").fill(tokyoDate(5));
  await page.getByLabel("月曜日", { exact: true }).fill("25:00-26:00");
  await page.getByLabel("火曜日", { exact: true }).fill("9:00-12:00, 11:00-14:00");
  // A closing time before the opening is the next morning: shown as read, before saving.
  await page.getByLabel("水曜日", { exact: true }).fill("18:00-09:00");
  await expect(page.getByLabel("水曜日", { exact: true })).toHaveAccessibleDescription("読み取り結果：18:00〜翌9:00");
  await page.getByLabel("木曜日", { exact: true }).fill("９：００〜１８：００");
  await expect(page.getByLabel("木曜日", { exact: true })).toHaveAccessibleDescription("読み取り結果：9:00〜18:00");
  await page.getByLabel("祝日は休業").check();
  await page.getByRole("button", { name: "追加する" }).click();

  await expect(page.getByRole("alert")).toContainText("入力内容に誤りがあります。各項目のメッセージをご確認ください。");
  await expect(page.getByLabel("月曜日", { exact: true })).toHaveAccessibleDescription(
    /「25:00-26:00」：開始時刻は0:00から23:59までの時刻で入力してください。/,
  );
  await expect(page.getByLabel("火曜日", { exact: true })).toHaveAccessibleDescription(/9:00〜12:00と11:00〜14:00の時間帯が重なっています。/);
  await expect(page.getByLabel("適用終了日（任意）")).toHaveAccessibleDescription(
    new RegExp(`適用終了日は、適用開始日（\\d{4}年${jaMonthDay(tokyoDate(10)).replace("(", "\\(")}.\\)）以降の日付にしてください。`),
  );
  await expect(page.getByLabel("月曜日", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("水曜日", { exact: true })).not.toHaveAttribute("aria-invalid", "true");
  expect(await axeViolations(page, WCAG_AA, "main")).toEqual([]);

  // Each field right, but the period overlaps the phone desk's stored hours: refused on the server.
  await page.getByLabel("適用終了日（任意）").fill("");
  await page.getByLabel("月曜日", { exact: true }).fill("9:00-18:00");
  await page.getByLabel("火曜日", { exact: true }).fill("9:00-12:00, 13:00-18:00");
  await page.getByRole("button", { name: "追加する" }).click();
  await expect(page.getByLabel("適用開始日")).toHaveAccessibleDescription(
    /登録済みの受付時間（\d{4}年\d{1,2}月1日\(.\)から、終了日なし）と期間が重なっています。/,
  );
  await expect(page).toHaveURL(/\/schedules\/new$/);

  // The server refuses the same bad input sent without the browser's checks.
  const raw = await page.request.post("/staff/hours/channels/phone/schedules/new", {
    form: { effectiveFrom: tokyoDate(10), effectiveUntil: tokyoDate(5), holidayRule: "closed", day1: "25:00-26:00", day3: "18:00-09:00" },
  });
  expect(raw.status()).toBe(200);
  // The refusal as the action returned it (the page renders it as above).
  expect(await raw.text()).toContain("staff-hours:problems.openingOutOfRange");

  expect(await phoneHours()).toEqual(before);
  expect(await auditOf(admin.id)).toEqual([]);
});

test("invalid hours get clear messages in English too", async ({ context, page }) => {
  const admin = await signInAs(context, "admin");
  const before = await phoneHours();
  await page.goto("/staff/hours/channels/phone/schedules/new?lng=en");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("add business hours");

  await page.getByLabel("Effective from").fill(tokyoDate(10));
  await page.getByLabel("Effective until (optional)").fill(tokyoDate(5));
  await page.getByLabel("Monday").fill("25:00-26:00");
  await page.getByLabel("Tuesday").fill("9:00-12:00, 11:00-14:00");
  await page.getByLabel("Wednesday").fill("18:00-09:00");
  await expect(page.getByLabel("Wednesday")).toHaveAccessibleDescription("Read as: 18:00–9:00 (next day)");
  await page.getByLabel("Thursday").fill("nine to five");
  await page.getByLabel("Own hours on public holidays", { exact: true }).check();
  await page.getByRole("button", { name: "Add", exact: true }).click();

  await expect(page.getByRole("alert")).toContainText("Some entries need correcting");
  await expect(page.getByLabel("Monday")).toHaveAccessibleDescription(/“25:00-26:00”: the opening time must be between 0:00 and 23:59\./);
  await expect(page.getByLabel("Tuesday")).toHaveAccessibleDescription(/9:00–12:00 and 11:00–14:00 overlap\./);
  await expect(page.getByLabel("Thursday")).toHaveAccessibleDescription(/“nine to five” can't be read as hours\./);
  await expect(page.getByLabel("Effective until (optional)")).toHaveAccessibleDescription(
    /The end date must be on or after the start date \(\w{3}, \d{1,2} \w{3} \d{4}\)\./,
  );
  await expect(page.getByLabel(/^Hours on public holidays/)).toHaveAccessibleDescription(/Enter the hours for public holidays/);

  await page.getByLabel("Effective until (optional)").fill("");
  await page.getByLabel("Monday").fill("9:00-18:00");
  await page.getByLabel("Tuesday").fill("9:00-12:00, 13:00-18:00");
  await page.getByLabel("Thursday").fill("");
  await page.getByLabel("Closed on public holidays").check();
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await expect(page.getByLabel("Effective from")).toHaveAccessibleDescription(
    /This period overlaps the business hours already set from \w{3}, 1 \w{3} \d{4} with no end date\./,
  );

  expect(await phoneHours()).toEqual(before);
  expect(await auditOf(admin.id)).toEqual([]);
});

test("a channel's contact is checked, and a change of its names is audited", async ({ context, page }) => {
  const admin = await signInAs(context, "admin");
  const before = await phoneHours();
  try {
    await page.goto("/staff/hours");
    await page.locator('a[href="/staff/hours/channels/phone/edit"]').click();
    await expect(page.getByLabel("名称（日本語）")).toHaveValue("電話窓口");
    await page.getByLabel("電話番号").fill("お電話ください");
    await page.getByRole("button", { name: "変更を保存する" }).click();
    await expect(page.getByLabel("電話番号")).toHaveAccessibleDescription(/電話番号は半角数字とハイフンで入力してください（例：03-1234-5678）。/);
    expect(await phoneHours()).toEqual(before);

    await page.getByLabel("電話番号").fill("03-0000-0000");
    await page.getByLabel("名称（英語）").fill("Phone desk (hotline)");
    await page.getByRole("button", { name: "変更を保存する" }).click();
    await expect(page.getByRole("status")).toHaveText("窓口の名称・連絡先を変更しました。");
    expect((await phoneHours()).nameEn).toBe("Phone desk (hotline)");

    const audit = await auditOf(admin.id);
    expect(audit).toEqual([
      {
        action: "hours.channel.update",
        targetType: "channel",
        targetId: expect.any(String),
        result: "ok",
        details: { channel: "phone", changes: { nameEn: { from: "Phone desk", to: "Phone desk (hotline)" } } },
      },
    ]);
  } finally {
    await testDb().channel.update({ where: { key: "phone" }, data: { nameEn: before.nameEn, contact: before.contact } });
  }
});

for (const [role, who] of [
  ["agent", "an agent"],
  ["privacy-officer", "a privacy officer"],
] as const) {
  test(`${who} gets the friendly 403 page and can change nothing`, async ({ context, page }) => {
    await signInAs(context, role);
    const schedule = await testDb().channelSchedule.findFirstOrThrow({ where: { channel: { key: "phone" } }, select: { id: true } });
    for (const path of [
      "/staff/hours",
      "/staff/hours/channels/phone/schedules/new",
      `/staff/hours/schedules/${schedule.id}/edit`,
      "/staff/hours/closures/new",
      "/staff/hours/channels/phone/edit",
    ]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("あなたの役割では開けないページです");
      await expect(page.getByText(`${role === "agent" ? "窓口担当" : "個人情報保護責任者"}の役割では、このページを開くことはできません。`)).toBeVisible();
      // Inside the back office's own header, with a title of its own.
      await expect(page.getByRole("navigation", { name: "管理メニュー" })).toBeVisible();
      await expect(page).toHaveTitle("あなたの役割では開けないページです");
    }
    await expect(page.getByRole("navigation", { name: "管理メニュー" }).getByRole("link", { name: "受付時間" })).toHaveCount(0);

    const reasonJa = `権限なし${suffix()}`;
    const closure = await page.request.post("/staff/hours/closures/new", {
      form: { channel: "all", startsOn: tokyoDate(3), endsOn: tokyoDate(3), reasonJa, reasonEn: "No" },
      maxRedirects: 0,
    });
    expect(closure.status()).toBe(403);
    const deletion = await page.request.post(`/staff/hours/schedules/${schedule.id}/delete`, { maxRedirects: 0 });
    expect(deletion.status()).toBe(403);
    expect(await testDb().closure.count({ where: { reasonJa } })).toBe(0);
    expect(await testDb().channelSchedule.count({ where: { id: schedule.id } })).toBe(1);
  });
}

test("an anonymous visitor is sent to the sign-in page and can change nothing", async ({ request }) => {
  for (const path of ["/staff/hours", "/staff/hours/closures/new?channel=phone"]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(302);
    expect(response.headers().location).toBe(`/staff/login?redirectTo=${encodeURIComponent(path)}`);
  }
  const reasonJa = `匿名${suffix()}`;
  const post = await request.post("/staff/hours/closures/new", {
    form: { channel: "all", startsOn: tokyoDate(3), endsOn: tokyoDate(3), reasonJa, reasonEn: "No" },
    maxRedirects: 0,
  });
  expect(post.status()).toBe(302);
  expect(post.headers().location).toBe(`/staff/login?redirectTo=${encodeURIComponent("/staff/hours/closures/new")}`);
  expect(await testDb().closure.count({ where: { reasonJa } })).toBe(0);
});

// Last in this file: it briefly gives the demo email channel a second schedule, which
// tests/e2e/desk.spec.ts (dispatched before this file) would not expect.
test("a new schedule starting later is announced on the public desk block", async ({ browser, context, page }) => {
  const admin = await signInAs(context, "admin");
  const seeded = await testDb().channelSchedule.findFirstOrThrow({
    where: { channel: { key: "email" } },
    orderBy: { effectiveFrom: "asc" },
    select: { id: true, effectiveUntil: true },
  });
  const startsOn = tokyoDate(7);
  const lastDayBefore = tokyoDate(6);
  try {
    // End the email channel's open-ended hours the day before, then add the new ones.
    await page.goto("/staff/hours");
    const email = page.getByRole("region", { name: "メール・ポータルでのご回答" });
    await email.locator(`a[href="/staff/hours/schedules/${seeded.id}/edit"]`).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("メール・ポータルでのご回答：受付時間の変更");
    await expect(page.getByLabel("月曜日", { exact: true })).toHaveValue("10:00-18:00");
    await page.getByLabel("適用終了日（任意）").fill(lastDayBefore);
    await page.getByRole("button", { name: "変更を保存する" }).click();
    await expect(page.getByRole("status")).toHaveText("受付時間を変更しました。");

    await email.locator('a[href="/staff/hours/channels/email/schedules/new"]').click();
    await page.getByLabel("適用開始日").fill(startsOn);
    for (const day of ["月曜日", "火曜日", "水曜日", "木曜日", "金曜日"]) {
      await page.getByLabel(day, { exact: true }).fill("10:00-17:00");
    }
    await page.getByLabel("祝日は休業").check();
    await page.getByRole("button", { name: "追加する" }).click();
    await expect(page.getByRole("status")).toHaveText("受付時間を追加しました。");
    const added = email.getByRole("article").filter({ hasText: "予定" });
    await expect(added).toContainText("から（終了日なし）");
    await expect(added).toContainText("月〜金10:00〜17:00");

    // The preview changes on the first open weekday from then on.
    const firstWeekday = [7, 8, 9, 10, 11, 12, 13].map(tokyoDate).find(isWeekday)!;
    const yearEnd = /-(12-(29|30|31)|01-0[1-3])$/.test(firstWeekday);
    if (!yearEnd && !(firstWeekday in holidayJp.holidays)) {
      await expect(
        email
          .getByRole("table")
          .getByRole("row")
          .filter({ hasText: jaMonthDay(firstWeekday) }),
      ).toContainText("10:00〜17:00");
    }

    // Customers are told from today.
    const customer = await customerPage(browser);
    const emailCard = (page: Page) =>
      page
        .locator("#desk .channel")
        .filter({ hasText: "メール・ポータルでのご回答" })
        .locator(".week-upcoming")
        .allTextContents()
        .then((texts) => texts.join());
    await pollPublic(customer, "/", emailCard).toMatch(
      new RegExp(`^${jaMonthDay(startsOn).replace("(", "\\(")}.\\)から受付時間が変わります.*月〜金10:00〜17:00`),
    );
    await customer.context().close();

    // Put the demo channel back as it was, through the same pages: delete (after asking) and edit.
    const { id: addedId } = await testDb().channelSchedule.findFirstOrThrow({
      where: { channel: { key: "email" }, effectiveFrom: startsOn },
      select: { id: true },
    });
    await page.goto("/staff/hours");
    await added.locator(`a[href="/staff/hours/schedules/${addedId}/delete"]`).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("メール・ポータルでのご回答：受付時間の削除");
    await page.getByRole("button", { name: "削除する" }).click();
    await expect(page.getByRole("status")).toHaveText("受付時間を削除しました。");
    await email.locator(`a[href="/staff/hours/schedules/${seeded.id}/edit"]`).click();
    await page.getByLabel("適用終了日（任意）").fill("");
    await page.getByRole("button", { name: "変更を保存する" }).click();
    await expect(page.getByRole("status")).toHaveText("受付時間を変更しました。");
    await expect(email.getByRole("article")).toHaveCount(1);

    const audit = await auditOf(admin.id);
    expect(audit.map((entry) => entry.action)).toEqual(["hours.schedule.update", "hours.schedule.create", "hours.schedule.delete", "hours.schedule.update"]);
    const [ended, created, deleted, reopened] = audit;
    expect(ended).toMatchObject({
      targetType: "channel-schedule",
      targetId: seeded.id,
      details: { channel: "email", changes: { effectiveUntil: { from: null, to: lastDayBefore } } },
    });
    expect(created).toMatchObject({
      targetType: "channel-schedule",
      details: {
        channel: "email",
        schedule: { effectiveFrom: startsOn, effectiveUntil: null, holidayRule: "closed", mon: "10:00-17:00", sat: "closed" },
      },
    });
    expect(deleted).toMatchObject({ targetId: created?.targetId, details: { channel: "email", schedule: { effectiveFrom: startsOn } } });
    expect(reopened).toMatchObject({ targetId: seeded.id, details: { changes: { effectiveUntil: { from: lastDayBefore, to: null } } } });
  } finally {
    await testDb().channelSchedule.deleteMany({ where: { channel: { key: "email" }, id: { not: seeded.id } } });
    await testDb().channelSchedule.update({ where: { id: seeded.id }, data: { effectiveUntil: seeded.effectiveUntil } });
  }
});
