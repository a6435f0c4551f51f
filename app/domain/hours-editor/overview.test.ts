import { describe, expect, it } from "vitest";
import { channelOverview, periodOf, PREVIEW_DAYS, type ChannelRecord } from "./overview";

const hours = (days: number[], opens: number, closes: number) => days.map((day) => ({ day, opensAt: opens * 60, closesAt: closes * 60 }));

// The demo phone desk, in July 2019: 15 July is Marine Day.
const phone: ChannelRecord = {
  key: "phone",
  kind: "phone",
  nameJa: "電話窓口",
  nameEn: "Phone desk",
  contact: "03-0000-0000",
  schedules: [
    { id: "later", effectiveFrom: "2019-08-01", effectiveUntil: null, holidayRule: "closed", intervals: hours([1, 2, 3, 4, 5], 9, 18) },
    {
      id: "now",
      effectiveFrom: "2019-06-01",
      effectiveUntil: "2019-07-31",
      holidayRule: "as-weekday",
      intervals: [...hours([1, 2, 3, 4, 5], 9, 21), ...hours([6, 7], 9, 18)],
    },
    { id: "old", effectiveFrom: "2019-01-01", effectiveUntil: "2019-05-31", holidayRule: "closed", intervals: [] },
  ],
  closures: [{ id: "c1", startsOn: "2019-07-24", endsOn: "2019-07-24", reasonJa: "臨時休業", reasonEn: "Closed for the day" }],
};
const shared = [{ id: "c2", startsOn: "2019-07-20", endsOn: "2019-07-21", reasonJa: "設備点検", reasonEn: "Maintenance" }];

describe("channelOverview", () => {
  const view = channelOverview(phone, shared, "Asia/Tokyo", "2019-07-13");

  it("lists schedules in date order, each marked past, current or coming", () => {
    expect(view.schedules.map(({ id, period }) => [id, period])).toEqual([
      ["old", "past"],
      ["now", "current"],
      ["later", "upcoming"],
    ]);
    expect(view.schedules[1]).toMatchObject({
      groups: [
        { days: [1, 2, 3, 4, 5], intervals: [{ opensAt: 540, closesAt: 1260 }] },
        { days: [6, 7], intervals: [{ opensAt: 540, closesAt: 1080 }] },
      ],
      holidayRule: "as-weekday",
    });
  });

  it("previews the next 14 days with holidays, closures from the channel and the whole desk, and hours", () => {
    expect(view.preview).toHaveLength(PREVIEW_DAYS);
    expect(view.preview[0]).toEqual({
      date: "2019-07-13",
      weekday: 6,
      holiday: false,
      closure: null,
      intervals: [{ opensAt: 540, closesAt: 1080 }],
    });
    const byDate = new Map(view.preview.map((day) => [day.date, day]));
    expect(byDate.get("2019-07-15")).toMatchObject({ holiday: true, intervals: [{ opensAt: 540, closesAt: 1260 }] });
    expect(byDate.get("2019-07-20")).toMatchObject({ closure: { reasonEn: "Maintenance" }, intervals: [] });
    expect(byDate.get("2019-07-24")).toMatchObject({ closure: { reasonJa: "臨時休業" }, intervals: [] });
    expect(view.preview.at(-1)?.date).toBe("2019-07-26");
  });

  it("lists only the channel's own closures under it", () => {
    expect(view.closures).toEqual([{ ...phone.closures[0], period: "upcoming" }]);
  });
});

describe("periodOf", () => {
  it("counts both ends as inside", () => {
    expect(periodOf("2019-07-13", "2019-07-13", "2019-07-13")).toBe("current");
    expect(periodOf("2019-07-14", null, "2019-07-13")).toBe("upcoming");
    expect(periodOf("2019-07-01", "2019-07-12", "2019-07-13")).toBe("past");
  });
});
