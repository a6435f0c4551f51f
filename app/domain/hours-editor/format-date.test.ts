import { describe, expect, it } from "vitest";
import { formatLocalDateWithYear } from "./format-date";

describe("formatLocalDateWithYear", () => {
  it("writes the calendar day with its year, whatever the server's zone", () => {
    expect(formatLocalDateWithYear("2026-08-01", "ja")).toBe("2026年8月1日(土)");
    expect(formatLocalDateWithYear("2026-08-01", "en")).toBe("Sat, 1 Aug 2026");
    expect(formatLocalDateWithYear("2027-01-03", "ja")).toBe("2027年1月3日(日)");
  });
});
