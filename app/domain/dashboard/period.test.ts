import { describe, expect, it } from "vitest";
import { bucketsOf, defaultPeriod, MAX_PERIOD_DAYS, PeriodSchema, periodLength, type Bucket } from "./period";

const TOKYO = "Asia/Tokyo";
// Europe/London in 2026: clocks go forward on Sun 29 March (01:00 GMT → 02:00 BST) and back
// on Sun 25 October (02:00 BST → 01:00 GMT).
const LONDON = "Europe/London";

const bucket = (day: string, start: string, end: string): Bucket => ({ day, start: new Date(start), end: new Date(end) });
const hoursOf = ({ start, end }: Bucket) => (end.getTime() - start.getTime()) / 3_600_000;

/** The issues of a rejected period, as the form shows them: field and message key. */
function issuesOf(input: unknown) {
  const result = PeriodSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => ({ path: issue.path, message: issue.message }));
}

describe("the length of a period", () => {
  it("counts both its first and its last day", () => {
    expect(periodLength({ from: "2026-11-10", to: "2026-11-10" })).toBe(1);
    expect(periodLength({ from: "2026-11-10", to: "2026-11-16" })).toBe(7);
    expect(periodLength({ from: "2026-01-01", to: "2026-12-31" })).toBe(365);
    expect(periodLength({ from: "2028-01-01", to: "2028-12-31" })).toBe(366);
  });

  it("counts calendar days, whatever the clocks do", () => {
    expect(periodLength({ from: "2026-03-28", to: "2026-03-30" })).toBe(3);
    expect(periodLength({ from: "2026-10-24", to: "2026-10-26" })).toBe(3);
  });

  it("is zero or less when the last day comes before the first", () => {
    expect(periodLength({ from: "2026-11-10", to: "2026-11-09" })).toBe(0);
    expect(periodLength({ from: "2026-11-10", to: "2026-11-01" })).toBe(-8);
  });
});

describe("a period's buckets", () => {
  it("run from local midnight to local midnight in Tokyo, a UTC day earlier", () => {
    expect(bucketsOf({ from: "2026-11-10", to: "2026-11-12" }, TOKYO)).toEqual({
      days: 1,
      list: [
        bucket("2026-11-10", "2026-11-09T15:00:00Z", "2026-11-10T15:00:00Z"),
        bucket("2026-11-11", "2026-11-10T15:00:00Z", "2026-11-11T15:00:00Z"),
        bucket("2026-11-12", "2026-11-11T15:00:00Z", "2026-11-12T15:00:00Z"),
      ],
      start: new Date("2026-11-09T15:00:00Z"),
      end: new Date("2026-11-12T15:00:00Z"),
    });
  });

  it("make the day London springs forward 23 hours long", () => {
    const buckets = bucketsOf({ from: "2026-03-28", to: "2026-03-30" }, LONDON);
    expect(buckets.list).toEqual([
      bucket("2026-03-28", "2026-03-28T00:00:00Z", "2026-03-29T00:00:00Z"),
      bucket("2026-03-29", "2026-03-29T00:00:00Z", "2026-03-29T23:00:00Z"),
      bucket("2026-03-30", "2026-03-29T23:00:00Z", "2026-03-30T23:00:00Z"),
    ]);
    expect(buckets.list.map(hoursOf)).toEqual([24, 23, 24]);
  });

  it("make the day London falls back 25 hours long", () => {
    const buckets = bucketsOf({ from: "2026-10-24", to: "2026-10-26" }, LONDON);
    expect(buckets.list).toEqual([
      bucket("2026-10-24", "2026-10-23T23:00:00Z", "2026-10-24T23:00:00Z"),
      bucket("2026-10-25", "2026-10-24T23:00:00Z", "2026-10-26T00:00:00Z"),
      bucket("2026-10-26", "2026-10-26T00:00:00Z", "2026-10-27T00:00:00Z"),
    ]);
    expect(buckets.list.map(hoursOf)).toEqual([24, 25, 24]);
    expect(buckets.start).toEqual(new Date("2026-10-23T23:00:00Z"));
    expect(buckets.end).toEqual(new Date("2026-10-27T00:00:00Z"));
  });

  it("leave no gap and no overlap between one bucket and the next", () => {
    const { list, start, end } = bucketsOf({ from: "2026-01-01", to: "2026-12-31" }, LONDON);
    expect(list[0]?.start).toEqual(start);
    expect(list.at(-1)?.end).toEqual(end);
    for (const [index, each] of list.entries()) if (index > 0) expect(each.start).toEqual(list[index - 1]?.end);
  });

  it("are a day each up to 92 days", () => {
    // 1 January to 2 April 2026 is 92 days, across London's spring forward.
    const buckets = bucketsOf({ from: "2026-01-01", to: "2026-04-02" }, LONDON);
    expect(buckets.days).toBe(1);
    expect(buckets.list).toHaveLength(92);
    expect(buckets.list.at(-1)).toEqual(bucket("2026-04-02", "2026-04-01T23:00:00Z", "2026-04-02T23:00:00Z"));
    expect(buckets.end).toEqual(new Date("2026-04-02T23:00:00Z"));
  });

  it("are a week each from 93 days, the last one only as long as what is left", () => {
    const buckets = bucketsOf({ from: "2026-01-01", to: "2026-04-03" }, LONDON);
    expect(buckets.days).toBe(7);
    expect(buckets.list.map((each) => each.day)).toEqual([
      "2026-01-01",
      "2026-01-08",
      "2026-01-15",
      "2026-01-22",
      "2026-01-29",
      "2026-02-05",
      "2026-02-12",
      "2026-02-19",
      "2026-02-26",
      "2026-03-05",
      "2026-03-12",
      "2026-03-19",
      "2026-03-26",
      "2026-04-02",
    ]);
    expect(buckets.list.slice(-2)).toEqual([
      // The week of the spring forward is an hour short...
      bucket("2026-03-26", "2026-03-26T00:00:00Z", "2026-04-01T23:00:00Z"),
      // ...and the 93rd day leaves a last bucket of two days, 2 and 3 April.
      bucket("2026-04-02", "2026-04-01T23:00:00Z", "2026-04-03T23:00:00Z"),
    ]);
    expect(buckets.list.map(hoursOf)).toEqual([...Array<number>(12).fill(168), 167, 48]);
    expect(buckets.start).toEqual(new Date("2026-01-01T00:00:00Z"));
    expect(buckets.end).toEqual(new Date("2026-04-03T23:00:00Z"));
  });

  it("cover the longest period allowed in 53 weeks", () => {
    const buckets = bucketsOf({ from: "2027-01-01", to: "2028-01-01" }, TOKYO);
    expect(periodLength({ from: "2027-01-01", to: "2028-01-01" })).toBe(MAX_PERIOD_DAYS);
    expect(buckets.list).toHaveLength(53);
    expect(buckets.list.at(-1)).toEqual(bucket("2027-12-31", "2027-12-30T15:00:00Z", "2028-01-01T15:00:00Z"));
  });

  it("are a single day for a period of one day", () => {
    expect(bucketsOf({ from: "2026-11-10", to: "2026-11-10" }, TOKYO)).toEqual({
      days: 1,
      list: [bucket("2026-11-10", "2026-11-09T15:00:00Z", "2026-11-10T15:00:00Z")],
      start: new Date("2026-11-09T15:00:00Z"),
      end: new Date("2026-11-10T15:00:00Z"),
    });
  });
});

