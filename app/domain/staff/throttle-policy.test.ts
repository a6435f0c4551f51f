import { describe, expect, it } from "vitest";
import { afterAttempt, delayFor, FAILURE_WINDOW_MS, LIMITS, LOCK_MS, lockEndsAt, lockThreshold, pastLimit, throttleKinds } from "./throttle-policy";

describe("sign-in throttle policy", () => {
  it("answers the first failures of an account from one client at once, then slows down, capped", () => {
    expect([0, 1, 2].map((n) => delayFor("pair", n))).toEqual([0, 0, 0]);
    expect([3, 4, 5, 6, 7, 9].map((n) => delayFor("pair", n))).toEqual([250, 500, 1000, 2000, 2000, 2000]);
  });

  it("gives a client (maybe a whole office) and an account across clients more room than one pair", () => {
    expect(delayFor("client", 19)).toBe(0);
    expect(delayFor("client", 20)).toBe(250);
    expect(delayFor("account", 19)).toBe(0);
    expect(LIMITS.client.lockAfter).toBeGreaterThan(LIMITS.pair.lockAfter);
    // NIST SP 800-63B: no more than 100 consecutive failures on one account.
    expect(LIMITS.account.lockAfter).toBe(100);
  });

  it("lets the limit's last attempt through and refuses the next, which only a simultaneous attempt reaches", () => {
    expect(pastLimit("pair", LIMITS.pair.lockAfter)).toBe(false);
    expect(pastLimit("pair", LIMITS.pair.lockAfter + 1)).toBe(true);
  });

  it("gives a stolen password ten guesses at the code, not the hundred of the account", () => {
    expect(LIMITS["second-factor"].lockAfter).toBe(10);
    expect(pastLimit("second-factor", 11)).toBe(true);
  });

  it("judges a browser the account signed in from by its own count alone", () => {
    expect(throttleKinds(true)).toEqual(["device"]);
    expect(throttleKinds(false)).toEqual(["pair", "account", "client"]);
  });

  it("locks a pair of account and client after ten failures within the window", () => {
    const now = new Date("2026-11-21T10:00:00Z");
    let result = afterAttempt(null, now);
    for (let i = 1; i < LIMITS.pair.lockAfter; i++) {
      expect(result.failures).toBeLessThan(lockThreshold("pair"));
      result = afterAttempt(result, new Date(now.getTime() + i * 1000));
    }
    expect(result.failures).toBe(lockThreshold("pair"));
    expect(lockThreshold("pair")).toBe(10);
    const last = new Date(now.getTime() + (LIMITS.pair.lockAfter - 1) * 1000);
    expect(lockEndsAt(last).getTime()).toBe(last.getTime() + LOCK_MS);
  });

  it("starts counting again after a quiet window", () => {
    const start = new Date("2026-11-21T10:00:00Z");
    const later = new Date(start.getTime() + FAILURE_WINDOW_MS + 1);
    expect(afterAttempt({ failures: 9, windowStart: start }, later)).toEqual({ failures: 1, windowStart: later });
  });
});
