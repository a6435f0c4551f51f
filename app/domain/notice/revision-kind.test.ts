import { describe, expect, it } from "vitest";
import { allowedKinds, defaultKind, isNoticeKind, nextRevisionNumber, parseRevisionNumber } from "./revision-kind";

describe("revision kinds", () => {
  it("offers the first report only while nothing is published", () => {
    expect(allowedKinds(false)).toEqual(["first"]);
    expect(defaultKind(false)).toBe("first");
  });

  it("offers an update or the final report once something is published", () => {
    expect(allowedKinds(true)).toEqual(["update", "final"]);
    expect(defaultKind(true)).toBe("update");
  });

  it("recognises only the three kinds", () => {
    expect(["first", "update", "final"].every(isNoticeKind)).toBe(true);
    for (const value of ["First", "draft", "", null, 1]) expect(isNoticeKind(value)).toBe(false);
  });

  it("numbers a new draft after the highest number used", () => {
    expect(nextRevisionNumber(null)).toBe(1);
    expect(nextRevisionNumber(undefined)).toBe(1);
    expect(nextRevisionNumber(2)).toBe(3);
  });

  it("reads a revision number from a URL, and nothing else", () => {
    expect(parseRevisionNumber("3")).toBe(3);
    expect(parseRevisionNumber("1000000")).toBe(1_000_000);
    for (const value of ["0", "-1", "03", "1e3", "3.0", " 3", "abc", "", "99999999", undefined]) {
      expect(parseRevisionNumber(value)).toBeNull();
    }
  });
});
