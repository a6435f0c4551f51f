import { expect, test, type Page } from "@playwright/test";

// The demo's phone desk, written out independently of the app's business-hours code:
// until the end of this month weekdays 9-21 and weekends 9-18 (holidays as weekdays),
// from the 1st of next month weekdays 9-18 (holidays closed); 29 Dec - 3 Jan closed.
function tokyoNow() {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", {
      timeZone: "Asia/Tokyo",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      weekday: "short",
    })
      .formatToParts(new Date())
      .map((part) => [part.type, part.value]),
  );
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
    weekend: parts.weekday === "Sat" || parts.weekday === "Sun",
  };
}

function expectedPhoneOpen(): boolean | "boundary" {
  const now = tokyoNow();
  if ((now.month === 12 && now.day >= 29) || (now.month === 1 && now.day <= 3)) return false;
  // The seed puts the change on the 1st of the month after setup, which is today's month.
  const [opens, closes] = now.weekend ? [9 * 60, 18 * 60] : [9 * 60, 21 * 60];
  // A minute either side of a change is too close to call: the page may be from just before.
  if (Math.abs(now.minutes - opens) <= 1 || Math.abs(now.minutes - closes) <= 1) return "boundary";
  return now.minutes >= opens && now.minutes < closes;
}

async function phoneCard(page: Page) {
  return page
    .getByRole("region", { name: /お問い合わせ窓口|Inquiry desk/ })
    .getByRole("article")
    .filter({ hasText: /電話窓口|Phone desk/ });
}

test("the desk block shows each channel, its status and its hours", async ({ page }) => {
  await page.goto("/");
  const desk = page.getByRole("region", { name: "お問い合わせ窓口" });
  await expect(desk).toContainText("受付時間はすべて日本時間です。");
  await expect(desk.getByRole("article")).toHaveCount(2);

  const phone = await phoneCard(page);
  await expect(phone.getByRole("link", { name: "03-0000-0000" })).toHaveAttribute("href", "tel:0300000000");
  const expected = expectedPhoneOpen();
  const status = page.getByTestId("status-phone");
  if (expected === true) await expect(status).toContainText(/受付中\s*\d{1,2}月\d{1,2}日\(.\) \d{1,2}:\d{2}まで受付/);
  if (expected === false) await expect(status).toContainText(/受付時間外\s*次の受付開始：\d{1,2}月\d{1,2}日\(.\) 9:00/);

  // This period's week and the announced change on the 1st of next month.
  await expect(phone.locator(".week").first()).toContainText("月〜金9:00〜21:00");
  await expect(phone.locator(".week").first()).toContainText("土・日9:00〜18:00");
  await expect(phone.locator(".week").first()).toContainText("祝日曜日どおり");
  const now = tokyoNow();
  const nextMonth = now.month === 12 ? 1 : now.month + 1;
  const upcoming = phone.locator(".week-upcoming");
  await expect(upcoming).toContainText(new RegExp(`^${nextMonth}月1日\\(.\\)から受付時間が変わります`));
  await expect(upcoming).toContainText("月〜金9:00〜18:00");
  await expect(upcoming).toContainText("土・日休業");
  await expect(upcoming).toContainText("祝日休業");

  const email = desk.getByRole("article").filter({ hasText: "メール・ポータルでのご回答" });
  await expect(email.getByRole("link", { name: "desk@example.com" })).toHaveAttribute("href", "mailto:desk@example.com");
  await expect(email.locator(".week")).toContainText("月〜金10:00〜18:00");
});

test("the year-end closure is announced when it is near", async ({ page }) => {
  const now = tokyoNow();
  const daysToClosure = (Date.UTC(now.year, 11, 29) - Date.UTC(now.year, now.month - 1, now.day)) / 86_400_000;
  test.skip(daysToClosure > 60 || daysToClosure < -5, "the closure is announced from 60 days before");
  await page.goto("/?lng=en");
  const phone = await phoneCard(page);
  await expect(phone.locator(".channel-closures")).toContainText(/Year-end holidays: \w{3} 29 Dec – \w{3} 3 Jan/);
});

test("the desk block is on every public page, in English too", async ({ page }) => {
  for (const path of ["/?lng=en", "/notices/1", "/notices/999"]) {
    await page.goto(path);
    const desk = page.getByRole("region", { name: "Inquiry desk" });
    await expect(desk, path).toBeVisible();
    await expect(desk.getByRole("article"), path).toHaveCount(2);
    await expect(desk, path).toContainText("All hours are Japan time.");
    await expect(desk, path).toContainText(/Mon–Fri\s*9:00–21:00/);
    await expect(desk, path).toContainText(/Public holidays\s*same as the weekday/);
  }
});

test("on a phone, a link at the top leads to the desk block", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto("/");
  await page.getByRole("link", { name: "お問い合わせ窓口・受付時間" }).click();
  await expect(page).toHaveURL(/#desk$/);
  await expect(page.getByRole("heading", { name: "お問い合わせ窓口", level: 2 })).toBeInViewport();
});
