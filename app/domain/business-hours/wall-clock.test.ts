import { describe, expect, it } from "vitest";
import { utc } from "./test-helpers";
import { wallClockFor } from "./wall-clock";

const instant = (timeZone: string, date: string, hhmm: string, extraDays = 0) => {
  const [hours = 0, minutes = 0] = hhmm.split(":").map(Number);
  return new Date(wallClockFor(timeZone).instantOf(date, extraDays * 1440 + hours * 60 + minutes));
};

describe("wall clock", () => {
  it("converts ordinary Tokyo times, including minutes past midnight of the next day", () => {
    expect(instant("Asia/Tokyo", "2019-07-31", "09:00")).toEqual(utc("2019-07-31 00:00"));
    expect(instant("Asia/Tokyo", "2019-07-31", "02:00", 1)).toEqual(utc("2019-07-31 17:00"));
    expect(instant("Asia/Tokyo", "2019-12-31", "00:00", 1)).toEqual(utc("2019-12-31 15:00"));
  });

  it("moves a London time in the spring-forward gap to the end of the gap", () => {
    expect(instant("Europe/London", "2026-03-29", "00:59")).toEqual(utc("2026-03-29 00:59"));
    expect(instant("Europe/London", "2026-03-29", "01:00")).toEqual(utc("2026-03-29 01:00"));
    expect(instant("Europe/London", "2026-03-29", "01:30")).toEqual(utc("2026-03-29 01:00"));
    expect(instant("Europe/London", "2026-03-29", "02:00")).toEqual(utc("2026-03-29 01:00"));
    expect(instant("Europe/London", "2026-03-29", "02:30")).toEqual(utc("2026-03-29 01:30"));
  });

  it("takes the first occurrence of an ambiguous London fall-back time", () => {
    expect(instant("Europe/London", "2026-10-25", "00:30")).toEqual(utc("2026-10-24 23:30"));
    expect(instant("Europe/London", "2026-10-25", "01:00")).toEqual(utc("2026-10-25 00:00"));
    expect(instant("Europe/London", "2026-10-25", "01:30")).toEqual(utc("2026-10-25 00:30"));
    expect(instant("Europe/London", "2026-10-25", "02:00")).toEqual(utc("2026-10-25 02:00"));
  });

  it("handles a half-hour gap (Lord Howe Island)", () => {
    expect(instant("Australia/Lord_Howe", "2026-10-04", "02:15")).toEqual(utc("2026-10-03 15:30"));
    expect(instant("Australia/Lord_Howe", "2026-10-04", "02:30")).toEqual(utc("2026-10-03 15:30"));
  });

  it("handles midnight itself falling into a gap or being skipped back over (Santiago)", () => {
    // 6 Sep 2026 00:00 −04 jumps to 01:00 −03.
    expect(instant("America/Santiago", "2026-09-06", "00:00")).toEqual(utc("2026-09-06 04:00"));
    // 5 Apr 2026 00:00 −03 falls back to 4 Apr 23:00 −04: the wall clock first reads 5 Apr 00:00 an hour later.
    expect(instant("America/Santiago", "2026-04-05", "00:00")).toEqual(utc("2026-04-05 04:00"));
    expect(instant("America/Santiago", "2026-04-04", "23:30")).toEqual(utc("2026-04-05 02:30"));
  });

  it("tells the local date of an instant in the zone, not in the process", () => {
    const tokyo = wallClockFor("Asia/Tokyo");
    expect(tokyo.localDateAt(utc("2019-07-14 14:59").getTime())).toBe("2019-07-14");
    expect(tokyo.localDateAt(utc("2019-07-14 15:00").getTime())).toBe("2019-07-15");
    const santiago = wallClockFor("America/Santiago");
    expect(santiago.localDateAt(utc("2026-04-05 03:30").getTime())).toBe("2026-04-04");
  });
});
