// Scenario: an aromatherapy shop's phone desk whose hours were cut on 1 August 2019.
import { describe, expect, it } from "vitest";
import { deskStatus, isOpenAt, nextClosing, nextOpening, openSpans, scheduleOn, summarizeWeek, upcomingSchedule } from "./index";
import { interval, jst, weekdaysAndWeekend } from "./test-helpers";
import type { ChannelHours, HolidayRule } from "./types";

function phoneDesk(holidays: HolidayRule): ChannelHours {
  return {
    timeZone: "Asia/Tokyo",
    closures: [],
    schedules: [
      {
        effectiveFrom: "2018-04-01",
        effectiveUntil: "2019-07-31",
        week: weekdaysAndWeekend([interval("09:00", "21:00")], [interval("09:00", "18:00")]),
        holidays,
      },
      {
        effectiveFrom: "2019-08-01",
        effectiveUntil: null,
        week: weekdaysAndWeekend([interval("09:00", "18:00")], []),
        holidays,
      },
    ],
  };
}

const closedOnHolidays = phoneDesk({ kind: "closed" });
const openOnHolidays = phoneDesk({ kind: "as-weekday" });

describe("aromatherapy phone desk", () => {
  it("is still open at 20:00 on the last day of the old hours (Wed 31 July)", () => {
    const at = jst("2019-07-31 20:00");
    expect(isOpenAt(closedOnHolidays, at)).toBe(true);
    expect(nextClosing(closedOnHolidays, at)).toEqual(jst("2019-07-31 21:00"));
    expect(nextOpening(closedOnHolidays, at)).toEqual(jst("2019-08-01 09:00"));
    expect(deskStatus(closedOnHolidays, at)).toEqual({
      open: true,
      changesAt: jst("2019-07-31 21:00"),
    });
  });

  it("is closed at 20:00 under the new hours (Thu 1 August)", () => {
    const at = jst("2019-08-01 20:00");
    expect(isOpenAt(closedOnHolidays, at)).toBe(false);
    expect(nextOpening(closedOnHolidays, at)).toEqual(jst("2019-08-02 09:00"));
    expect(nextClosing(closedOnHolidays, at)).toEqual(jst("2019-08-02 18:00"));
    expect(deskStatus(closedOnHolidays, at)).toEqual({
      open: false,
      changesAt: jst("2019-08-02 09:00"),
    });
  });

  it("opens on a Saturday in July but not on one in August", () => {
    const julySaturday = jst("2019-07-27 10:00");
    expect(isOpenAt(closedOnHolidays, julySaturday)).toBe(true);
    expect(nextClosing(closedOnHolidays, julySaturday)).toEqual(jst("2019-07-27 18:00"));
    expect(nextOpening(closedOnHolidays, julySaturday)).toEqual(jst("2019-07-28 09:00"));

    const augustSaturday = jst("2019-08-03 10:00");
    expect(isOpenAt(closedOnHolidays, augustSaturday)).toBe(false);
    expect(nextOpening(closedOnHolidays, augustSaturday)).toEqual(jst("2019-08-05 09:00"));
  });

  it("switches hours at midnight between the schedules", () => {
    const afterLastOldClosing = jst("2019-07-31 21:30");
    expect(isOpenAt(closedOnHolidays, afterLastOldClosing)).toBe(false);
    expect(nextOpening(closedOnHolidays, afterLastOldClosing)).toEqual(jst("2019-08-01 09:00"));
    expect(nextClosing(closedOnHolidays, afterLastOldClosing)).toEqual(jst("2019-08-01 18:00"));
    expect(openSpans(closedOnHolidays, jst("2019-07-31 00:00"), jst("2019-08-02 00:00"))).toEqual([
      { start: jst("2019-07-31 09:00"), end: jst("2019-07-31 21:00") },
      { start: jst("2019-08-01 09:00"), end: jst("2019-08-01 18:00") },
    ]);
  });

  it("tells which schedule is in effect and which comes next", () => {
    expect(scheduleOn(closedOnHolidays, "2019-07-31")?.effectiveUntil).toBe("2019-07-31");
    expect(scheduleOn(closedOnHolidays, "2019-08-01")?.effectiveFrom).toBe("2019-08-01");
    expect(upcomingSchedule(closedOnHolidays, "2019-07-20")?.effectiveFrom).toBe("2019-08-01");
    expect(upcomingSchedule(closedOnHolidays, "2019-08-01")).toBeNull();
  });

  it("summarizes each schedule's week for display", () => {
    const [oldHours, newHours] = closedOnHolidays.schedules;
    expect(oldHours && summarizeWeek(oldHours)).toEqual([
      { days: [1, 2, 3, 4, 5], intervals: [interval("09:00", "21:00")] },
      { days: [6, 7], intervals: [interval("09:00", "18:00")] },
    ]);
    expect(newHours && summarizeWeek(newHours)).toEqual([
      { days: [1, 2, 3, 4, 5], intervals: [interval("09:00", "18:00")] },
      { days: [6, 7], intervals: [] },
    ]);
  });

  describe("on Marine Day (Mon 15 July 2019)", () => {
    const at = jst("2019-07-15 10:00");

    it("stays closed when holidays are closed", () => {
      expect(deskStatus(closedOnHolidays, at)).toEqual({
        open: false,
        changesAt: jst("2019-07-16 09:00"),
      });
      // Sunday evening: the next opening skips the holiday Monday.
      expect(nextOpening(closedOnHolidays, jst("2019-07-14 19:00"))).toEqual(jst("2019-07-16 09:00"));
    });

    it("keeps Monday's hours when holidays are worked as weekdays", () => {
      expect(deskStatus(openOnHolidays, at)).toEqual({
        open: true,
        changesAt: jst("2019-07-15 21:00"),
      });
    });
  });

  describe("on the substitute holiday (Mon 12 August 2019, for Mountain Day on Sunday)", () => {
    it("stays closed when holidays are closed, so the weekend runs into Tuesday", () => {
      expect(isOpenAt(closedOnHolidays, jst("2019-08-12 10:00"))).toBe(false);
      expect(nextOpening(closedOnHolidays, jst("2019-08-10 10:00"))).toEqual(jst("2019-08-13 09:00"));
    });

    it("opens with the new weekday hours when holidays are worked", () => {
      expect(nextOpening(openOnHolidays, jst("2019-08-10 10:00"))).toEqual(jst("2019-08-12 09:00"));
      expect(deskStatus(openOnHolidays, jst("2019-08-12 10:00"))).toEqual({
        open: true,
        changesAt: jst("2019-08-12 18:00"),
      });
    });
  });
});
