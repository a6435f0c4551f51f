import { describe, expect, it } from "vitest";
import { addDays, isLocalDate, weekdayOf } from "./calendar";

describe("calendar", () => {
  it("accepts only real dates written YYYY-MM-DD", () => {
    expect(isLocalDate("2019-07-31")).toBe(true);
    expect(isLocalDate("2020-02-29")).toBe(true);
    expect(isLocalDate("2019-02-29")).toBe(false);
    expect(isLocalDate("2019-13-01")).toBe(false);
    expect(isLocalDate("2019-7-31")).toBe(false);
    expect(isLocalDate("2019-07-31T00:00")).toBe(false);
    expect(isLocalDate("0099-01-01")).toBe(false);
    expect(isLocalDate("")).toBe(false);
  });

  it("adds days across months, years and leap days", () => {
    expect(addDays("2019-07-31", 1)).toBe("2019-08-01");
    expect(addDays("2019-12-31", 1)).toBe("2020-01-01");
    expect(addDays("2020-02-28", 1)).toBe("2020-02-29");
    expect(addDays("2020-03-01", -1)).toBe("2020-02-29");
    expect(addDays("2020-01-01", 400)).toBe("2021-02-04");
  });

  it("numbers weekdays Monday = 1 … Sunday = 7", () => {
    expect(weekdayOf("2019-07-29")).toBe(1);
    expect(weekdayOf("2019-07-31")).toBe(3);
    expect(weekdayOf("2020-01-04")).toBe(6);
    expect(weekdayOf("2020-01-05")).toBe(7);
  });
});
