import { describe, expect, it } from "vitest";
import { decodeMessage, encodeMessage } from "./form-message";

describe("form messages with values", () => {
  it("keeps a message without values a plain i18n key", () => {
    expect(encodeMessage("inquiries:errors.messageRequired")).toBe("inquiries:errors.messageRequired");
    expect(decodeMessage("inquiries:errors.messageRequired")).toEqual({ key: "inquiries:errors.messageRequired" });
  });

  it("carries raw numbers, to be written the reader's way when shown", () => {
    const values = { length: 4100, max: 4000, over: 100 };
    expect(decodeMessage(encodeMessage("inquiries:errors.messageTooLong", values))).toEqual({ key: "inquiries:errors.messageTooLong", values });
  });

  it("shows anything else as it came", () => {
    expect(decodeMessage("{not json")).toEqual({ key: "{not json" });
    expect(decodeMessage('{"nokey":1}')).toEqual({ key: '{"nokey":1}' });
  });
});
