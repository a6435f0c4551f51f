import { describe, expect, it } from "vitest";
import { MAX_ATTEMPTS, retryDelayMs, shouldGiveUp } from "./retry";

const BASE_MS = 30_000; // the production default, OUTBOX_RETRY_BASE_SECONDS=30
const HOUR_MS = 60 * 60_000;

/** The times (from the first failure) at which a mail whose server never answers is tried, until it is given up. */
function attemptTimes(baseMs: number): number[] {
  const times = [0];
  for (let failed = 1; !shouldGiveUp(failed); failed++) times.push(times.at(-1)! + retryDelayMs(failed, baseMs));
  return times;
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

describe("a mail server down for an hour", () => {
  const times = attemptTimes(BASE_MS);

  it("leaves the mail queued: it is given up only after about two days of failures", () => {
    const failuresInTheHour = times.filter((time) => time < HOUR_MS).length;
    expect(shouldGiveUp(failuresInTheHour)).toBe(false);
    expect(times.length).toBe(MAX_ATTEMPTS);
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
    expect(attemptTimes(BASE_MS / 240).map((time) => time * 240)).toEqual(times);
  });
});
