import { describe, expect, it } from "vitest";
import { decodeMessage, encodeMessage } from "../form-message";
import { CustomerInquirySchema, ThreadReplySchema, VisitorInquirySchema } from "./inquiry-form";

const valid = { category: "affected", message: "こんにちは\r\n<b>太字</b>", language: "ja", contactBy: "email" };

describe("the inquiry form", () => {
  it("accepts a visitor's inquiry and keeps the text as written", () => {
    const result = VisitorInquirySchema.safeParse({ ...valid, email: " a@example.org " });
    expect(result.success && result.data).toMatchObject({ message: "こんにちは\n<b>太字</b>", email: "a@example.org" });
  });

  it("asks a visitor for an address but not a verified customer", () => {
    expect(VisitorInquirySchema.safeParse(valid).success).toBe(false);
    expect(CustomerInquirySchema.safeParse(valid).success).toBe(true);
  });

  it("refuses an empty or too long message", () => {
    const issues = (message: string) => CustomerInquirySchema.safeParse({ ...valid, message }).error?.issues.map((issue) => issue.message);
    expect(issues(" \r\n ")).toContain("inquiries:errors.messageRequired");
    expect(issues("あ".repeat(4001))).toEqual([encodeMessage("inquiries:errors.messageTooLong", { length: 4001, max: 4000, over: 1 })]);
    expect(issues("あ".repeat(4000))).toBeUndefined();
    // Emoji count one each, so a 4,000-emoji message fits (maxLength would have cut it at 2,000).
    expect(issues("😀".repeat(4000))).toBeUndefined();
    expect(issues(`${"👨‍👩‍👧".repeat(4000)}語`)).toEqual([encodeMessage("inquiries:errors.messageTooLong", { length: 4001, max: 4000, over: 1 })]);
  });

  it("refuses a reply on the thread by the same measure, saying by how much", () => {
    const result = ThreadReplySchema.safeParse({ intent: "reply", message: "x".repeat(4100) });
    expect(result.error?.issues.map((issue) => decodeMessage(issue.message))).toEqual([
      { key: "inquiries:errors.messageTooLong", values: { length: 4100, max: 4000, over: 100 } },
    ]);
  });

  it("needs a number and a window for a call-back", () => {
    const result = CustomerInquirySchema.safeParse({ ...valid, contactBy: "phone", phone: "12" });
    expect(result.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["phone", "inquiries:errors.phone"],
      ["callbackFrom", "inquiries:errors.callbackRequired"],
    ]);
    expect(CustomerInquirySchema.safeParse({ ...valid, contactBy: "phone", phone: "03-1234-5678", callbackFrom: "2026-11-24T01:00:00.000Z" }).success).toBe(
      true,
    );
  });

  it("refuses an unknown category or language", () => {
    expect(CustomerInquirySchema.safeParse({ ...valid, category: "drop table" }).success).toBe(false);
    expect(CustomerInquirySchema.safeParse({ ...valid, language: "fr" }).success).toBe(false);
  });
});

describe("every problem at once", () => {
  it("reports the call-back fields even when other fields fail too", () => {
    const result = VisitorInquirySchema.safeParse({ message: "", email: "x", language: "ja", contactBy: "phone", phone: "1" });
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toEqual(
      expect.arrayContaining(["category", "message", "email", "phone", "callbackFrom"]),
    );
  });
});
