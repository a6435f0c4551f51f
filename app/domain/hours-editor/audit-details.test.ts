import { describe, expect, it } from "vitest";
import type { WeeklySchedule } from "~/domain/business-hours";
import { changesBetween, scheduleSnapshot } from "./audit-details";

const schedule: WeeklySchedule = {
  effectiveFrom: "2026-08-01",
  effectiveUntil: null,
  week: { 1: [{ opensAt: 540, closesAt: 1080 }], 2: [], 3: [], 4: [], 5: [{ opensAt: 1320, closesAt: 1560 }], 6: [], 7: [] },
  holidays: { kind: "closed" },
};

describe("scheduleSnapshot", () => {
  it("writes each day's hours as staff type them", () => {
    expect(scheduleSnapshot(schedule)).toEqual({
      effectiveFrom: "2026-08-01",
      effectiveUntil: null,
      holidayRule: "closed",
      mon: "9:00-18:00",
      tue: "closed",
      wed: "closed",
      thu: "closed",
      fri: "22:00-2:00",
      sat: "closed",
      sun: "closed",
      holidayHours: null,
    });
  });
});

describe("changesBetween", () => {
  it("keeps only what changed", () => {
    const after = scheduleSnapshot({
      ...schedule,
      effectiveUntil: "2026-12-31",
      holidays: { kind: "own-hours", intervals: [{ opensAt: 600, closesAt: 900 }] },
    });
    expect(changesBetween(scheduleSnapshot(schedule), after)).toEqual({
      effectiveUntil: { from: null, to: "2026-12-31" },
      holidayRule: { from: "closed", to: "own-hours" },
      holidayHours: { from: null, to: "10:00-15:00" },
    });
    expect(changesBetween(after, after)).toEqual({});
  });
});
