import { describe, expect, it } from "vitest";
import { claimEnd, nextAttemptAt, retryDelayMs, type RetrySchedule } from "./retry";

const BASE_MS = 30_000; // the production default, OUTBOX_RETRY_BASE_SECONDS=30
const HOUR_MS = 60 * 60_000;
/** The outbox's schedule (app/models/outbox.server.ts): given up after 100 attempts. */
const MAIL: RetrySchedule = { baseMs: BASE_MS, maxAttempts: 100 };

/** The times (from the first failure) at which an item whose server never answers is tried, until it is given up. */
function attemptTimes(schedule: RetrySchedule): number[] {
  const times = [0];
  for (let failed = 1; ; failed++) {
    const next = nextAttemptAt(schedule, failed, new Date(times.at(-1)!));
    if (!next) return times;
    times.push(next.getTime());
  }
}

describe("retryDelayMs", () => {
  it("doubles from the base", () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, BASE_MS))).toEqual([30_000, 60_000, 120_000, 240_000]);
  });

  it("never waits longer than 60 bases (30 minutes by default), however many failures", () => {
    expect(retryDelayMs(12, BASE_MS)).toBe(30 * 60_000);
    expect(retryDelayMs(10_000, BASE_MS)).toBe(30 * 60_000);
    expect(retryDelayMs(10_000, 1_000)).toBe(60_000);
  });
});

describe("nextAttemptAt", () => {
  const now = new Date("2026-04-01T00:00:00Z");

  it("is the pause after the failures so far", () => {
    expect(nextAttemptAt(MAIL, 3, now)).toEqual(new Date(now.getTime() + 120_000));
  });

  it("gives up at the schedule's last attempt, not before", () => {
    expect(nextAttemptAt(MAIL, 99, now)).not.toBeNull();
    expect(nextAttemptAt(MAIL, 100, now)).toBeNull();
  });

  it("never gives up a schedule without a last attempt (the deletion webhook's)", () => {
    expect(nextAttemptAt({ baseMs: BASE_MS, maxAttempts: null }, 1_000_000, now)).toEqual(new Date(now.getTime() + 30 * 60_000));
  });
});

describe("a mail server down for an hour", () => {
  const times = attemptTimes(MAIL);

  it("leaves the mail queued: it is given up only after about two days of failures", () => {
    const failuresInTheHour = times.filter((time) => time < HOUR_MS).length;
    expect(nextAttemptAt(MAIL, failuresInTheHour, new Date(0))).not.toBeNull();
    expect(times.length).toBe(100);
    expect(times.at(-1)!).toBeGreaterThan(40 * HOUR_MS);
  });

  it("gets the mail out at most 30 minutes after the server returns, whenever in the hour it went down", () => {
    // The server is down from the first failure until `back`; the first attempt at or after it succeeds.
    for (let back = HOUR_MS - 45 * 60_000; back <= HOUR_MS + 45 * 60_000; back += 60_000) {
      const next = times.find((time) => time >= back)!;
      expect(next - back, `back after ${back / 60_000} min`).toBeLessThanOrEqual(30 * 60_000);
    }
  });

  it("scales with the base: a schedule 240 times faster is the same schedule", () => {
    expect(attemptTimes({ ...MAIL, baseMs: BASE_MS / 240 }).map((time) => time * 240)).toEqual(times);
  });
});

describe("claimEnd", () => {
  it("is the claim's length after the moment it was taken", () => {
    expect(claimEnd(new Date("2026-04-01T00:00:00Z"), 60_000)).toEqual(new Date("2026-04-01T00:01:00Z"));
  });
});
