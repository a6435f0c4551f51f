import { afterEach, describe, expect, it } from "vitest";
import { daysAhead, deskStatus, isJapaneseHoliday } from "./index";
import { interval, jst, schedule, weekdaysAndWeekend } from "./test-helpers";
import type { ChannelHours } from "./types";

const originalProcessZone = process.env.TZ;
afterEach(() => {
  if (originalProcessZone === undefined) delete process.env.TZ;
  else process.env.TZ = originalProcessZone;
});

// Weekdays 09:00–18:00, closed on holidays, using the default Japanese holiday calendar.
const tokyoDesk: ChannelHours = {
  timeZone: "Asia/Tokyo",
  schedules: [schedule({ week: weekdaysAndWeekend([interval("09:00", "18:00")], []) })],
  closures: [],
};

describe("Japanese national holidays", () => {
  it("recognises fixed, Happy-Monday and substitute holidays", () => {
    expect(isJapaneseHoliday("2019-07-15")).toBe(true); // Marine Day
    expect(isJapaneseHoliday("2019-08-12")).toBe(true); // substitute for Mountain Day
    expect(isJapaneseHoliday("2020-01-01")).toBe(true);
    expect(isJapaneseHoliday("2019-07-16")).toBe(false);
    expect(isJapaneseHoliday("2019-12-23")).toBe(false); // no Emperor's Birthday in 2019
  });

  // holiday_jp's own isHoliday(Date) reads the Date in the process's zone; a server on UTC or in
  // California must still treat all of Tokyo's 15 July as Marine Day, from 00:00 to 24:00 JST.
  it.each([
    ["Asia/Tokyo", 15],
    ["UTC", 14],
    ["America/Los_Angeles", 14],
    ["Pacific/Kiritimati", 15],
  ])("is judged in the desk's zone when the process runs in %s", (processZone, processDayOfTokyoMidnight) => {
    process.env.TZ = processZone;
    // Proves the process zone really changed: Tokyo's midnight falls on another local day there.
    expect(jst("2019-07-15 00:00").getDate()).toBe(processDayOfTokyoMidnight);
    expect(deskStatus(tokyoDesk, jst("2019-07-15 00:00"))).toEqual({
      open: false,
      changesAt: jst("2019-07-16 09:00"),
    });
    expect(deskStatus(tokyoDesk, jst("2019-07-15 10:00"))).toEqual({
      open: false,
      changesAt: jst("2019-07-16 09:00"),
    });
    expect(deskStatus(tokyoDesk, jst("2019-07-12 17:00"))).toEqual({
      open: true,
      changesAt: jst("2019-07-12 18:00"),
    });
    expect(daysAhead(tokyoDesk, "2019-07-14", 3).map((day) => day.holiday)).toEqual([false, true, false]);
  });
});
