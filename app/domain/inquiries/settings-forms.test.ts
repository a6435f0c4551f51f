import { describe, expect, it } from "vitest";
import { ReplyTemplateSchema, SlaTargetsSchema, targetsFromForm } from "./settings-forms";
import { INQUIRY_CATEGORIES } from "./categories";

const form = Object.fromEntries(
  INQUIRY_CATEGORIES.flatMap((category) => [
    [`${category}-first`, "4"],
    [`${category}-next`, "1.5"],
  ]),
);

describe("the admins' inquiry settings", () => {
  it("turns business hours into minutes", () => {
    const parsed = SlaTargetsSchema.parse(form);
    expect(targetsFromForm(parsed).card).toEqual({ firstResponseMinutes: 240, nextResponseMinutes: 90 });
  });

  it("refuses zero, negative, odd fractions and absurd targets", () => {
    for (const value of ["0", "-1", "1.1", "10000", "abc"]) {
      expect(SlaTargetsSchema.safeParse({ ...form, "card-first": value }).success).toBe(false);
    }
  });

  it("needs a template in both languages", () => {
    expect(ReplyTemplateSchema.safeParse({ titleJa: "お詫び", titleEn: "", bodyJa: "本文", bodyEn: "Body" }).success).toBe(false);
    expect(ReplyTemplateSchema.parse({ titleJa: "お詫び", titleEn: "Apology", bodyJa: "本文\r\n二行目", bodyEn: "Body" })).toMatchObject({
      bodyJa: "本文\n二行目",
      position: 0,
    });
  });
});
