import { describe, expect, it } from "vitest";
import { COLUMNS, parseHeader, type Header } from "./header";
import { validateLine, type ImportLookup } from "./line";

const parsed = parseHeader([...COLUMNS]);
if (!("header" in parsed)) throw new Error("the full header must parse");
const header: Header = parsed.header;

const lookup: ImportLookup = {
  groups: new Map([
    [
      "members",
      {
        id: "g-members",
        categoryIdsByKey: new Map([
          ["name", "c-name"],
          ["email", "c-email"],
        ]),
      },
    ],
    [
      "inquirers",
      {
        id: "g-inquirers",
        categoryIdsByKey: new Map([
          ["email", "c-email"],
          ["inquiry-content", "c-inquiry"],
        ]),
      },
    ],
  ]),
  categoryKeys: new Set(["name", "email", "inquiry-content", "address"]),
};

function line(values: Partial<Record<(typeof COLUMNS)[number], string>>): string[] {
  const base = { external_id: "M1", email: "hanako@example.com", group: "members", categories: "name;email" };
  const all = { ...base, ...values } as Record<string, string>;
  return COLUMNS.map((column) => all[column] ?? "");
}

function reasons(fields: string[]) {
  const result = validateLine(7, fields, header, lookup);
  return result.ok ? [] : result.issues.map((issue) => [issue.reason, issue.detail]);
}

describe("one import line", () => {
  it("reads an address as it was typed into the old system: full-width, with stray spaces", () => {
    const read = validateLine(7, line({ email: "　ｈａｎａｋｏ＠ｅｘａｍｐｌｅ．ｃｏｍ " }), header, lookup);
    expect(read.ok && read.value.email).toBe("hanako@example.com");
    expect(reasons(line({ email: "hanako.example.com" }))).toEqual([["bad-email", undefined]]);
  });

  it("turns a good line into values to stage, with the group's category ids", () => {
    expect(validateLine(7, line({ name: " 佐藤 花子 ", categories: "email; name;email", registered_on: "2019-04-01" }), header, lookup)).toEqual({
      ok: true,
      value: {
        externalId: "M1",
        email: "hanako@example.com",
        name: "佐藤 花子",
        registeredOn: "2019-04-01",
        groupId: "g-members",
        categoryIds: ["c-email", "c-name"],
        periodFrom: null,
        periodUntil: null,
        legacyHash: null,
        legacyHashAlgorithm: null,
        language: null,
      },
    });
  });

  it("reads the language as old systems and spreadsheets write it, and refuses what isn't one", () => {
    const language = (value: string) => {
      const result = validateLine(2, line({ language: value }), header, lookup);
      return result.ok ? result.value.language : result.issues.map((issue) => [issue.reason, issue.detail]);
    };
    expect(language("ja")).toBe("ja");
    expect(language(" ＥＮ ")).toBe("en");
    expect(language("ja_JP")).toBe("ja");
    expect(language("日本語")).toBe("ja");
    expect(language("English")).toBe("en");
    expect(language("")).toBeNull();
    expect(language("fr")).toEqual([["bad-language", "fr"]]);
  });

  it("refuses a line with the wrong number of fields before anything else", () => {
    expect(reasons(["M1", "x"])).toEqual([["column-count", "11:2"]]);
  });

  it("lists every problem of a line", () => {
    expect(reasons(line({ external_id: "", email: "not-an-address", group: "nobody", categories: "name;bogus", registered_on: "2019-02-30" }))).toEqual([
      ["missing-external-id", undefined],
      ["bad-email", undefined],
      ["bad-date", "registered_on"],
      ["unknown-group", "nobody"],
      ["unknown-category", "bogus"],
    ]);
  });

  it("knows a category that exists but isn't the group's, and an empty list", () => {
    expect(reasons(line({ categories: "address" }))).toEqual([["category-not-in-group", "address"]]);
    expect(reasons(line({ categories: " ; " }))).toEqual([["no-categories", undefined]]);
  });

  it("checks the period's order and the legacy hash pair and algorithm", () => {
    expect(reasons(line({ group: "inquirers", categories: "email", period_from: "2026-06-27", period_until: "2026-06-13" }))).toEqual([
      ["bad-period", undefined],
    ]);
    expect(reasons(line({ legacy_hash: "abc" }))).toEqual([["bad-legacy-hash", "pair"]]);
    expect(reasons(line({ legacy_hash: "abc", legacy_hash_algorithm: "rot13" }))).toEqual([["bad-legacy-hash", "rot13"]]);
    expect(reasons(line({ legacy_hash: "abc", legacy_hash_algorithm: "bcrypt" }))).toEqual([["bad-legacy-hash-format", "bcrypt"]]);
    expect(reasons(line({ legacy_hash: "5f4dcc3b5aa765d61d8327deb882cf99", legacy_hash_algorithm: "sha1" }))).toEqual([["bad-legacy-hash-format", "sha1"]]);
    expect(reasons(line({ legacy_hash: "5f4dcc3b5aa765d61d8327deb882cf99", legacy_hash_algorithm: "md5" }))).toEqual([]);
    expect(reasons(line({ legacy_hash: "$2b$10$abcdefghijklmnopqrstuu5s2v8.iXieOjg/.AySBTTZIIVFJeBui", legacy_hash_algorithm: "bcrypt" }))).toEqual([]);
  });

  it("refuses runaway values", () => {
    expect(reasons(line({ external_id: "x".repeat(65) }))).toEqual([["too-long", "external_id"]]);
  });
});
