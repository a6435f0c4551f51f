import { describe, expect, it } from "vitest";
import { addBusinessMinutes, businessMinutesBetween } from "./index";
import { everyDay, hoursWithoutHolidays, interval, jst, schedule, weekdaysAndWeekend } from "./test-helpers";

// Weekdays 09:00–12:00 and 13:00–18:00; 2024-06-10 is a Monday.
const lunchBreak = hoursWithoutHolidays("Asia/Tokyo", [
  schedule({
    week: weekdaysAndWeekend([interval("09:00", "12:00"), interval("13:00", "18:00")], []),
  }),
]);

describe("businessMinutesBetween", () => {
  it("counts only open minutes", () => {
    expect(businessMinutesBetween(lunchBreak, jst("2024-06-10 00:00"), jst("2024-06-11 00:00"))).toBe(480);
    expect(businessMinutesBetween(lunchBreak, jst("2024-06-10 11:00"), jst("2024-06-10 14:00"))).toBe(120);
    expect(businessMinutesBetween(lunchBreak, jst("2024-06-14 17:00"), jst("2024-06-17 10:00"))).toBe(120);
  });

  it("is negative when the range is reversed and zero when empty", () => {
    expect(businessMinutesBetween(lunchBreak, jst("2024-06-10 14:00"), jst("2024-06-10 11:00"))).toBe(-120);
    expect(businessMinutesBetween(lunchBreak, jst("2024-06-10 10:00"), jst("2024-06-10 10:00"))).toBe(0);
  });

  it("returns fractional minutes", () => {
    expect(businessMinutesBetween(lunchBreak, new Date(jst("2024-06-10 10:00").getTime() + 30_000), jst("2024-06-10 10:02"))).toBe(1.5);
  });
});

describe("addBusinessMinutes", () => {
  it("returns the start itself for zero minutes, even when closed", () => {
    const closedAt = jst("2024-06-10 12:30");
    expect(addBusinessMinutes(lunchBreak, closedAt, 0)).toEqual(closedAt);
  });

  it("rejects negative or non-numeric minutes", () => {
    expect(() => addBusinessMinutes(lunchBreak, jst("2024-06-10 10:00"), -1)).toThrow(RangeError);
    expect(() => addBusinessMinutes(lunchBreak, jst("2024-06-10 10:00"), Number.NaN)).toThrow(RangeError);
  });

  it("counts within the current span and across the lunch break", () => {
    expect(addBusinessMinutes(lunchBreak, jst("2024-06-10 10:00"), 30)).toEqual(jst("2024-06-10 10:30"));
    expect(addBusinessMinutes(lunchBreak, jst("2024-06-10 11:00"), 90)).toEqual(jst("2024-06-10 13:30"));
  });

  it("lands exactly on a closing rather than on the next opening", () => {
    expect(addBusinessMinutes(lunchBreak, jst("2024-06-10 11:00"), 60)).toEqual(jst("2024-06-10 12:00"));
    expect(addBusinessMinutes(lunchBreak, jst("2024-06-14 09:00"), 480)).toEqual(jst("2024-06-14 18:00"));
  });

  it("starts counting at the next opening when closed", () => {
    expect(addBusinessMinutes(lunchBreak, jst("2024-06-10 12:15"), 1)).toEqual(jst("2024-06-10 13:01"));
    expect(addBusinessMinutes(lunchBreak, jst("2024-06-15 10:00"), 60)).toEqual(jst("2024-06-17 10:00"));
  });

  it("handles fractional minutes", () => {
    expect(addBusinessMinutes(lunchBreak, jst("2024-06-10 10:00"), 0.5)).toEqual(new Date(jst("2024-06-10 10:00").getTime() + 30_000));
  });

  it("agrees with businessMinutesBetween", () => {
    const from = jst("2024-06-12 16:20");
    const deadline = addBusinessMinutes(lunchBreak, from, 1000);
    expect(deadline).not.toBeNull();
    if (deadline) expect(businessMinutesBetween(lunchBreak, from, deadline)).toBe(1000);
  });

  it("gives up after the 400-day horizon", () => {
    expect(addBusinessMinutes(hoursWithoutHolidays("Asia/Tokyo", []), jst("2024-06-10 10:00"), 1)).toBeNull();
    // Open around the clock: 400 days hold a little over 400 × 1440 minutes, not 500 × 1440.
    const alwaysOpen = hoursWithoutHolidays("Asia/Tokyo", [schedule({ week: everyDay([interval("00:00", "24:00")]) })]);
    expect(addBusinessMinutes(alwaysOpen, jst("2024-06-10 00:00"), 300 * 1440)).toEqual(jst("2025-04-06 00:00"));
    expect(addBusinessMinutes(alwaysOpen, jst("2024-06-10 00:00"), 500 * 1440)).toBeNull();
  });
});
