import { describe, expect, it } from "vitest";
import { counterFor, isOverLimit, type RateRule } from "./rate-limit";

const rule: RateRule = { name: "check:address", limit: 3, windowMs: 60 * 60_000 };

describe("counterFor", () => {
  it("puts requests of the same window on one counter", () => {
    const a = counterFor(rule, "h", new Date("2026-11-21T10:00:00Z"));
    const b = counterFor(rule, "h", new Date("2026-11-21T10:59:59.999Z"));
    expect(a).toEqual(b);
    expect(a.expiresAt.toISOString()).toBe("2026-11-21T11:00:00.000Z");
  });

  it("starts a new counter with the next window", () => {
    const a = counterFor(rule, "h", new Date("2026-11-21T10:59:59Z"));
    const b = counterFor(rule, "h", new Date("2026-11-21T11:00:00Z"));
    expect(a.key).not.toBe(b.key);
  });

  it("keeps subjects and rules apart", () => {
    const now = new Date("2026-11-21T10:00:00Z");
    expect(counterFor(rule, "a", now).key).not.toBe(counterFor(rule, "b", now).key);
    expect(counterFor(rule, "a", now).key).not.toBe(counterFor({ ...rule, name: "check:client" }, "a", now).key);
  });
});

describe("isOverLimit", () => {
  it("allows up to the limit and refuses beyond it", () => {
    expect(isOverLimit(rule, 3)).toBe(false);
    expect(isOverLimit(rule, 4)).toBe(true);
  });
});
