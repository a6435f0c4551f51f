import { describe, expect, it } from "vitest";
import type { ChannelHours } from "~/domain/business-hours";
import { interval, schedule, weekdaysAndWeekend } from "~/domain/business-hours/test-helpers";
import { callbackWindows, isBookableWindow, normalisePhone } from "./callback";

// The demo's phone desk after its first weeks: weekdays 9:00–18:00, closed on holidays.
const phone: ChannelHours = {
  timeZone: "Asia/Tokyo",
  schedules: [schedule({ week: weekdaysAndWeekend([interval("09:00", "18:00")], []), holidays: { kind: "closed" } })],
  closures: [],
};
const tokyo = (local: string) => new Date(`${local}+09:00`);

describe("call-back windows", () => {
  it("offers whole hours inside the desk's hours, an hour ahead at the earliest", () => {
    const windows = callbackWindows(phone, tokyo("2026-11-24T15:20:00"));
    expect(windows.slice(0, 2)).toEqual([
      { from: tokyo("2026-11-24T17:00:00"), until: tokyo("2026-11-24T18:00:00") },
      { from: tokyo("2026-11-25T09:00:00"), until: tokyo("2026-11-25T10:00:00") },
    ]);
    for (const window of windows) expect(isBookableWindow(phone, window.from, tokyo("2026-11-24T15:20:00"))).toBe(true);
  });

  it("offers nothing on the weekend or on a public holiday", () => {
    const windows = callbackWindows(phone, tokyo("2026-11-20T18:30:00"));
    // Saturday 21, Sunday 22 and Monday 23 (a holiday) are closed.
    expect(windows[0]!.from).toEqual(tokyo("2026-11-24T09:00:00"));
  });

  it("refuses a window outside the hours, running past closing, or already begun", () => {
    const now = tokyo("2026-11-24T10:00:00");
    expect(isBookableWindow(phone, tokyo("2026-11-24T19:00:00"), now)).toBe(false);
    expect(isBookableWindow(phone, tokyo("2026-11-24T17:30:00"), now)).toBe(false);
    expect(isBookableWindow(phone, tokyo("2026-11-23T10:00:00"), now)).toBe(false);
    expect(isBookableWindow(phone, tokyo("2026-11-24T09:00:00"), now)).toBe(false);
    expect(isBookableWindow(phone, tokyo("2026-11-24T16:00:00"), now)).toBe(true);
  });
});

describe("phone numbers", () => {
  it("accepts the ways people write them", () => {
    expect(normalisePhone("03-1234-5678")).toBe("03-1234-5678");
    expect(normalisePhone("０９０ １２３４ ５６７８")).toBe("090 1234 5678");
    expect(normalisePhone("+81 (3) 1234-5678")).toBe("+81 (3) 1234-5678");
  });

  it("refuses what can't be dialled", () => {
    for (const input of ["", "1234", "03-1234-5678; rm -rf /", "<b>0312345678</b>", "0".repeat(16)]) {
      expect(normalisePhone(input)).toBeNull();
    }
  });
});
