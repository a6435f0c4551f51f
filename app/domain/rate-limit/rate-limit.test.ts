import { describe, expect, it } from "vitest";
import { counterKey, isOverLimit, windowEnd, type RateRule } from "./rate-limit";

const rule: RateRule = { name: "check:address", limit: 3, windowMs: 60 * 60_000 };

describe("counterKey", () => {
  it("is one counter per rule and subject, whatever the time", () => {
    expect(counterKey(rule, "h")).toBe("check:address:h");
  });

  it("keeps subjects and rules apart", () => {
    expect(counterKey(rule, "a")).not.toBe(counterKey(rule, "b"));
    expect(counterKey(rule, "a")).not.toBe(counterKey({ ...rule, name: "check:client" }, "a"));
  });
});

describe("windowEnd", () => {
  it("closes a window one rule's length after the request that opened it, not on the clock's hour", () => {
    expect(windowEnd(rule, new Date("2026-11-21T10:59:30Z")).toISOString()).toBe("2026-11-21T11:59:30.000Z");
  });
});

describe("isOverLimit", () => {
  it("allows up to the limit and refuses beyond it", () => {
    expect(isOverLimit(rule, 3)).toBe(false);
    expect(isOverLimit(rule, 4)).toBe(true);
  });
});
