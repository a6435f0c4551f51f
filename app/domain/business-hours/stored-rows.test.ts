import { describe, expect, it } from "vitest";
import { rowOfSchedule, scheduleFromRow, type ScheduleRow } from "./stored-rows";

const row: ScheduleRow = {
  effectiveFrom: "2026-08-01",
  effectiveUntil: null,
  holidayRule: "own-hours",
  intervals: [
    { day: 1, opensAt: 780, closesAt: 1080 },
    { day: 1, opensAt: 540, closesAt: 720 },
    { day: 5, opensAt: 1320, closesAt: 1560 },
    { day: 0, opensAt: 600, closesAt: 900 },
  ],
};

describe("schedule rows", () => {
  it("reads each day's intervals sorted by opening, in whatever order the database returned them", () => {
    const schedule = scheduleFromRow(row);
    expect(schedule.week[1]).toEqual([
      { opensAt: 540, closesAt: 720 },
      { opensAt: 780, closesAt: 1080 },
    ]);
    expect(schedule.week[5]).toEqual([{ opensAt: 1320, closesAt: 1560 }]);
    expect(schedule.week[2]).toEqual([]);
    expect(schedule.holidays).toEqual({ kind: "own-hours", intervals: [{ opensAt: 600, closesAt: 900 }] });
    const holidaysShuffled = scheduleFromRow({
      ...row,
      intervals: [
        { day: 0, opensAt: 900, closesAt: 960 },
        { day: 0, opensAt: 600, closesAt: 720 },
      ],
    });
    expect(holidaysShuffled.holidays).toEqual({
      kind: "own-hours",
      intervals: [
        { opensAt: 600, closesAt: 720 },
        { opensAt: 900, closesAt: 960 },
      ],
    });
  });

  it("round-trips", () => {
    expect(scheduleFromRow(rowOfSchedule(scheduleFromRow(row)))).toEqual(scheduleFromRow(row));
    expect(rowOfSchedule(scheduleFromRow(row)).intervals).toEqual([
      { day: 1, opensAt: 540, closesAt: 720 },
      { day: 1, opensAt: 780, closesAt: 1080 },
      { day: 5, opensAt: 1320, closesAt: 1560 },
      { day: 0, opensAt: 600, closesAt: 900 },
    ]);
  });

  it("drops holiday hours unless the rule is own-hours, and reads unknown rules as closed", () => {
    const closed = scheduleFromRow({ ...row, holidayRule: "closed" });
    expect(closed.holidays).toEqual({ kind: "closed" });
    expect(rowOfSchedule(closed).intervals.some((interval) => interval.day === 0)).toBe(false);
    expect(scheduleFromRow({ ...row, holidayRule: "whatever" }).holidays).toEqual({ kind: "closed" });
  });
});
