import { describe, expect, it } from "vitest";
import { decodeMessage, encodeMessage } from "./messages";

describe("encodeMessage / decodeMessage", () => {
  it("keeps a message without values a plain i18n key", () => {
    expect(encodeMessage("staff-hours:errors.required")).toBe("staff-hours:errors.required");
    expect(decodeMessage("staff-hours:errors.required")).toEqual({ key: "staff-hours:errors.required" });
  });

  it("carries raw values to be formatted by the reader's language", () => {
    const values = { first: { interval: { opensAt: 540, closesAt: 720 } }, from: { date: "2026-08-01" }, text: "9:00" };
    expect(decodeMessage(encodeMessage("staff-hours:problems.x", values))).toEqual({ key: "staff-hours:problems.x", values });
  });

  it("shows anything else as it came", () => {
    expect(decodeMessage("{not json")).toEqual({ key: "{not json" });
    expect(decodeMessage('{"nokey":1}')).toEqual({ key: '{"nokey":1}' });
  });
});
