import { describe, expect, it } from "vitest";
import { characterCount, normaliseMessage, visibleText } from "./plain-text";

describe("messages as plain text", () => {
  it("unifies line endings and drops outer blank space only", () => {
    expect(normaliseMessage("\r\n  \r\n  first\r\nsecond\rthird  \r\n\r\n")).toBe("  first\nsecond\nthird");
  });

  it("counts characters, not UTF-16 units", () => {
    expect(characterCount("😀あa")).toBe(3);
  });

  it("shows control characters as visible symbols", () => {
    expect(visibleText("a\u0000b\u001Bc\u007Fd\u0085e")).toBe("a␀b␛c␡d⟨U+0085⟩e");
  });

  it("keeps line breaks and tabs", () => {
    expect(visibleText("a\n\tb")).toBe("a\n\tb");
  });

  it("disarms direction overrides", () => {
    expect(visibleText("invoice\u202Efdp.exe")).toBe("invoice⟨U+202E⟩fdp.exe");
  });

  it("leaves markup, emoji sequences and Japanese untouched (React escapes markup)", () => {
    const text = "<script>alert(1)</script> 👨‍👩‍👧 ｶﾀｶﾅ 全角 é";
    expect(visibleText(text)).toBe(text);
  });
});
