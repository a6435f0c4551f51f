import { describe, expect, it } from "vitest";
import { scheduleOn, upcomingSchedule } from "./index";
import { everyDay, hoursWithoutHolidays, interval, schedule } from "./test-helpers";

const spring = schedule({
  effectiveFrom: "2024-04-01",
  effectiveUntil: "2024-06-30",
  week: everyDay([interval("09:00", "17:00")]),
});
const summer = schedule({
  effectiveFrom: "2024-07-01",
  effectiveUntil: "2024-08-31",
  week: everyDay([interval("09:00", "20:00")]),
});
const autumn = schedule({
  effectiveFrom: "2024-10-01",
  effectiveUntil: null,
  week: everyDay([interval("10:00", "18:00")]),
});
const hours = hoursWithoutHolidays("Asia/Tokyo", [autumn, spring, summer]);

describe("scheduleOn", () => {
  it("includes both ends of the effective range", () => {
    expect(scheduleOn(hours, "2024-04-01")).toBe(spring);
    expect(scheduleOn(hours, "2024-06-30")).toBe(spring);
    expect(scheduleOn(hours, "2024-07-01")).toBe(summer);
    expect(scheduleOn(hours, "2030-01-01")).toBe(autumn);
  });

  it("is null before the first schedule and in a gap between schedules", () => {
    expect(scheduleOn(hours, "2024-03-31")).toBeNull();
    expect(scheduleOn(hours, "2024-09-15")).toBeNull();
  });

  it("prefers the schedule that started later when schedules overlap by mistake", () => {
    const replacement = schedule({ effectiveFrom: "2024-05-01", week: everyDay([]) });
    expect(scheduleOn(hoursWithoutHolidays("Asia/Tokyo", [replacement, spring]), "2024-05-10")).toBe(replacement);
    expect(scheduleOn(hoursWithoutHolidays("Asia/Tokyo", [spring, replacement]), "2024-05-10")).toBe(replacement);
  });
});

describe("upcomingSchedule", () => {
  it("is the earliest schedule starting after the date", () => {
    expect(upcomingSchedule(hours, "2024-05-01")).toBe(summer);
    expect(upcomingSchedule(hours, "2024-06-30")).toBe(summer);
    expect(upcomingSchedule(hours, "2024-07-01")).toBe(autumn);
    expect(upcomingSchedule(hours, "2024-10-01")).toBeNull();
  });
});
