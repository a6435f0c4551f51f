import { describe, expect, it } from "vitest";
import { DraftSchema, PreviewSchema } from "./forms";

const draft = { intent: "save", version: "3", ratePerMinute: "600", rampUpMinutes: "0" };

describe("the campaign editor's form", () => {
  it("keeps the text as written, with the browser's line breaks made plain", () => {
    const parsed = DraftSchema.parse({ ...draft, introJa: "\r\nお詫び申し上げます。\r\n\r\n  次の段落\r\n  ", subjectJa: " 件名   の  お知らせ \n" });
    expect(parsed.introJa).toBe("お詫び申し上げます。\n\n  次の段落");
    expect(parsed.subjectJa).toBe("件名 の お知らせ");
    expect(parsed.causeEn).toBe("");
  });

  it("reads the rate as an IME types it, and refuses what isn't a whole number in range", () => {
    expect(DraftSchema.parse({ ...draft, ratePerMinute: "１，２００", rampUpMinutes: "　３０　" })).toMatchObject({ ratePerMinute: 1200, rampUpMinutes: 30 });
    for (const ratePerMinute of ["0", "1.5", "たくさん", "", "100001"]) {
      const result = DraftSchema.safeParse({ ...draft, ratePerMinute });
      expect(result.success, ratePerMinute).toBe(false);
    }
  });

  it("refuses a passage longer than 4,000 characters as people count them", () => {
    expect(DraftSchema.safeParse({ ...draft, harmEn: "👨‍👩‍👧".repeat(4000) }).success).toBe(true);
    expect(DraftSchema.safeParse({ ...draft, harmEn: "あ".repeat(4001) }).success).toBe(false);
  });

  it("finds the person to preview by the id as pasted", () => {
    expect(PreviewSchema.parse({ person: " ＤＥＭＯ－００１２\t" }).person).toBe("DEMO-0012");
    expect(PreviewSchema.safeParse({ person: "  " }).success).toBe(false);
  });
});
