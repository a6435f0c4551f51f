import { describe, expect, it } from "vitest";
import { formFieldsAcceptable, MAX_FIELD_INDEX, MAX_FORM_FIELDS, MAX_LIST_ENTRIES, MAX_NAME_LENGTH, MAX_NAME_REPEATS } from "./form-fields";

const fields = (count: number, name: (n: number) => string) => Array.from({ length: count }, (_, n) => `${name(n)}=v`).join("&");
const intent = (value: unknown) => `__intent__=${encodeURIComponent(JSON.stringify(value))}`;

describe("what a form may hold before anything parses it", () => {
  it("accepts the names, lists and repeats the app's forms send", () => {
    expect(formFieldsAcceptable("timeline%5B99%5D.textJa=x&intent=save&categoryIds=a&categoryIds=b")).toBe(true);
    // The notice editor at its most: 100 timeline entries of three fields, the texts, a group's 100 categories.
    const notice = [
      fields(100, (n) => `timeline%5B${n}%5D.date`),
      fields(100, (n) => `timeline%5B${n}%5D.textJa`),
      fields(100, (n) => `timeline%5B${n}%5D.textEn`),
      fields(100, () => "categoryIds"),
      fields(8, (n) => `text${n}`),
    ].join("&");
    expect(formFieldsAcceptable(notice)).toBe(true);
    // Its buttons' list intents.
    expect(formFieldsAcceptable(intent({ type: "insert", payload: { name: "timeline", defaultValue: { date: "", textJa: "", textEn: "" } } }))).toBe(true);
    expect(formFieldsAcceptable(`${notice}&${intent({ type: "remove", payload: { name: "timeline", index: 99 } })}`)).toBe(true);
  });

  it("refuses more fields than any form sends, or a name repeated more often, counted before parsing", () => {
    expect(formFieldsAcceptable(fields(MAX_FORM_FIELDS, (n) => `f${n}`))).toBe(true);
    expect(formFieldsAcceptable(fields(MAX_FORM_FIELDS + 1, (n) => `f${n}`))).toBe(false);
    expect(formFieldsAcceptable(fields(MAX_NAME_REPEATS, () => "x"))).toBe(true);
    expect(formFieldsAcceptable(`email=a&${fields(MAX_NAME_REPEATS + 1, () => "x")}`)).toBe(false);
    // The probe's bodies: 20,000 and 1.39 million repeats of "x=".
    expect(formFieldsAcceptable(`website=&email=a%40example.org&${"x=&".repeat(20_000)}`)).toBe(false);
    expect(formFieldsAcceptable(`website=&email=a%40example.org&${"x=&".repeat(1_390_000)}`)).toBe(false);
  });

  it("refuses a list index no form has, and lists that would hold too many entries in all", () => {
    expect(formFieldsAcceptable(`a%5B${MAX_FIELD_INDEX}%5D=x`)).toBe(true);
    expect(formFieldsAcceptable(`a%5B${MAX_FIELD_INDEX + 1}%5D=x`)).toBe(false);
    expect(formFieldsAcceptable("email=a&x.y%5B0%5D.z%5B999999999%5D=x")).toBe(false);
    expect(formFieldsAcceptable("a[999999999]=x")).toBe(false);
    // 998 lists of 10,000 entries in 16 KB, and lists nested in lists.
    expect(formFieldsAcceptable(fields(998, (n) => `f${n}%5B9999%5D`))).toBe(false);
    expect(formFieldsAcceptable(fields(2, (n) => `f${n}%5B${MAX_LIST_ENTRIES / 2}%5D`))).toBe(false);
    expect(formFieldsAcceptable(`a${"[9999]".repeat(20)}=x`)).toBe(false);
    expect(formFieldsAcceptable("a[1][9999]=x")).toBe(false);
  });

  it("refuses a name longer than any form's", () => {
    expect(formFieldsAcceptable(`${"a".repeat(MAX_NAME_LENGTH)}=x`)).toBe(true);
    expect(formFieldsAcceptable(`${"a.".repeat(MAX_NAME_LENGTH)}=x`)).toBe(false);
  });

  it("checks a list intent's name and positions like names, and refuses what Conform can't read", () => {
    expect(formFieldsAcceptable(intent({ type: "update", payload: { name: "a", index: 20_000_000 } }))).toBe(false);
    // Only the kinds the app's buttons send, and small: "update" with a value of a million entries.
    expect(formFieldsAcceptable(intent({ type: "update", payload: { name: "a", value: [0, 0, 0] } }))).toBe(false);
    expect(formFieldsAcceptable(intent({ type: "insert", payload: { name: "timeline", defaultValue: Array(2_000).fill(0) } }))).toBe(false);
    expect(formFieldsAcceptable(intent({ type: "insert", payload: { name: "timeline", index: MAX_FIELD_INDEX + 1 } }))).toBe(false);
    expect(formFieldsAcceptable(intent({ type: "remove", payload: { name: "timeline", index: 1e9 } }))).toBe(false);
    expect(formFieldsAcceptable(intent({ type: "remove", payload: { name: "a[999999999]", index: 0 } }))).toBe(false);
    expect(formFieldsAcceptable(intent({ type: "remove", payload: { name: "timeline", index: -1 } }))).toBe(false);
    expect(formFieldsAcceptable(intent({ type: "remove", payload: { name: "timeline", index: "3" } }))).toBe(false);
    for (const broken of ["not json", "null", "[]", JSON.stringify({ type: "insert" }), JSON.stringify({ payload: {} })]) {
      expect(formFieldsAcceptable(`__intent__=${encodeURIComponent(broken)}`), broken).toBe(false);
    }
    expect(
      formFieldsAcceptable(`${intent({ type: "insert", payload: { name: "timeline" } })}&${intent({ type: "insert", payload: { name: "timeline" } })}`),
    ).toBe(false);
    // A state the app never sends, whose keys Conform would build lists from.
    expect(formFieldsAcceptable(`__state__=${encodeURIComponent(JSON.stringify({ validated: { "a[99999999]": true } }))}`)).toBe(false);
  });
});
