import { describe, expect, it } from "vitest";
import { parseHeader } from "./header";

describe("import header", () => {
  it("takes the columns in any order, optional ones left out", () => {
    expect(parseHeader(["email", " external_id ", "categories", "group"])).toEqual({
      header: { width: 4, position: { email: 0, external_id: 1, categories: 2, group: 3 } },
    });
  });

  it("calls a first line without any known column a missing header", () => {
    expect(parseHeader(["M100001", "hanako@example.com"])).toEqual({ issues: [{ line: 1, reason: "missing-header" }] });
  });

  it("names unknown, repeated and missing columns, and a half legacy pair", () => {
    expect(parseHeader(["external_id", "email", "email", "colour", "legacy_hash"], 2)).toEqual({
      issues: [
        { line: 2, reason: "bad-header", detail: "twice:email" },
        { line: 2, reason: "bad-header", detail: "unknown:colour" },
        { line: 2, reason: "bad-header", detail: "missing:group" },
        { line: 2, reason: "bad-header", detail: "missing:categories" },
        { line: 2, reason: "bad-header", detail: "legacy-pair" },
      ],
    });
  });
});
