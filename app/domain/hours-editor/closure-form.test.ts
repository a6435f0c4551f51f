import { describe, expect, it } from "vitest";
import { readClosureForm } from "./closure-form";
import { decodeMessage } from "./messages";

describe("readClosureForm", () => {
  it("reads a closure of one channel or of every channel", () => {
    const form = { channel: "phone", startsOn: "2026-08-13", endsOn: "2026-08-16", reasonJa: " 夏季休業 ", reasonEn: "Summer  holidays" };
    expect(readClosureForm(form)).toEqual({
      ok: true,
      value: { channel: "phone", startsOn: "2026-08-13", endsOn: "2026-08-16", reasonJa: "夏季休業", reasonEn: "Summer holidays" },
    });
    const all = readClosureForm({ ...form, channel: "all" });
    expect(all.ok && all.value.channel).toBeNull();
  });

  it("refuses missing fields, an end before the start and over-long reasons", () => {
    const read = readClosureForm({ startsOn: "2026-08-16", endsOn: "2026-08-13", reasonEn: "x".repeat(101) });
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(Object.fromEntries(Object.entries(read.errors.fieldErrors).map(([field, messages]) => [field, messages.map(decodeMessage)]))).toEqual({
      channel: [{ key: "staff-hours:errors.channelRequired" }],
      reasonJa: [{ key: "staff-hours:errors.required" }],
      reasonEn: [{ key: "staff-hours:errors.tooLong" }],
      endsOn: [{ key: "staff-hours:problems.closureReversed", values: { from: { date: "2026-08-16" } } }],
    });
  });

  it("refuses dates that do not exist", () => {
    const read = readClosureForm({ channel: "all", startsOn: "2026-02-29", endsOn: "2026-03-01", reasonJa: "a", reasonEn: "a" });
    expect(read.ok ? null : read.errors.fieldErrors).toEqual({ startsOn: ["staff-hours:errors.date"] });
  });
});
