import { describe, expect, it } from "vitest";
import { ageOf, percentDone } from "./age";

describe("waiting time", () => {
  it.each([
    [0, "seconds", 0],
    [-5_000, "seconds", 0],
    [59_999, "seconds", 59],
    [60_000, "minutes", 1],
    [3_599_000, "minutes", 59],
    [3_600_000, "hours", 1],
    [86_399_000, "hours", 23],
    [86_400_000, "days", 1],
    [10 * 86_400_000, "days", 10],
  ])("%d ms reads as %s", (ms, unit, count) => {
    expect(ageOf(ms)).toEqual({ unit, count });
  });
});

describe("percent done", () => {
  it("rounds down and stays within 0–100", () => {
    expect(percentDone(0, 0)).toBe(0);
    expect(percentDone(1, 3)).toBe(33);
    expect(percentDone(2, 3)).toBe(66);
    expect(percentDone(3, 3)).toBe(100);
    expect(percentDone(5, 3)).toBe(100);
  });
});