describe("the period form", () => {
  it("takes two real days, trimmed, the first not after the last", () => {
    expect(PeriodSchema.parse({ from: " 2026-11-10 ", to: "2026-11-16\n" })).toEqual({ from: "2026-11-10", to: "2026-11-16" });
    expect(PeriodSchema.parse({ from: "2026-11-10", to: "2026-11-10" })).toEqual({ from: "2026-11-10", to: "2026-11-10" });
  });

  it("refuses a day that doesn't exist, naming the field", () => {
    expect(issuesOf({ from: "2026-02-30", to: "2026-03-31" })).toEqual([{ path: ["from"], message: "dashboard:errors.fromInvalid" }]);
    expect(issuesOf({ from: "2026-02-01", to: "2026-02-29" })).toEqual([{ path: ["to"], message: "dashboard:errors.toInvalid" }]);
    expect(issuesOf({ from: "2026-11-10", to: "2026-13-01" })).toEqual([{ path: ["to"], message: "dashboard:errors.toInvalid" }]);
    expect(issuesOf({ from: "10/11/2026", to: "2026-11-16" })).toEqual([{ path: ["from"], message: "dashboard:errors.fromInvalid" }]);
  });

  it("says only that a day doesn't exist, not also that the period runs backwards", () => {
    // 30 February is read by Date.parse as 2 March, which would put it after 1 March.
    expect(issuesOf({ from: "2026-02-30", to: "2026-03-01" })).toEqual([{ path: ["from"], message: "dashboard:errors.fromInvalid" }]);
    // ...and 31 February as 3 March, which would make this period 367 days long.
    expect(issuesOf({ from: "2025-03-02", to: "2026-02-31" })).toEqual([{ path: ["to"], message: "dashboard:errors.toInvalid" }]);
  });

  it("refuses missing or non-text days", () => {
    expect(issuesOf({})).toEqual([
      { path: ["from"], message: "dashboard:errors.fromInvalid" },
      { path: ["to"], message: "dashboard:errors.toInvalid" },
    ]);
    expect(issuesOf({ from: 20261110, to: "" })).toEqual([
      { path: ["from"], message: "dashboard:errors.fromInvalid" },
      { path: ["to"], message: "dashboard:errors.toInvalid" },
    ]);
  });

  it("refuses a last day before the first", () => {
    expect(issuesOf({ from: "2026-11-16", to: "2026-11-15" })).toEqual([{ path: ["to"], message: "dashboard:errors.toBeforeFrom" }]);
  });

  it("takes a year and a day at most", () => {
    expect(issuesOf({ from: "2027-01-01", to: "2028-01-01" })).toEqual([]);
    expect(issuesOf({ from: "2028-01-01", to: "2028-12-31" })).toEqual([]);
    expect(issuesOf({ from: "2027-01-01", to: "2028-01-02" })).toEqual([{ path: ["to"], message: "dashboard:errors.tooLong" }]);
  });
});

describe("the default period", () => {
  it("is the last 30 days of the desk's calendar, today included", () => {
    // 01:00 on 17 November in Tokyo is still 16 November in UTC.
    expect(defaultPeriod(new Date("2026-11-16T16:00:00Z"), TOKYO)).toEqual({ from: "2026-10-19", to: "2026-11-17" });
    expect(defaultPeriod(new Date("2026-11-16T14:59:59.999Z"), TOKYO)).toEqual({ from: "2026-10-18", to: "2026-11-16" });
    expect(periodLength(defaultPeriod(new Date("2026-11-16T16:00:00Z"), TOKYO))).toBe(30);
  });

  it("follows the zone's own midnight in summer time", () => {
    // 00:30 BST on 1 April is 23:30 UTC on 31 March.
    expect(defaultPeriod(new Date("2026-03-31T23:30:00Z"), LONDON)).toEqual({ from: "2026-03-03", to: "2026-04-01" });
  });
});
