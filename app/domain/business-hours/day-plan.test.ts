import { describe, expect, it } from "vitest";
import { daysAhead } from "./index";
import { interval, schedule, weekdaysAndWeekend } from "./test-helpers";
import type { ChannelHours, HolidayRule } from "./types";

// Weekdays 09:00–18:00, Saturdays 10:00–16:00; 15 July 2019 (Mon) is Marine Day.
const deskWith = (holidays: HolidayRule, closures: ChannelHours["closures"] = []): ChannelHours => ({
  timeZone: "Asia/Tokyo",
  schedules: [
    schedule({
      effectiveUntil: "2019-07-31",
      week: {
        ...weekdaysAndWeekend([interval("09:00", "18:00")], []),
        6: [interval("10:00", "16:00")],
      },
      holidays,
    }),
  ],
  closures,
});

describe("daysAhead", () => {
  it("lists each day with weekday, holiday and closure flags and the hours that apply", () => {
    const desk = deskWith({ kind: "closed" }, [{ startsOn: "2019-07-17", endsOn: "2019-07-17" }]);
    expect(daysAhead(desk, "2019-07-13", 5)).toEqual([
      {
        date: "2019-07-13",
        weekday: 6,
        holiday: false,
        closed: false,
        intervals: [interval("10:00", "16:00")],
      },
      { date: "2019-07-14", weekday: 7, holiday: false, closed: false, intervals: [] },
      { date: "2019-07-15", weekday: 1, holiday: true, closed: false, intervals: [] },
      {
        date: "2019-07-16",
        weekday: 2,
        holiday: false,
        closed: false,
        intervals: [interval("09:00", "18:00")],
      },
      { date: "2019-07-17", weekday: 3, holiday: false, closed: true, intervals: [] },
    ]);
  });

  it("applies the holiday rule", () => {
    const onHoliday = (rule: HolidayRule) => daysAhead(deskWith(rule), "2019-07-15", 1)[0]?.intervals;
    expect(onHoliday({ kind: "as-weekday" })).toEqual([interval("09:00", "18:00")]);
    expect(onHoliday({ kind: "own-hours", intervals: [interval("10:00", "15:00")] })).toEqual([interval("10:00", "15:00")]);
  });

  it("shows no hours once no schedule covers the day", () => {
    expect(daysAhead(deskWith({ kind: "closed" }), "2019-08-01", 1)).toEqual([
      { date: "2019-08-01", weekday: 4, holiday: false, closed: false, intervals: [] },
    ]);
  });

  it("is empty for a count of zero", () => {
    expect(daysAhead(deskWith({ kind: "closed" }), "2019-07-13", 0)).toEqual([]);
  });
});
