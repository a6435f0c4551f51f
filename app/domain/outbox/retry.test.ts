import { describe, expect, it } from "vitest";
import { MAX_ATTEMPTS, MAX_RETRY_DELAY_MS, retryDelayMs, shouldGiveUp } from "./retry";

describe("retryDelayMs", () => {
  it("doubles from the base", () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, 30_000))).toEqual([30_000, 60_000, 120_000, 240_000]);
  });

  it("never waits longer than the cap, however many failures", () => {
    expect(retryDelayMs(12, 30_000)).toBe(MAX_RETRY_DELAY_MS);
    expect(retryDelayMs(10_000, 30_000)).toBe(MAX_RETRY_DELAY_MS);
  });

  it("keeps trying a server that is down for an hour well before giving up", () => {
    let elapsed = 0;
    let attempts = 0;
    while (elapsed < 60 * 60_000) elapsed += retryDelayMs(++attempts, 30_000);
    expect(shouldGiveUp(attempts)).toBe(false);
    expect(shouldGiveUp(MAX_ATTEMPTS)).toBe(true);
  });
});
