// Intervals that cross midnight: merging with the next day's hours, closures cutting them,
// and the start date deciding holidays.
import { describe, expect, it } from "vitest";
import { businessMinutesBetween, daysAhead, deskStatus, isOpenAt, nextClosing, nextOpening, openSpans } from "./index";
import { hoursWithoutHolidays, interval, jst, schedule, week } from "./test-helpers";
import type { ChannelHours, Closure } from "./types";

// Fri 22:00–Sat 02:00 and Sat 00:00–09:00; 14–15 June 2024 is a Friday and Saturday without holidays.
const nightShift = schedule({
  week: week({ 5: [interval("22:00", "26:00")], 6: [interval("00:00", "09:00")] }),
});
const nightDesk = (closures: Closure[] = []) => hoursWithoutHolidays("Asia/Tokyo", [nightShift], closures);

describe("an interval crossing midnight", () => {
  it("merges with the next day's early hours into one span", () => {
    const desk = nightDesk();
    expect(openSpans(desk, jst("2024-06-14 12:00"), jst("2024-06-16 00:00"))).toEqual([{ start: jst("2024-06-14 22:00"), end: jst("2024-06-15 09:00") }]);
    expect(deskStatus(desk, jst("2024-06-14 23:00"))).toEqual({
      open: true,
      changesAt: jst("2024-06-15 09:00"),
    });
    expect(deskStatus(desk, jst("2024-06-15 01:00"))).toEqual({
      open: true,
      changesAt: jst("2024-06-15 09:00"),
    });
    expect(nextOpening(desk, jst("2024-06-15 01:00"))).toEqual(jst("2024-06-21 22:00"));
    expect(businessMinutesBetween(desk, jst("2024-06-14 00:00"), jst("2024-06-16 00:00"))).toBe(11 * 60);
  });

  it("is cut at midnight when a closure covers the next day", () => {
    const desk = nightDesk([{ startsOn: "2024-06-15", endsOn: "2024-06-15" }]);
    expect(deskStatus(desk, jst("2024-06-14 23:59"))).toEqual({
      open: true,
      changesAt: jst("2024-06-15 00:00"),
    });
    expect(isOpenAt(desk, jst("2024-06-15 00:00"))).toBe(false);
    expect(isOpenAt(desk, jst("2024-06-15 01:00"))).toBe(false);
    expect(businessMinutesBetween(desk, jst("2024-06-14 00:00"), jst("2024-06-16 00:00"))).toBe(120);
    expect(daysAhead(desk, "2024-06-14", 2).map((day) => [day.closed, day.intervals])).toEqual([
      [false, [interval("22:00", "24:00")]],
      [true, []],
    ]);
  });

  it("is dropped whole, after-midnight part included, when its own start day is closed", () => {
    const desk = nightDesk([{ startsOn: "2024-06-14", endsOn: "2024-06-14" }]);
    expect(isOpenAt(desk, jst("2024-06-14 23:00"))).toBe(false);
    // Saturday is not closed, so its own 00:00–09:00 still opens.
    expect(nextOpening(desk, jst("2024-06-14 23:00"))).toEqual(jst("2024-06-15 00:00"));
    expect(nextClosing(desk, jst("2024-06-14 23:00"))).toEqual(jst("2024-06-15 09:00"));
  });

  it("takes the holiday rule from its start date", () => {
    const fridayOnly = schedule({ week: week({ 5: [interval("22:00", "26:00")] }) });
    const withHoliday = (holiday: string): ChannelHours => ({
      timeZone: "Asia/Tokyo",
      schedules: [fridayOnly],
      closures: [],
      isHoliday: (date) => date === holiday,
    });
    // A holiday on Saturday does not shorten Friday's night shift…
    expect(isOpenAt(withHoliday("2024-06-15"), jst("2024-06-15 01:00"))).toBe(true);
    // …while a holiday on Friday removes all of it.
    expect(isOpenAt(withHoliday("2024-06-14"), jst("2024-06-15 01:00"))).toBe(false);
  });

  it("finds the open span a query starts inside of, even from the day after it began", () => {
    const allNight = hoursWithoutHolidays("Asia/Tokyo", [schedule({ week: week({ 7: [interval("08:00", "32:00")] }) })]);
    // Sun 08:00 – Mon 08:00, queried on Monday morning.
    expect(deskStatus(allNight, jst("2024-06-17 07:00"))).toEqual({
      open: true,
      changesAt: jst("2024-06-17 08:00"),
    });
  });
});
