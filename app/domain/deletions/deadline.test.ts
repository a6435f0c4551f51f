import { describe, expect, it } from "vitest";
import { daysLeft, deletionDueAt, executionTime, lastDayOf } from "./deadline";

const TOKYO = "Asia/Tokyo";

describe("the deadline of a deletion request", () => {
  it("ends with the 30th calendar day after receipt, at midnight in the desk's zone", () => {
    // Received 1 December 23:30 in Tokyo (14:30 UTC): the last day is 31 December.
    const due = deletionDueAt(new Date("2026-12-01T14:30:00Z"), 30, TOKYO);
    expect(due.toISOString()).toBe("2026-12-31T15:00:00.000Z");
    expect(lastDayOf(due, TOKYO)).toBe("2026-12-31");
  });

  it("counts from the desk's day, not UTC's", () => {
    // 00:30 on 2 December in Tokyo is still 1 December in UTC.
    expect(lastDayOf(deletionDueAt(new Date("2026-12-01T15:30:00Z"), 30, TOKYO), TOKYO)).toBe("2027-01-01");
  });

  it("counts calendar days through weekends, holidays and across daylight-saving changes", () => {
    const due = deletionDueAt(new Date("2026-10-01T12:00:00Z"), 30, "Europe/London");
    expect(lastDayOf(due, "Europe/London")).toBe("2026-10-31");
    // London is on GMT again by 1 November: midnight there is 00:00 UTC.
    expect(due.toISOString()).toBe("2026-11-01T00:00:00.000Z");
  });

  it("says how many days are left, zero on the last day and negative once past", () => {
    const due = deletionDueAt(new Date("2026-12-01T03:00:00Z"), 30, TOKYO);
    expect(daysLeft(due, new Date("2026-12-01T03:00:00Z"), TOKYO)).toBe(30);
    expect(daysLeft(due, new Date("2026-12-31T14:59:59Z"), TOKYO)).toBe(0);
    expect(daysLeft(due, new Date("2026-12-31T15:00:00Z"), TOKYO)).toBe(-1);
  });

  it("carries out an approved request after the grace period", () => {
    expect(executionTime(new Date("2026-12-01T00:00:00Z"), 24).toISOString()).toBe("2026-12-02T00:00:00.000Z");
    expect(executionTime(new Date("2026-12-01T00:00:00Z"), 0).toISOString()).toBe("2026-12-01T00:00:00.000Z");
  });
});
