import { describe, expect, it } from "vitest";
import { labelledBuckets, peakOf, ticksOf, valueAxis } from "./chart-scale";

describe("valueAxis", () => {
  it("rounds the top up to a multiple of a 1-2-5 step", () => {
    expect(valueAxis(0)).toEqual({ top: 5, step: 1 });
    expect(valueAxis(3)).toEqual({ top: 3, step: 1 });
    expect(valueAxis(7)).toEqual({ top: 8, step: 2 });
    expect(valueAxis(42)).toEqual({ top: 50, step: 10 });
    expect(valueAxis(100)).toEqual({ top: 100, step: 20 });
    expect(valueAxis(1_234_567)).toEqual({ top: 1_500_000, step: 500_000 });
  });

  it("never steps by less than one, as the figures are counts", () => {
    expect(valueAxis(0.5).step).toBe(1);
  });
});

describe("ticksOf", () => {
  it("runs from zero to the top", () => {
    expect(ticksOf({ top: 50, step: 10 })).toEqual([0, 10, 20, 30, 40, 50]);
  });
});

describe("labelledBuckets", () => {
  it("labels every bucket when they fit", () => {
    expect([...labelledBuckets(7)]).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it("labels every n-th bucket and always the last", () => {
    const labelled = labelledBuckets(30);
    expect(labelled.size).toBeLessThanOrEqual(8);
    expect(labelled.has(0)).toBe(true);
    expect(labelled.has(29)).toBe(true);
    expect(labelled.has(28)).toBe(false);
  });

  it("labels nothing in an empty chart", () => {
    expect(labelledBuckets(0).size).toBe(0);
  });
});

describe("peakOf", () => {
  it("finds the first largest value", () => {
    expect(peakOf([1, 5, 3, 5])).toEqual({ value: 5, index: 1 });
    expect(peakOf([])).toBeNull();
  });
});
