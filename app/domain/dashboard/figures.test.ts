import { describe, expect, it } from "vitest";
import { medianOfHistogram, percentOf, runningTotals } from "./figures";

/** The histogram of unsorted values, as the database's group-by gives it: by value, ascending. */
function histogramOf(values: number[]): Array<{ value: number; count: number }> {
  const counts = new Map<number, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => a - b).map(([value, count]) => ({ value, count }));
}

describe("running totals", () => {
  it("add each bucket's flow to the stock at the start", () => {
    expect(runningTotals(5, { sign: 1, steps: [1, 0, 2, 3] })).toEqual([6, 6, 8, 11]);
  });

  it("take an outflow away", () => {
    // Received minus answered: what is awaiting an answer at each bucket's end.
    expect(runningTotals(2, { sign: 1, steps: [1, 1, 2] }, { sign: -1, steps: [2, 0, 1] })).toEqual([1, 2, 3]);
  });

  it("run as long as the longest flow, the shorter one counting as zero after its end", () => {
    expect(runningTotals(0, { sign: 1, steps: [1, 1, 1] }, { sign: -1, steps: [1] })).toEqual([0, 1, 2]);
  });

  it("are empty without buckets", () => {
    expect(runningTotals(7)).toEqual([]);
    expect(runningTotals(7, { sign: 1, steps: [] })).toEqual([]);
  });
});

describe("the median", () => {
  it("is the middle one of an odd count", () => {
    expect(medianOfHistogram([{ value: 45, count: 1 }])).toBe(45);
    expect(medianOfHistogram(histogramOf([120, 30, 60, 10, 45]))).toBe(45);
    expect(
      medianOfHistogram([
        { value: 10, count: 2 },
        { value: 90, count: 1 },
      ]),
    ).toBe(10);
  });

  it("is the mean of the middle two of an even count, halves included, across bars", () => {
    expect(medianOfHistogram(histogramOf([45, 60]))).toBe(52.5);
    expect(medianOfHistogram(histogramOf([15, 200, 600, 120, 30, 60, 10, 45]))).toBe(52.5);
    expect(medianOfHistogram([{ value: 7, count: 2 }])).toBe(7);
    expect(
      medianOfHistogram([
        { value: 10, count: 3 },
        { value: 20, count: 3 },
      ]),
    ).toBe(15);
  });

  it("is null when nothing was answered", () => {
    expect(medianOfHistogram([])).toBeNull();
    expect(medianOfHistogram([{ value: 5, count: 0 }])).toBeNull();
  });
});

describe("a share in percent", () => {
  it("is rounded to a tenth", () => {
    expect(percentOf(1, 3)).toBe(33.3);
    expect(percentOf(2, 3)).toBe(66.7);
    expect(percentOf(1, 6)).toBe(16.7);
    expect(percentOf(1, 8)).toBe(12.5);
    expect(percentOf(7, 9)).toBe(77.8);
  });

  it("runs from 0 to 100", () => {
    expect(percentOf(0, 5)).toBe(0);
    expect(percentOf(9, 9)).toBe(100);
    expect(percentOf(1, 100_000)).toBe(0);
  });

  it("is null when there is nothing to share", () => {
    expect(percentOf(0, 0)).toBeNull();
    expect(percentOf(3, 0)).toBeNull();
  });
});
