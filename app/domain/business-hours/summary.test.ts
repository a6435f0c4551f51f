import { describe, expect, it } from "vitest";
import { summarizeWeek } from "./index";
import { everyDay, interval, schedule, week, weekdaysAndWeekend } from "./test-helpers";

describe("summarizeWeek", () => {
  it("groups weekdays and the weekend", () => {
    const hours = schedule({
      week: weekdaysAndWeekend([interval("09:00", "21:00")], [interval("09:00", "18:00")]),
    });
    expect(summarizeWeek(hours)).toEqual([
      { days: [1, 2, 3, 4, 5], intervals: [interval("09:00", "21:00")] },
      { days: [6, 7], intervals: [interval("09:00", "18:00")] },
    ]);
  });

  it("makes one group for a week with the same hours every day", () => {
    expect(summarizeWeek(schedule({ week: everyDay([interval("10:00", "19:00")]) }))).toEqual([
      { days: [1, 2, 3, 4, 5, 6, 7], intervals: [interval("10:00", "19:00")] },
    ]);
  });

  it("groups only consecutive days, closed days included, without wrapping Sunday to Monday", () => {
    const nineToSix = [interval("09:00", "18:00")];
    const hours = schedule({
      week: week({
        2: nineToSix,
        3: nineToSix,
        4: [interval("09:00", "20:00")],
        5: nineToSix,
        6: nineToSix,
      }),
    });
    expect(summarizeWeek(hours)).toEqual([
      { days: [1], intervals: [] },
      { days: [2, 3], intervals: nineToSix },
      { days: [4], intervals: [interval("09:00", "20:00")] },
      { days: [5, 6], intervals: nineToSix },
      { days: [7], intervals: [] },
    ]);
  });

  it("treats the same intervals listed in another order as identical and lists them sorted", () => {
    const hours = schedule({
      week: week({
        1: [interval("13:00", "18:00"), interval("09:00", "12:00")],
        2: [interval("09:00", "12:00"), interval("13:00", "18:00")],
      }),
    });
    expect(summarizeWeek(hours)[0]).toEqual({
      days: [1, 2],
      intervals: [interval("09:00", "12:00"), interval("13:00", "18:00")],
    });
  });
});
