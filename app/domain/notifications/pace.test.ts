import { describe, expect, it } from "vitest";
import { minutesLeft, nextHandOver, rateAt } from "./pace";

const at = (seconds: number) => new Date(Date.UTC(2026, 11, 7, 9, 0, 0) + seconds * 1000);
const steady = (ratePerMinute: number) => ({ ratePerMinute, rampUpMinutes: 0 });

describe("the pace of a campaign", () => {
  it("hands over the rate's share of the time since the last hand-over, whole mails only", () => {
    expect(nextHandOver(steady(600), { startedAt: at(0), releasedAt: at(0), now: at(5) }, 1000)).toEqual({ count: 50, releasedAt: at(5) });
    // 1.5 mails' worth: one now, and the clock keeps the half for the next look.
    expect(nextHandOver(steady(60), { startedAt: at(0), releasedAt: at(10), now: at(11.5) }, 1000)).toEqual({ count: 1, releasedAt: at(11) });
    expect(nextHandOver(steady(1), { startedAt: at(0), releasedAt: at(0), now: at(59) }, 1000)).toEqual({ count: 0, releasedAt: at(0) });
  });

  it("keeps what didn't fit under the batch's limit for the next look", () => {
    const first = nextHandOver(steady(6000), { startedAt: at(0), releasedAt: at(0), now: at(10) }, 400);
    expect(first).toEqual({ count: 400, releasedAt: at(4) });
    expect(nextHandOver(steady(6000), { startedAt: at(0), releasedAt: first.releasedAt, now: at(10) }, 400)).toEqual({ count: 400, releasedAt: at(8) });
  });

  it("never makes up for more than a minute, however long it waited", () => {
    expect(nextHandOver(steady(600), { startedAt: at(0), releasedAt: at(0), now: at(3600) }, 10_000).count).toBe(600);
    // A clock that went back hands over nothing rather than a negative count.
    expect(nextHandOver(steady(600), { startedAt: at(0), releasedAt: at(30), now: at(10) }, 1000).count).toBe(0);
  });

  it("climbs from a tenth of the rate to all of it over the ramp-up", () => {
    const pace = { ratePerMinute: 1000, rampUpMinutes: 10 };
    expect(rateAt(pace, 0)).toBe(100);
    expect(rateAt(pace, 5 * 60_000)).toBeCloseTo(550);
    expect(rateAt(pace, 10 * 60_000)).toBe(1000);
    expect(rateAt(pace, 60 * 60_000)).toBe(1000);
    expect(nextHandOver(pace, { startedAt: at(0), releasedAt: at(0), now: at(6) }, 1000).count).toBe(10);
  });

  it("tells the minutes left at this pace, through the rest of the ramp", () => {
    expect(minutesLeft(steady(100), 250, 0)).toBe(3);
    expect(minutesLeft(steady(100), 0, 0)).toBe(0);
    // Ramp of 2 minutes: 10 in the first, 55 in the second, then 100 a minute.
    expect(minutesLeft({ ratePerMinute: 100, rampUpMinutes: 2 }, 65, 0)).toBe(2);
    expect(minutesLeft({ ratePerMinute: 100, rampUpMinutes: 2 }, 66, 0)).toBe(3);
    expect(minutesLeft({ ratePerMinute: 100, rampUpMinutes: 2 }, 100, 5 * 60_000)).toBe(1);
  });
});
