import i18next from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { i18nOptions } from "~/i18n/config";
import { formatDate, formatDateTime, formatDays, formatInterval, formatLocalDate, formatWindow } from "./format";

const ja = i18next.createInstance();
const en = i18next.createInstance();
beforeAll(async () => {
  await ja.init({ ...i18nOptions, lng: "ja" });
  await en.init({ ...i18nOptions, lng: "en" });
});

describe("formatting in the desk's time zone", () => {
  const instant = "2026-11-24T00:00:00Z"; // 09:00 in Tokyo, still 23 Nov in London

  it("shows Japanese dates and 24-hour times in Tokyo time", () => {
    expect(formatDateTime(instant, "ja", "Asia/Tokyo")).toBe("11月24日(火) 9:00");
    expect(formatDate(instant, "ja", "Asia/Tokyo")).toBe("2026年11月24日");
  });

  it("shows English dates in the desk's zone, not the reader's", () => {
    expect(formatDateTime(instant, "en", "Asia/Tokyo")).toBe("Tue 24 Nov, 9:00");
    expect(formatDate(instant, "en", "Europe/London")).toBe("24 November 2026");
    expect(formatDateTime("2026-11-23T23:59:00Z", "en", "Europe/London")).toBe("Mon 23 Nov, 23:59");
  });

  it("shows a local calendar day without shifting it", () => {
    expect(formatLocalDate("2026-12-29", "ja")).toBe("12月29日(火)");
    expect(formatLocalDate("2026-12-29", "en")).toBe("Tue 29 Dec");
  });

  it("adds the year where dates may lie months ahead", () => {
    expect(formatLocalDate("2026-08-01", "ja", { withYear: true })).toBe("2026年8月1日(土)");
    expect(formatLocalDate("2026-08-01", "en", { withYear: true })).toBe("Sat, 1 Aug 2026");
    expect(formatLocalDate("2027-01-03", "ja", { withYear: true })).toBe("2027年1月3日(日)");
  });

  it("prints intervals, including one across midnight", () => {
    expect(formatInterval({ opensAt: 540, closesAt: 1260 }, ja.t)).toBe("9:00〜21:00");
    expect(formatInterval({ opensAt: 1320, closesAt: 1560 }, ja.t)).toBe("22:00〜翌2:00");
    expect(formatInterval({ opensAt: 1320, closesAt: 1560 }, en.t)).toBe("22:00–2:00 (next day)");
  });

  it("groups weekdays as ranges or lists", () => {
    expect(formatDays([1, 2, 3, 4, 5], ja.t)).toBe("月〜金");
    expect(formatDays([6, 7], ja.t)).toBe("土・日");
    expect(formatDays([1, 2, 3, 4, 5], en.t)).toBe("Mon–Fri");
    expect(formatDays([6, 7], en.t)).toBe("Sat, Sun");
    expect(formatDays([3], en.t)).toBe("Wed");
  });
});

describe("a window of time", () => {
  it("names the day once when both ends fall on it in the desk's zone", () => {
    expect(formatWindow("2026-12-08T01:00:00Z", "2026-12-08T02:00:00Z", "ja", "Asia/Tokyo")).toEqual({ from: "12月8日(火) 10:00", until: "11:00" });
    expect(formatWindow("2026-12-08T01:00:00Z", "2026-12-08T02:00:00Z", "en", "Asia/Tokyo")).toEqual({ from: "Tue 8 Dec, 10:00", until: "11:00" });
  });
  it("writes a morning hour with one digit, in both languages", () => {
    expect(formatWindow("2026-12-08T00:00:00Z", "2026-12-08T01:00:00Z", "en", "Asia/Tokyo")).toEqual({ from: "Tue 8 Dec, 9:00", until: "10:00" });
    expect(formatWindow("2026-12-08T00:00:00Z", "2026-12-08T01:00:00Z", "ja", "Asia/Tokyo")).toEqual({ from: "12月8日(火) 9:00", until: "10:00" });
  });
  it("names both days when it runs past midnight there", () => {
    expect(formatWindow("2026-12-08T14:00:00Z", "2026-12-08T16:00:00Z", "ja", "Asia/Tokyo")).toEqual({ from: "12月8日(火) 23:00", until: "12月9日(水) 1:00" });
  });
});
