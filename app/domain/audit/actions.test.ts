// Every action the app can write has a name in both languages, so the log never shows a
// code to a reader for a new kind of entry. appendAudit's type takes only AUDIT_ACTIONS.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS, isAuditAction } from "./actions";

function messages(language: string): {
  actions: unknown;
  actionGroups: Record<string, string>;
} {
  return JSON.parse(readFileSync(join("locales", language, "staff-audit.json"), "utf8"));
}

function lookup(tree: unknown, path: string): unknown {
  return path
    .split(".")
    .reduce<unknown>((node, part) => (typeof node === "object" && node !== null ? (node as Record<string, unknown>)[part] : undefined), tree);
}

describe("audit actions", () => {
  it("has no code twice", () => {
    expect(new Set(AUDIT_ACTIONS).size).toBe(AUDIT_ACTIONS.length);
  });

  for (const language of ["ja", "en"]) {
    describe(language, () => {
      const { actions, actionGroups } = messages(language);

      it("names every action, each with a name of its own", () => {
        const missing = AUDIT_ACTIONS.filter((code) => {
          const name = lookup(actions, code);
          return typeof name !== "string" || name.trim() === "";
        });
        expect(missing).toEqual([]);
        const names = AUDIT_ACTIONS.map((code) => lookup(actions, code));
        expect(new Set(names).size).toBe(names.length);
      });

      it("names the group of every action", () => {
        const groups = new Set(AUDIT_ACTIONS.map((code) => code.split(".")[0]!));
        expect([...groups].filter((group) => !actionGroups[group])).toEqual([]);
      });
    });
  }

  it("tells listed codes from old or unknown ones", () => {
    expect(isAuditAction("inquiry.view")).toBe(true);
    expect(isAuditAction("inquiry")).toBe(false);
    expect(isAuditAction("nothing.happened")).toBe(false);
  });
});
