import { describe, expect, it } from "vitest";
import { addressProblem, addressSchema, maskAddress, normaliseTypedAddress } from "./email-address";

describe("addresses as people type them", () => {
  it("reads full-width, ideographic and pasted forms as the ASCII address", () => {
    for (const typed of [
      "ｃｕｓｔｏｍｅｒ００５＠ｅｘａｍｐｌｅ．ｃｏｍ",
      "customer005＠example.com",
      "　customer005@example.com　",
      " customer005@example.com\n",
      "customer005@example。com",
      "customer005@example｡com",
      "\u200Bcustomer005@example.com\uFEFF",
    ]) {
      expect(normaliseTypedAddress(typed), typed).toBe("customer005@example.com");
    }
    // The case is kept for replies; the lookup lowers it.
    expect(normaliseTypedAddress("Ｈａｎａｋｏ@Example.JP")).toBe("Hanako@Example.JP");
  });

  it("names what is wrong with what is still not an address", () => {
    expect(addressProblem("hanako.example.jp")).toBe("noAt");
    expect(addressProblem("hanako@@example.jp")).toBe("manyAt");
    expect(addressProblem("hana ko@example.jp")).toBe("spaces");
    expect(addressProblem("@example.jp")).toBe("noLocal");
    expect(addressProblem("hanako@")).toBe("noDomain");
    expect(addressProblem("hanako@example")).toBe("domainNoDot");
    expect(addressProblem("<script>@example.jp")).toBe("invalid");
    expect(addressProblem(`${"a".repeat(250)}@example.jp`)).toBe("tooLong");
    expect(addressProblem("hanako@example.jp")).toBeNull();
    expect(addressProblem("hanako+desk@mail.example.co.jp")).toBeNull();
  });

  it("gives a form the normalised address, or the message for its problem", () => {
    const schema = addressSchema("check:errors.required");
    expect(schema.parse("ｃｕｓｔｏｍｅｒ００５＠ｅｘａｍｐｌｅ．ｃｏｍ")).toBe("customer005@example.com");
    const messages = (value: unknown) => schema.safeParse(value).error?.issues.map((issue) => issue.message);
    expect(messages("　")).toEqual(["check:errors.required"]);
    expect(messages(undefined)).toEqual(["check:errors.required"]);
    expect(messages("ｈａｎａｋｏ．ｅｘａｍｐｌｅ．ｊｐ")).toEqual(["common:address.noAt"]);
  });
});

describe("maskAddress", () => {
  it("keeps the domain and at most two characters of the local part", () => {
    expect(maskAddress("customer005@example.com")).toBe("cu***@example.com");
    expect(maskAddress("abc@example.jp")).toBe("a***@example.jp");
  });
  it("shows nothing of a local part too short to hide half of", () => {
    expect(maskAddress("a@example.com")).toBe("***@example.com");
  });
  it("counts characters, not UTF-16 units", () => {
    expect(maskAddress("𠮷野家の山田@example.jp")).toBe("𠮷野***@example.jp");
  });
});
