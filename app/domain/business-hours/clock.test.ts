import { describe, expect, it } from "vitest";
import { deskStatus, isOpenAt, nextClosing, nextOpening, openSpans } from "./index";
import { everyDay, hoursWithoutHolidays, interval, jst, schedule, weekdaysAndWeekend } from "./test-helpers";

const officeHours = hoursWithoutHolidays("Asia/Tokyo", [schedule({ week: weekdaysAndWeekend([interval("09:00", "18:00")], []) })]);
const lunchBreak = hoursWithoutHolidays("Asia/Tokyo", [
  schedule({
    week: weekdaysAndWeekend([interval("13:00", "18:00"), interval("09:00", "12:00")], []),
  }),
]);
const noSchedule = hoursWithoutHolidays("Asia/Tokyo", []);
// 2024-06-10 is a Monday.

describe("open or closed at the boundaries", () => {
  it("is open exactly at the opening and closed exactly at the closing", () => {
    expect(isOpenAt(officeHours, jst("2024-06-10 09:00"))).toBe(true);
    expect(isOpenAt(officeHours, new Date(jst("2024-06-10 09:00").getTime() - 1))).toBe(false);
    expect(isOpenAt(officeHours, new Date(jst("2024-06-10 18:00").getTime() - 1))).toBe(true);
    expect(isOpenAt(officeHours, jst("2024-06-10 18:00"))).toBe(false);
  });

  it("at the opening instant reports the closing; at the closing instant, the next opening", () => {
    expect(deskStatus(officeHours, jst("2024-06-10 09:00"))).toEqual({
      open: true,
      changesAt: jst("2024-06-10 18:00"),
    });
    expect(deskStatus(officeHours, jst("2024-06-10 18:00"))).toEqual({
      open: false,
      changesAt: jst("2024-06-11 09:00"),
    });
  });

  it("next opening while open is the one after the current span", () => {
    expect(nextOpening(officeHours, jst("2024-06-10 09:00"))).toEqual(jst("2024-06-11 09:00"));
    expect(nextOpening(officeHours, jst("2024-06-14 10:00"))).toEqual(jst("2024-06-17 09:00"));
  });

  it("next closing while closed is the end of the next span", () => {
    expect(nextClosing(officeHours, jst("2024-06-15 10:00"))).toEqual(jst("2024-06-17 18:00"));
  });
});

describe("several intervals a day", () => {
  it("closes for lunch", () => {
    expect(deskStatus(lunchBreak, jst("2024-06-10 11:00"))).toEqual({
      open: true,
      changesAt: jst("2024-06-10 12:00"),
    });
    expect(nextOpening(lunchBreak, jst("2024-06-10 11:00"))).toEqual(jst("2024-06-10 13:00"));
    expect(deskStatus(lunchBreak, jst("2024-06-10 12:30"))).toEqual({
      open: false,
      changesAt: jst("2024-06-10 13:00"),
    });
    expect(nextClosing(lunchBreak, jst("2024-06-10 12:30"))).toEqual(jst("2024-06-10 18:00"));
  });

  it("merges intervals that touch, so the handover is not reported as a closing", () => {
    const handover = hoursWithoutHolidays("Asia/Tokyo", [
      schedule({
        week: weekdaysAndWeekend([interval("09:00", "12:00"), interval("12:00", "18:00")], []),
      }),
    ]);
    expect(nextClosing(handover, jst("2024-06-10 11:00"))).toEqual(jst("2024-06-10 18:00"));
    expect(openSpans(handover, jst("2024-06-10 00:00"), jst("2024-06-11 00:00"))).toEqual([{ start: jst("2024-06-10 09:00"), end: jst("2024-06-10 18:00") }]);
  });
});

describe("openSpans", () => {
  it("clips spans to the requested range", () => {
    expect(openSpans(lunchBreak, jst("2024-06-10 10:00"), jst("2024-06-11 10:30"))).toEqual([
      { start: jst("2024-06-10 10:00"), end: jst("2024-06-10 12:00") },
      { start: jst("2024-06-10 13:00"), end: jst("2024-06-10 18:00") },
      { start: jst("2024-06-11 09:00"), end: jst("2024-06-11 10:30") },
    ]);
  });

  it("is empty for an empty or reversed range", () => {
    expect(openSpans(officeHours, jst("2024-06-10 10:00"), jst("2024-06-10 10:00"))).toEqual([]);
    expect(openSpans(officeHours, jst("2024-06-10 11:00"), jst("2024-06-10 10:00"))).toEqual([]);
  });
});

describe("nothing to find", () => {
  it("answers null without a schedule", () => {
    const at = jst("2024-06-10 10:00");
    expect(isOpenAt(noSchedule, at)).toBe(false);
    expect(nextOpening(noSchedule, at)).toBeNull();
    expect(nextClosing(noSchedule, at)).toBeNull();
    expect(deskStatus(noSchedule, at)).toEqual({ open: false, changesAt: null });
  });

  it("answers null after the last schedule ends", () => {
    const ending = hoursWithoutHolidays("Asia/Tokyo", [
      schedule({
        effectiveUntil: "2024-06-14",
        week: weekdaysAndWeekend([interval("09:00", "18:00")], []),
      }),
    ]);
    expect(deskStatus(ending, jst("2024-06-14 17:00"))).toEqual({
      open: true,
      changesAt: jst("2024-06-14 18:00"),
    });
    expect(nextOpening(ending, jst("2024-06-14 17:00"))).toBeNull();
  });

  it("looks exactly 400 local days ahead and no further", () => {
    const startingOn = (effectiveFrom: string) =>
      hoursWithoutHolidays("Asia/Tokyo", [schedule({ effectiveFrom, week: everyDay([interval("09:00", "18:00")]) })]);
    const at = jst("2020-01-01 12:00"); // 2020 is a leap year: +400 days is 4 Feb 2021
    expect(nextOpening(startingOn("2021-02-04"), at)).toEqual(jst("2021-02-04 09:00"));
    expect(nextOpening(startingOn("2021-02-05"), at)).toBeNull();
    expect(deskStatus(startingOn("2021-02-05"), at)).toEqual({ open: false, changesAt: null });
  });

  it("never reports a closing for a desk open around the clock", () => {
    const alwaysOpen = hoursWithoutHolidays("Asia/Tokyo", [schedule({ week: everyDay([interval("00:00", "24:00")]) })]);
    const at = jst("2024-06-10 10:00");
    expect(isOpenAt(alwaysOpen, at)).toBe(true);
    expect(deskStatus(alwaysOpen, at)).toEqual({ open: true, changesAt: null });
    expect(nextClosing(alwaysOpen, at)).toBeNull();
    expect(nextOpening(alwaysOpen, at)).toBeNull();
  });

  it("reports the closing of a long span that ends inside the horizon", () => {
    const untilSeptember = hoursWithoutHolidays("Asia/Tokyo", [schedule({ effectiveUntil: "2024-08-31", week: everyDay([interval("00:00", "24:00")]) })]);
    expect(deskStatus(untilSeptember, jst("2024-06-10 10:00"))).toEqual({
      open: true,
      changesAt: jst("2024-09-01 00:00"),
    });
  });
});
