import { describe, expect, it } from "vitest";
import { scheduleProblems } from "./index";
import { everyDay, interval, schedule, week, weekdaysAndWeekend } from "./test-helpers";
import type { ChannelHours } from "./types";

const valid: ChannelHours = {
  timeZone: "Asia/Tokyo",
  schedules: [
    schedule({
      effectiveFrom: "2018-04-01",
      effectiveUntil: "2019-07-31",
      week: weekdaysAndWeekend([interval("09:00", "21:00")], [interval("09:00", "18:00")]),
    }),
    schedule({
      effectiveFrom: "2019-08-01",
      effectiveUntil: null,
      // Touching intervals and a night shift crossing into Saturday's own hours are both fine.
      week: week({
        1: [interval("09:00", "12:00"), interval("12:00", "18:00")],
        5: [interval("22:00", "26:00")],
        6: [interval("00:00", "09:00")],
      }),
      holidays: { kind: "own-hours", intervals: [interval("10:00", "15:00")] },
    }),
  ],
  closures: [{ startsOn: "2019-12-29", endsOn: "2020-01-03" }],
};

describe("scheduleProblems", () => {
  it("finds nothing wrong with valid hours", () => {
    expect(scheduleProblems(valid)).toEqual([]);
  });

  it("reports an unknown time zone", () => {
    expect(scheduleProblems({ ...valid, timeZone: "Japan/Tokyo" })).toEqual([{ code: "bad-time-zone", timeZone: "Japan/Tokyo" }]);
  });

  it("reports bad schedule and closure dates", () => {
    const hours: ChannelHours = {
      ...valid,
      schedules: [schedule({ effectiveFrom: "2019-02-30", effectiveUntil: "31/12/2019", week: everyDay([]) })],
      closures: [{ startsOn: "2019-12-29", endsOn: "2020-1-3" }],
    };
    expect(scheduleProblems(hours)).toEqual([
      { code: "bad-date", field: "effectiveFrom", scheduleIndex: 0, value: "2019-02-30" },
      { code: "bad-date", field: "effectiveUntil", scheduleIndex: 0, value: "31/12/2019" },
      { code: "bad-date", field: "endsOn", closureIndex: 0, value: "2020-1-3" },
    ]);
  });

  it("reports a schedule that ends before it starts", () => {
    const hours = {
      ...valid,
      schedules: [schedule({ effectiveFrom: "2019-08-01", effectiveUntil: "2019-07-31", week: everyDay([]) })],
    };
    expect(scheduleProblems(hours)).toEqual([
      {
        code: "schedule-reversed",
        scheduleIndex: 0,
        effectiveFrom: "2019-08-01",
        effectiveUntil: "2019-07-31",
      },
    ]);
  });

  it("reports intervals out of range, on weekdays and in the holiday hours", () => {
    const outOfRange = [
      { opensAt: -1, closesAt: 60 },
      { opensAt: 1440, closesAt: 1500 },
      { opensAt: 600, closesAt: 600 },
      { opensAt: 600, closesAt: 2041 },
      { opensAt: 540.5, closesAt: 600 },
    ];
    const hours: ChannelHours = {
      ...valid,
      schedules: [
        schedule({
          week: week({ 3: outOfRange }),
          holidays: { kind: "own-hours", intervals: [{ opensAt: 600, closesAt: 500 }] },
        }),
      ],
    };
    expect(scheduleProblems(hours)).toEqual([
      ...outOfRange.map((interval, intervalIndex) => ({
        code: "interval-out-of-range",
        scheduleIndex: 0,
        day: 3,
        intervalIndex,
        interval,
      })),
      {
        code: "interval-out-of-range",
        scheduleIndex: 0,
        day: "holiday",
        intervalIndex: 0,
        interval: { opensAt: 600, closesAt: 500 },
      },
    ]);
  });

  it("accepts the widest valid interval, 24 hours from any opening", () => {
    const hours = {
      ...valid,
      schedules: [schedule({ week: week({ 1: [{ opensAt: 1439, closesAt: 2879 }] }) })],
    };
    expect(scheduleProblems(hours)).toEqual([]);
  });

  it("reports overlapping intervals on the same day", () => {
    const hours = {
      ...valid,
      schedules: [
        schedule({
          week: week({
            2: [interval("09:00", "12:00"), interval("13:00", "18:00"), interval("11:00", "14:00")],
          }),
        }),
      ],
    };
    expect(scheduleProblems(hours)).toEqual([
      { code: "intervals-overlap", scheduleIndex: 0, day: 2, intervalIndexes: [0, 2] },
      { code: "intervals-overlap", scheduleIndex: 0, day: 2, intervalIndexes: [1, 2] },
    ]);
  });

  it("reports overlapping schedules, including an open-ended one", () => {
    const hours = {
      ...valid,
      schedules: [
        schedule({ effectiveFrom: "2019-01-01", effectiveUntil: "2019-08-01", week: everyDay([]) }),
        schedule({ effectiveFrom: "2019-08-01", effectiveUntil: null, week: everyDay([]) }),
        schedule({ effectiveFrom: "2025-01-01", effectiveUntil: "2025-12-31", week: everyDay([]) }),
      ],
    };
    expect(scheduleProblems(hours)).toEqual([
      { code: "schedules-overlap", scheduleIndexes: [0, 1] },
      { code: "schedules-overlap", scheduleIndexes: [1, 2] },
    ]);
  });

  it("reports a closure that ends before it starts", () => {
    const hours = { ...valid, closures: [{ startsOn: "2020-01-03", endsOn: "2019-12-29" }] };
    expect(scheduleProblems(hours)).toEqual([{ code: "closure-reversed", closureIndex: 0, startsOn: "2020-01-03", endsOn: "2019-12-29" }]);
  });
});
