import { describe, expect, it } from "vitest";
import { AffectedGroupSchema, DataCategorySchema, isLocalDateTime, revisionDraftSchema } from "./editor-schemas";

const draft = {
  kind: "update",
  titleJa: "お知らせ（第3報）",
  titleEn: "Notice (update 3)",
  summaryJa: "概要",
  summaryEn: "Summary",
  actionsTakenJa: "- 対応",
  actionsTakenEn: "- Done",
  customerActionsJa: "- お願い",
  customerActionsEn: "- Please",
  timeline: [{ occurredAt: "2026-11-02T09:30", textJa: "検知", textEn: "Detected" }],
};

function errorsOf(result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) {
  return Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join("."), issue.message]));
}

describe("isLocalDateTime", () => {
  it.each(["2026-11-02T09:30", "2028-02-29T00:00", "2026-12-31T23:59", "2026-11-02T09:30:15"])("accepts %s", (value) => {
    expect(isLocalDateTime(value)).toBe(true);
  });

  it.each([
    "2026-02-30T09:00",
    "2027-02-29T09:00",
    "2026-13-01T09:00",
    "2026-11-02T24:00",
    "2026-11-02T09:60",
    "2026-11-02",
    "2026-11-02 09:30",
    "来週の月曜",
    "",
    "0099-01-01T00:00",
    "2026-11-02T09:30Z",
  ])("refuses %s", (value) => {
    expect(isLocalDateTime(value)).toBe(false);
  });
});

describe("revisionDraftSchema", () => {
  it("accepts a complete draft and trims its texts", () => {
    const result = revisionDraftSchema(["update", "final"]).safeParse({ ...draft, titleJa: "  お知らせ  " });
    expect(result.success).toBe(true);
    expect(result.data?.titleJa).toBe("お知らせ");
  });

  it("needs every text in both languages", () => {
    const result = revisionDraftSchema(["update"]).safeParse({ ...draft, titleJa: "   ", summaryEn: undefined });
    expect(errorsOf(result)).toEqual({
      titleJa: "staff-notice:errors.required",
      summaryEn: "staff-notice:errors.required",
    });
  });

  it("allows only the kinds offered right now", () => {
    expect(errorsOf(revisionDraftSchema(["update", "final"]).safeParse({ ...draft, kind: "first" }))).toEqual({
      kind: "staff-notice:errors.kind",
    });
    expect(errorsOf(revisionDraftSchema(["first"]).safeParse({ ...draft, kind: "draft" }))).toEqual({
      kind: "staff-notice:errors.kind",
    });
  });

  it("says which timeline entry has a date that isn't a date", () => {
    const result = revisionDraftSchema(["update"]).safeParse({
      ...draft,
      timeline: [draft.timeline[0], { occurredAt: "2026-02-30T09:00", textJa: "a", textEn: "b" }, { textJa: "a", textEn: "" }],
    });
    expect(errorsOf(result)).toEqual({
      "timeline.1.occurredAt": "staff-notice:errors.dateTime",
      "timeline.2.occurredAt": "staff-notice:errors.dateTimeRequired",
      "timeline.2.textEn": "staff-notice:errors.required",
    });
  });

  it("refuses texts longer than the limits", () => {
    const result = revisionDraftSchema(["update"]).safeParse({ ...draft, titleEn: "x".repeat(201) });
    expect(errorsOf(result)).toEqual({ titleEn: "staff-notice:errors.tooLong" });
  });
});

describe("group and category schemas", () => {
  const group = {
    key: "members",
    nameJa: "会員",
    nameEn: "Members",
    descriptionJa: "説明",
    descriptionEn: "About",
    categoryIds: [],
  };
  const category = {
    key: "email",
    labelJa: "メール",
    labelEn: "Email",
    recommendedActionJa: "注意",
    recommendedActionEn: "Beware",
  };

  it("accepts lower-case keys of letters, digits and hyphens", () => {
    expect(AffectedGroupSchema.safeParse({ ...group, key: "shop-members-2" }).success).toBe(true);
    expect(DataCategorySchema.safeParse({ ...category, key: "password-hash" }).success).toBe(true);
  });

  it.each(["Members", "会員", "shop members", "a_b", "x".repeat(41), "<b>"])("refuses the key %s", (key) => {
    expect(errorsOf(AffectedGroupSchema.safeParse({ ...group, key })).key).toMatch(/^staff-notice:errors\.(key|tooLong)$/);
    expect(errorsOf(DataCategorySchema.safeParse({ ...category, key })).key).toMatch(/^staff-notice:errors\.(key|tooLong)$/);
  });

  it("needs names, descriptions, labels and actions in both languages", () => {
    expect(Object.keys(errorsOf(AffectedGroupSchema.safeParse({ ...group, nameEn: "", descriptionJa: " " })))).toEqual(["nameEn", "descriptionJa"]);
    expect(Object.keys(errorsOf(DataCategorySchema.safeParse({ ...category, recommendedActionEn: undefined })))).toEqual(["recommendedActionEn"]);
  });
});
