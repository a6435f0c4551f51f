// Scenario: a booking service's desk, weekdays 10:00–18:00, closed 29 Dec 2019 – 3 Jan 2020.
import { describe, expect, it } from "vitest";
import { addBusinessMinutes, businessMinutesBetween, daysAhead, deskStatus, nextOpening } from "./index";
import { interval, jst, weekdaysAndWeekend } from "./test-helpers";
import type { ChannelHours } from "./types";

const bookingDesk: ChannelHours = {
  timeZone: "Asia/Tokyo",
  schedules: [
    {
      effectiveFrom: "2019-04-01",
      effectiveUntil: null,
      week: weekdaysAndWeekend([interval("10:00", "18:00")], []),
      holidays: { kind: "closed" },
    },
  ],
  closures: [{ startsOn: "2019-12-29", endsOn: "2020-01-03" }],
};

describe("booking desk over the year-end closure", () => {
  it("on Friday 27 Dec evening, next opens on Monday 6 Jan (4–5 Jan are a weekend)", () => {
    expect(deskStatus(bookingDesk, jst("2019-12-27 19:00"))).toEqual({
      open: false,
      changesAt: jst("2020-01-06 10:00"),
    });
    expect(nextOpening(bookingDesk, jst("2019-12-30 12:00"))).toEqual(jst("2020-01-06 10:00"));
  });

  it("before the last closing of the year reports that closing", () => {
    expect(deskStatus(bookingDesk, jst("2019-12-27 17:00"))).toEqual({
      open: true,
      changesAt: jst("2019-12-27 18:00"),
    });
  });

  it("counts only the open hours on either side of the closure", () => {
    expect(businessMinutesBetween(bookingDesk, jst("2019-12-27 17:00"), jst("2020-01-06 11:00"))).toBe(120);
    expect(businessMinutesBetween(bookingDesk, jst("2020-01-06 11:00"), jst("2019-12-27 17:00"))).toBe(-120);
    expect(businessMinutesBetween(bookingDesk, jst("2019-12-28 00:00"), jst("2020-01-06 00:00"))).toBe(0);
  });

  it("puts a 16-business-hour answer deadline from Fri 27 Dec 17:00 at Tue 7 Jan 17:00", () => {
    // 1 h on 27 Dec + 8 h on 6 Jan + 7 h on 7 Jan.
    expect(addBusinessMinutes(bookingDesk, jst("2019-12-27 17:00"), 16 * 60)).toEqual(jst("2020-01-07 17:00"));
  });

  it("previews the closure, the New Year's Day holiday and the weekend day by day", () => {
    const days = daysAhead(bookingDesk, "2019-12-27", 11);
    expect(days.map((day) => [day.date, day.weekday, day.holiday, day.closed, day.intervals.length])).toEqual([
      ["2019-12-27", 5, false, false, 1],
      ["2019-12-28", 6, false, false, 0],
      ["2019-12-29", 7, false, true, 0],
      ["2019-12-30", 1, false, true, 0],
      ["2019-12-31", 2, false, true, 0],
      ["2020-01-01", 3, true, true, 0],
      ["2020-01-02", 4, false, true, 0],
      ["2020-01-03", 5, false, true, 0],
      ["2020-01-04", 6, false, false, 0],
      ["2020-01-05", 7, false, false, 0],
      ["2020-01-06", 1, false, false, 1],
    ]);
    expect(days[0]?.intervals).toEqual([interval("10:00", "18:00")]);
  });
});
