import { describe, expect, it } from "vitest";
import { intervalsToText, parseIntervals } from "./parse-intervals";

const h = (hours: number) => hours * 60;

describe("parseIntervals", () => {
  it("reads one or more intervals in opening order as typed", () => {
    expect(parseIntervals("9:00-18:00")).toEqual({ ok: true, intervals: [{ opensAt: h(9), closesAt: h(18) }] });
    expect(parseIntervals("9:00-12:00, 13:30-18:00")).toEqual({
      ok: true,
      intervals: [
        { opensAt: h(9), closesAt: h(12) },
        { opensAt: h(13) + 30, closesAt: h(18) },
      ],
    });
  });

  it("accepts what a Japanese keyboard types: full-width digits, 〜, ～, 、 and spaces", () => {
    const expected = {
      ok: true,
      intervals: [
        { opensAt: h(9), closesAt: h(12) },
        { opensAt: h(13), closesAt: h(18) },
      ],
    };
    expect(parseIntervals("９：００〜１２：００、１３：００～１８：００")).toEqual(expected);
    expect(parseIntervals(" 9:00 - 12:00   13:00 – 18:00 ")).toEqual(expected);
    expect(parseIntervals("9-12; 13-18")).toEqual(expected);
  });

  it("treats an empty field and the words for closed as a closed day", () => {
    for (const closed of ["", "   ", "休業", "休み", "Closed", "ＣＬＯＳＥＤ"]) {
      expect(parseIntervals(closed), closed).toEqual({ ok: true, intervals: [] });
    }
  });

  it("reads a closing time before the opening as the next day", () => {
    expect(parseIntervals("22:00-02:00")).toEqual({ ok: true, intervals: [{ opensAt: h(22), closesAt: h(26) }] });
    // The same reading applies however long the night: this is 15 hours, to 9:00 the next day.
    expect(parseIntervals("18:00-09:00")).toEqual({ ok: true, intervals: [{ opensAt: h(18), closesAt: h(33) }] });
  });

  it("reads 翌 and hours past 24 as the next day, up to 24 hours in all", () => {
    expect(parseIntervals("22:00-翌2:00")).toEqual({ ok: true, intervals: [{ opensAt: h(22), closesAt: h(26) }] });
    expect(parseIntervals("22:00-26:00")).toEqual({ ok: true, intervals: [{ opensAt: h(22), closesAt: h(26) }] });
    expect(parseIntervals("0:00-24:00")).toEqual({ ok: true, intervals: [{ opensAt: 0, closesAt: h(24) }] });
    expect(parseIntervals("9:00-翌9:00")).toEqual({ ok: true, intervals: [{ opensAt: h(9), closesAt: h(33) }] });
    expect(parseIntervals("9:00-翌10:00")).toEqual({ ok: false, errors: [{ code: "too-long", text: "9:00-翌10:00" }] });
    expect(parseIntervals("9:00-34:00")).toEqual({ ok: false, errors: [{ code: "too-long", text: "9:00-34:00" }] });
  });

  it("refuses times that do not exist", () => {
    expect(parseIntervals("25:00-26:00")).toEqual({
      ok: false,
      errors: [{ code: "opening-out-of-range", text: "25:00-26:00" }],
    });
    expect(parseIntervals("24:00-25:00").ok).toBe(false);
    expect(parseIntervals("9:60-18:00")).toEqual({ ok: false, errors: [{ code: "opening-out-of-range", text: "9:60-18:00" }] });
    expect(parseIntervals("9:00-18:75")).toEqual({ ok: false, errors: [{ code: "closing-out-of-range", text: "9:00-18:75" }] });
    expect(parseIntervals("9:00-翌25:00")).toEqual({ ok: false, errors: [{ code: "closing-out-of-range", text: "9:00-翌25:00" }] });
    expect(parseIntervals("9:00-49:00")).toEqual({ ok: false, errors: [{ code: "closing-out-of-range", text: "9:00-49:00" }] });
  });

  it("refuses an interval that opens and closes at the same time", () => {
    expect(parseIntervals("9:00-9:00")).toEqual({ ok: false, errors: [{ code: "empty", text: "9:00-9:00" }] });
  });

  it("quotes what it could not read, once", () => {
    expect(parseIntervals("9時から18時, 9:00-18:00, 13:00")).toEqual({
      ok: false,
      errors: [{ code: "format", text: "9時から18時 13:00" }],
    });
    expect(parseIntervals("25:00-26:00, 9時")).toEqual({
      ok: false,
      errors: [
        { code: "format", text: "9時" },
        { code: "opening-out-of-range", text: "25:00-26:00" },
      ],
    });
    expect(parseIntervals("x".repeat(50))).toEqual({ ok: false, errors: [{ code: "format", text: `${"x".repeat(30)}…` }] });
  });

  it("leaves overlaps to scheduleProblems", () => {
    expect(parseIntervals("9:00-12:00, 11:00-14:00").ok).toBe(true);
  });
});

describe("intervalsToText", () => {
  it("writes intervals so that parseIntervals reads them back", () => {
    const cases = [
      [],
      [{ opensAt: h(9), closesAt: h(18) }],
      [
        { opensAt: h(13), closesAt: h(18) },
        { opensAt: h(9) + 30, closesAt: h(12) },
      ],
      [{ opensAt: h(22), closesAt: h(26) }],
      [{ opensAt: h(9), closesAt: h(33) }],
      [{ opensAt: 0, closesAt: h(24) }],
    ];
    for (const intervals of cases) {
      const text = intervalsToText(intervals);
      const sorted = [...intervals].sort((a, b) => a.opensAt - b.opensAt);
      expect(parseIntervals(text), text).toEqual({ ok: true, intervals: sorted });
    }
  });

  it("reads naturally", () => {
    expect(
      intervalsToText([
        { opensAt: h(13), closesAt: h(18) },
        { opensAt: h(9) + 30, closesAt: h(12) },
      ]),
    ).toBe("9:30-12:00, 13:00-18:00");
    expect(intervalsToText([{ opensAt: h(22), closesAt: h(26) }])).toBe("22:00-2:00");
    expect(intervalsToText([{ opensAt: h(9), closesAt: h(33) }])).toBe("9:00-翌9:00");
  });
});
