import { describe, expect, it } from "vitest";
import { auditDetailItems } from "./details";

describe("auditDetailItems", () => {
  it("has nothing to show for no details or an empty object", () => {
    expect(auditDetailItems(null)).toBeNull();
    expect(auditDetailItems("")).toBeNull();
    expect(auditDetailItems("{}")).toBeNull();
  });

  it("lists the keys in stored order, marking instants but not desk-local days", () => {
    expect(
      auditDetailItems(
        JSON.stringify({
          executeAfter: "2026-12-01T00:00:00.000Z",
          from: "2026-11-01",
          lines: 3,
        }),
      ),
    ).toEqual([
      {
        key: "executeAfter",
        value: { kind: "instant", iso: "2026-12-01T00:00:00.000Z" },
      },
      { key: "from", value: { kind: "text", text: "2026-11-01" } },
      { key: "lines", value: { kind: "text", text: "3" } },
    ]);
  });

  it("flattens nested objects to dotted keys and shows absent values as none", () => {
    expect(
      auditDetailItems(
        JSON.stringify({
          before: { hours: 24, at: "2026-11-24T09:00:00+09:00" },
          from: null,
          to: "u1",
          tags: ["a", "b"],
        }),
      ),
    ).toEqual([
      { key: "before.hours", value: { kind: "text", text: "24" } },
      {
        key: "before.at",
        value: { kind: "instant", iso: "2026-11-24T09:00:00+09:00" },
      },
      { key: "from", value: { kind: "none" } },
      { key: "to", value: { kind: "text", text: "u1" } },
      { key: "tags", value: { kind: "text", text: "a, b" } },
    ]);
  });

  it("does not take an impossible date for an instant", () => {
    expect(auditDetailItems(JSON.stringify({ at: "2026-13-45T99:00:00Z" }))).toEqual([{ key: "at", value: { kind: "text", text: "2026-13-45T99:00:00Z" } }]);
  });

  it("shows text that is not a JSON object as it is", () => {
    expect(auditDetailItems("not json")).toEqual([{ key: "", value: { kind: "text", text: "not json" } }]);
    expect(auditDetailItems("[1,2]")).toEqual([{ key: "", value: { kind: "text", text: "1, 2" } }]);
  });
});
