import { describe, expect, it } from "vitest";
import { toChannelHours } from "~/domain/desk/desk-view";
import { rowOfSchedule, scheduleFromRow, type ScheduleRow } from "./rows";

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
  it("reads rows as the public desk block does", () => {
    const publicReading = toChannelHours(
      { schedules: [row], closures: [] },
      "Asia/Tokyo",
    ).schedules[0]!;
    const ours = scheduleFromRow(row);
    expect(ours.holidays).toEqual(publicReading.holidays);
    expect(ours.week[1]).toEqual([...publicReading.week[1]].sort((a, b) => a.opensAt - b.opensAt));
    expect(ours.week[5]).toEqual(publicReading.week[5]);
    expect(ours.week[2]).toEqual([]);
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
