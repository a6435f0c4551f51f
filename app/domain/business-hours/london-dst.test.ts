// Europe/London in 2026: clocks go forward 29 March 01:00 GMT → 02:00 BST and back
// 25 October 02:00 BST → 01:00 GMT. Instants are written in UTC to stay unambiguous.
import { describe, expect, it } from "vitest";
import { addBusinessMinutes, businessMinutesBetween, deskStatus, isOpenAt, nextClosing, nextOpening, openSpans } from "./index";
import { everyDay, hoursWithoutHolidays, interval, schedule, utc } from "./test-helpers";
import type { ChannelHours, OpenInterval } from "./types";

const londonDesk = (...intervals: OpenInterval[]): ChannelHours => hoursWithoutHolidays("Europe/London", [schedule({ week: everyDay(intervals) })]);

const earlyHours = londonDesk(interval("00:30", "03:00"));
const lateEvening = londonDesk(interval("22:00", "26:00"));

describe("London spring forward (Sun 29 March 2026)", () => {
  it("00:30–03:00 lasts 90 real minutes", () => {
    expect(openSpans(earlyHours, utc("2026-03-29 00:00"), utc("2026-03-29 12:00"))).toEqual([{ start: utc("2026-03-29 00:30"), end: utc("2026-03-29 02:00") }]);
    expect(businessMinutesBetween(earlyHours, utc("2026-03-29 00:00"), utc("2026-03-29 12:00"))).toBe(90);
    // The next night, on BST, it is the full 150 minutes again (00:30 BST = 23:30 UTC).
    expect(businessMinutesBetween(earlyHours, utc("2026-03-29 23:00"), utc("2026-03-30 12:00"))).toBe(150);
  });

  it("Sat 22:00 – Sun 02:00 lasts 3 real hours", () => {
    expect(businessMinutesBetween(lateEvening, utc("2026-03-28 12:00"), utc("2026-03-29 12:00"))).toBe(180);
    expect(nextClosing(lateEvening, utc("2026-03-28 23:00"))).toEqual(utc("2026-03-29 01:00"));
  });

  it("adds business minutes across the missing hour", () => {
    const opening = utc("2026-03-28 22:00");
    expect(addBusinessMinutes(lateEvening, opening, 120)).toEqual(utc("2026-03-29 00:00"));
    // The 180th minute ends exactly at the 02:00 BST closing.
    expect(addBusinessMinutes(lateEvening, opening, 180)).toEqual(utc("2026-03-29 01:00"));
    // One more minute runs into Sunday evening's 22:00 BST opening.
    expect(addBusinessMinutes(lateEvening, opening, 181)).toEqual(utc("2026-03-29 21:01"));
  });

  it("moves an opening that falls in the gap to 02:00 BST", () => {
    const gapOpening = londonDesk(interval("01:30", "04:00"));
    expect(nextOpening(gapOpening, utc("2026-03-28 12:00"))).toEqual(utc("2026-03-29 01:00"));
    expect(isOpenAt(gapOpening, utc("2026-03-29 00:59"))).toBe(false);
    expect(deskStatus(gapOpening, utc("2026-03-29 01:00"))).toEqual({
      open: true,
      changesAt: utc("2026-03-29 03:00"),
    });
    expect(businessMinutesBetween(gapOpening, utc("2026-03-29 00:00"), utc("2026-03-29 12:00"))).toBe(120);
  });

  it("does not open at all for an interval lying wholly in the gap", () => {
    const vanished = londonDesk(interval("01:00", "02:00"));
    expect(nextOpening(vanished, utc("2026-03-28 12:00"))).toEqual(utc("2026-03-30 00:00"));
    expect(businessMinutesBetween(vanished, utc("2026-03-29 00:00"), utc("2026-03-29 12:00"))).toBe(0);
  });
});

describe("London fall back (Sun 25 October 2026)", () => {
  it("00:30–03:00 lasts 210 real minutes", () => {
    expect(openSpans(earlyHours, utc("2026-10-24 12:00"), utc("2026-10-25 12:00"))).toEqual([{ start: utc("2026-10-24 23:30"), end: utc("2026-10-25 03:00") }]);
    expect(businessMinutesBetween(earlyHours, utc("2026-10-24 12:00"), utc("2026-10-25 12:00"))).toBe(210);
  });

  it("Sat 22:00 – Sun 02:00 lasts 5 real hours", () => {
    expect(businessMinutesBetween(lateEvening, utc("2026-10-24 12:00"), utc("2026-10-25 12:00"))).toBe(300);
    expect(deskStatus(lateEvening, utc("2026-10-25 01:30"))).toEqual({
      open: true,
      changesAt: utc("2026-10-25 02:00"),
    });
  });

  it("closes at the first 01:30 when the closing is ambiguous", () => {
    const closesInOverlap = londonDesk(interval("00:00", "01:30"));
    expect(nextClosing(closesInOverlap, utc("2026-10-24 23:30"))).toEqual(utc("2026-10-25 00:30"));
    // During the repeated hour (01:15 GMT) the desk has already closed.
    expect(deskStatus(closesInOverlap, utc("2026-10-25 01:15"))).toEqual({
      open: false,
      changesAt: utc("2026-10-26 00:00"),
    });
  });

  it("opens at the first 01:30 when the opening is ambiguous", () => {
    const opensInOverlap = londonDesk(interval("01:30", "03:00"));
    expect(nextOpening(opensInOverlap, utc("2026-10-24 12:00"))).toEqual(utc("2026-10-25 00:30"));
    expect(isOpenAt(opensInOverlap, utc("2026-10-25 01:15"))).toBe(true);
    expect(businessMinutesBetween(opensInOverlap, utc("2026-10-24 12:00"), utc("2026-10-25 12:00"))).toBe(150);
  });

  it("adds business minutes across the repeated hour", () => {
    expect(addBusinessMinutes(earlyHours, utc("2026-10-24 23:00"), 200)).toEqual(utc("2026-10-25 02:50"));
    expect(addBusinessMinutes(lateEvening, utc("2026-10-24 21:00"), 300)).toEqual(utc("2026-10-25 02:00"));
  });
});
