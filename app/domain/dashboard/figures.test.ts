import { describe, expect, it } from "vitest";
import { medianOf, medianOffset, percentOf, runningTotals } from "./figures";

/** The median of unsorted values, the way the figures read it: sort, skip, take. */
function medianBySkipAndTake(values: number[]): number | null {
  const middle = medianOffset(values.length);
  if (!middle) return medianOf([]);
  return medianOf([...values].sort((a, b) => a - b).slice(middle.skip, middle.skip + middle.take));
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
    expect(medianOffset(1)).toEqual({ skip: 0, take: 1 });
    expect(medianOffset(5)).toEqual({ skip: 2, take: 1 });
    expect(medianOf([45])).toBe(45);
    expect(medianBySkipAndTake([120, 30, 60, 10, 45])).toBe(45);
  });

  it("is the mean of the middle two of an even count, halves included", () => {
    expect(medianOffset(2)).toEqual({ skip: 0, take: 2 });
    expect(medianOffset(8)).toEqual({ skip: 3, take: 2 });
    expect(medianOf([45, 60])).toBe(52.5);
    expect(medianBySkipAndTake([15, 200, 600, 120, 30, 60, 10, 45])).toBe(52.5);
    expect(medianBySkipAndTake([7, 7])).toBe(7);
  });

  it("is null when nothing was answered", () => {
    expect(medianOffset(0)).toBeNull();
    expect(medianOffset(-1)).toBeNull();
    expect(medianOf([])).toBeNull();
    expect(medianBySkipAndTake([])).toBeNull();
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
