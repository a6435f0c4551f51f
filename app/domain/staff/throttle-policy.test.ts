import { describe, expect, it } from "vitest";
import { afterFailure, delayFor, FAILURE_WINDOW_MS, LIMITS, LOCK_MS } from "./throttle-policy";

describe("sign-in throttle policy", () => {
  it("answers an account's first failures at once, then slows down, capped", () => {
    expect([0, 1, 2].map((n) => delayFor("account", n))).toEqual([0, 0, 0]);
    expect([3, 4, 5, 6, 7, 9].map((n) => delayFor("account", n))).toEqual([250, 500, 1000, 2000, 2000, 2000]);
  });

  it("gives a client (maybe a whole office) more room than one account", () => {
    expect(delayFor("client", 19)).toBe(0);
    expect(delayFor("client", 20)).toBe(250);
    expect(LIMITS.client.lockAfter).toBeGreaterThan(LIMITS.account.lockAfter);
  });

  it("locks an account after ten failures within the window", () => {
    const now = new Date("2026-11-21T10:00:00Z");
    let result = afterFailure("account", null, now);
    for (let i = 1; i < LIMITS.account.lockAfter; i++) {
      expect(result.lockedUntil).toBeNull();
      result = afterFailure("account", result, new Date(now.getTime() + i * 1000));
    }
    expect(result.failures).toBe(LIMITS.account.lockAfter);
    expect(result.lockedUntil?.getTime()).toBe(now.getTime() + (LIMITS.account.lockAfter - 1) * 1000 + LOCK_MS);
  });

  it("starts counting again after a quiet window", () => {
    const start = new Date("2026-11-21T10:00:00Z");
    const later = new Date(start.getTime() + FAILURE_WINDOW_MS + 1);
    expect(afterFailure("account", { failures: 9, windowStart: start }, later)).toEqual({
      failures: 1,
      windowStart: later,
      lockedUntil: null,
    });
  });
});
