import { describe, expect, it } from "vitest";
import { normalizeEmail, normalizePhone, readChannelForm } from "./channel-form";

describe("normalizePhone", () => {
  it("accepts the ways Japanese numbers are written, in half-width digits", () => {
    expect(normalizePhone("03-0000-0000")).toBe("03-0000-0000");
    expect(normalizePhone("０１２０－０００－０００")).toBe("0120-000-000");
    expect(normalizePhone("(03) 1234-5678")).toBe("(03) 1234-5678");
    expect(normalizePhone("+81 3-1234-5678")).toBe("+81 3-1234-5678");
  });

  it("refuses anything else", () => {
    for (const bad of ["abc", "03-0000-000x", "12345", "+81 3 1234 5678 9999 9", "tel:0300000000", "03--"]) {
      expect(normalizePhone(bad), bad).toBeNull();
    }
  });
});

describe("normalizeEmail", () => {
  it("accepts one plain address", () => {
    expect(normalizeEmail(" desk@example.com ")).toBe("desk@example.com");
    expect(normalizeEmail("desk+hours@mail.example.co.jp")).toBe("desk+hours@mail.example.co.jp");
  });

  it("refuses display names, several addresses and things that are not addresses", () => {
    for (const bad of ["Desk <desk@example.com>", "a@example.com,b@example.com", "desk@", "desk@localhost", "desk@exa mple.com"]) {
      expect(normalizeEmail(bad), bad).toBeNull();
    }
  });
});

describe("readChannelForm", () => {
  it("checks the contact by the channel's kind", () => {
    expect(readChannelForm("phone", { nameJa: "電話窓口", nameEn: "Phone desk", contact: "desk@example.com" })).toEqual({
      ok: false,
      errors: { formErrors: [], fieldErrors: { contact: ["staff-hours:errors.phone"] } },
    });
    expect(readChannelForm("email", { nameJa: "メール", nameEn: "Email", contact: "desk@example.com" })).toEqual({
      ok: true,
      value: { nameJa: "メール", nameEn: "Email", contact: "desk@example.com" },
    });
  });

  it("requires both names", () => {
    const read = readChannelForm("email", { nameJa: " ", contact: "desk@example.com" });
    expect(read.ok ? null : read.errors.fieldErrors).toEqual({
      nameJa: ["staff-hours:errors.required"],
      nameEn: ["staff-hours:errors.required"],
    });
  });
});
