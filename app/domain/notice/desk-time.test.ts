import { describe, expect, it } from "vitest";
import { instantToLocalDateTime, localDateTimeToInstant } from "./desk-time";

describe("desk-local date-times", () => {
  it("reads a datetime-local value as the desk's wall clock", () => {
    expect(localDateTimeToInstant("2026-11-02T09:30", "Asia/Tokyo").toISOString()).toBe("2026-11-02T00:30:00.000Z");
    expect(localDateTimeToInstant("2026-01-01T00:00", "Asia/Tokyo").toISOString()).toBe("2025-12-31T15:00:00.000Z");
    expect(localDateTimeToInstant("2026-07-01T09:30", "Europe/London").toISOString()).toBe("2026-07-01T08:30:00.000Z");
  });

  it("writes an instant back as the desk's wall clock", () => {
    expect(instantToLocalDateTime(new Date("2026-11-02T00:30:00Z"), "Asia/Tokyo")).toBe("2026-11-02T09:30");
    expect(instantToLocalDateTime(new Date("2025-12-31T15:00:00Z"), "Asia/Tokyo")).toBe("2026-01-01T00:00");
  });

  it("round-trips every minute it shows", () => {
    for (const value of ["2026-03-29T00:59", "2026-03-29T02:00", "2026-10-25T01:30", "2026-12-31T23:59"]) {
      expect(instantToLocalDateTime(localDateTimeToInstant(value, "Europe/London"), "Europe/London")).toBe(value);
    }
  });

  it("moves a time skipped by the spring change past the gap", () => {
    // 01:30 does not exist in London on 29 March 2026 (01:00 GMT -> 02:00 BST).
    expect(instantToLocalDateTime(localDateTimeToInstant("2026-03-29T01:30", "Europe/London"), "Europe/London")).toBe("2026-03-29T02:30");
  });

  it("refuses what isn't a date-time", () => {
    expect(() => localDateTimeToInstant("2026-02-30T09:00", "Asia/Tokyo")).toThrow();
    expect(() => localDateTimeToInstant("tomorrow", "Asia/Tokyo")).toThrow();
  });
});
