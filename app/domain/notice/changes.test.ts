import { describe, expect, it } from "vitest";
import { changedFields, setChanges } from "./changes";

describe("changedFields", () => {
  it("names the fields whose values differ", () => {
    expect(changedFields({ titleJa: "a", titleEn: "b", kind: "update" }, { titleJa: "a", titleEn: "c", kind: "final" })).toEqual(["titleEn", "kind"]);
  });

  it("compares lists and objects by value", () => {
    const timeline = [{ occurredAt: "2026-11-02T09:30", textJa: "検知", textEn: "Detected" }];
    expect(changedFields({ timeline }, { timeline: timeline.map((entry) => ({ ...entry })) })).toEqual([]);
    expect(changedFields({ timeline }, { timeline: [...timeline, timeline[0]!] })).toEqual(["timeline"]);
  });

  it("finds nothing when nothing changed", () => {
    expect(changedFields({ key: "email" }, { key: "email" })).toEqual([]);
  });
});

describe("setChanges", () => {
  it("lists what was added and removed, sorted", () => {
    expect(setChanges(["name", "email", "phone"], ["phone", "address", "name", "card"])).toEqual({
      added: ["address", "card"],
      removed: ["email"],
    });
  });

  it("ignores order and repeats", () => {
    expect(setChanges(["a", "b"], ["b", "a", "a"])).toEqual({ added: [], removed: [] });
  });
});
