import { describe, expect, it } from "vitest";
import { channelView, type ChannelRecord } from "./desk-view";

const weekdays = [1, 2, 3, 4, 5];
const hours = (days: number[], opens: number, closes: number) => days.map((day) => ({ day, opensAt: opens * 60, closesAt: closes * 60 }));

// The two-period phone desk of PRODUCT.md, moved to a 2026 calendar.
const phone: ChannelRecord = {
  key: "phone",
  kind: "phone",
  name: "電話窓口",
  contact: "0120-000-000",
  schedules: [
    {
      effectiveFrom: "2026-11-01",
      effectiveUntil: "2026-11-30",
      holidayRule: "closed",
      intervals: [...hours(weekdays, 9, 21), ...hours([6, 7], 9, 18)],
    },
    { effectiveFrom: "2026-12-01", effectiveUntil: null, holidayRule: "closed", intervals: hours(weekdays, 9, 18) },
  ],
  closures: [
    { startsOn: "2026-12-29", endsOn: "2027-01-03", reason: "年末年始休業" },
    { startsOn: "2027-05-01", endsOn: "2027-05-05", reason: "too far ahead to announce" },
    { startsOn: "2026-10-01", endsOn: "2026-10-02", reason: "already over" },
  ],
};

describe("channelView", () => {
  it("is open on a Saturday afternoon in November and closes at 18:00 Tokyo time", () => {
    const view = channelView(phone, "Asia/Tokyo", new Date("2026-11-21T05:00:00Z")); // Sat 14:00 JST
    expect(view.open).toBe(true);
    expect(view.changesAt).toBe("2026-11-21T09:00:00.000Z");
    expect(view.current?.groups).toEqual([
      { days: [1, 2, 3, 4, 5], intervals: [{ opensAt: 540, closesAt: 1260 }] },
      { days: [6, 7], intervals: [{ opensAt: 540, closesAt: 1080 }] },
    ]);
    expect(view.current?.holidayRule).toBe("closed");
  });

  it("announces the schedule that starts on 1 December", () => {
    const view = channelView(phone, "Asia/Tokyo", new Date("2026-11-21T05:00:00Z"));
    expect(view.upcoming?.effectiveFrom).toBe("2026-12-01");
    expect(view.upcoming?.groups).toEqual([
      { days: [1, 2, 3, 4, 5], intervals: [{ opensAt: 540, closesAt: 1080 }] },
      { days: [6, 7], intervals: [] },
    ]);
  });

  it("skips the public holiday (Labour Thanksgiving Day, Mon 23 Nov) when closed", () => {
    const view = channelView(phone, "Asia/Tokyo", new Date("2026-11-22T10:00:00Z")); // Sun 19:00 JST
    expect(view.open).toBe(false);
    expect(view.changesAt).toBe("2026-11-24T00:00:00.000Z"); // Tue 09:00 JST
  });

  it("lists only closures that are current or within the notice period", () => {
    const view = channelView(phone, "Asia/Tokyo", new Date("2026-11-21T05:00:00Z"));
    expect(view.closures).toEqual([{ startsOn: "2026-12-29", endsOn: "2027-01-03", reason: "年末年始休業" }]);
  });

  it("reopens after the year-end closure on the first weekday of January", () => {
    const view = channelView(phone, "Asia/Tokyo", new Date("2026-12-28T10:00:00Z")); // Mon 19:00 JST
    expect(view.open).toBe(false);
    expect(view.changesAt).toBe("2027-01-04T00:00:00.000Z"); // Mon 4 Jan 09:00 JST
    expect(view.upcoming).toBeNull();
  });

  it("keeps a holiday's own hours", () => {
    const record: ChannelRecord = {
      ...phone,
      schedules: [
        {
          effectiveFrom: "2026-01-01",
          effectiveUntil: null,
          holidayRule: "own-hours",
          intervals: [...hours(weekdays, 10, 18), { day: 0, opensAt: 600, closesAt: 900 }],
        },
      ],
      closures: [],
    };
    const view = channelView(record, "Asia/Tokyo", new Date("2026-11-23T02:00:00Z")); // holiday 11:00 JST
    expect(view.open).toBe(true);
    expect(view.current?.holidayIntervals).toEqual([{ opensAt: 600, closesAt: 900 }]);
  });

  it("shows hours in order even when the database returned them afternoon first", () => {
    const record: ChannelRecord = {
      ...phone,
      schedules: [
        {
          effectiveFrom: "2026-01-01",
          effectiveUntil: null,
          holidayRule: "own-hours",
          intervals: [...hours(weekdays, 13, 18), ...hours([0], 13, 15), ...hours(weekdays, 9, 12), ...hours([0], 10, 12)],
        },
      ],
      closures: [],
    };
    const view = channelView(record, "Asia/Tokyo", new Date("2026-11-24T00:30:00Z")); // Tue 09:30 JST
    expect(view.open).toBe(true);
    expect(view.changesAt).toBe("2026-11-24T03:00:00.000Z"); // 12:00 JST
    expect(view.current?.groups).toEqual([
      {
        days: [1, 2, 3, 4, 5],
        intervals: [
          { opensAt: 540, closesAt: 720 },
          { opensAt: 780, closesAt: 1080 },
        ],
      },
      { days: [6, 7], intervals: [] },
    ]);
    expect(view.current?.holidayIntervals).toEqual([
      { opensAt: 600, closesAt: 720 },
      { opensAt: 780, closesAt: 900 },
    ]);
  });
});
