import { describe, expect, it } from "vitest";
import { characterCount, checkLength, CODE_POINTS_PER_CHARACTER_CEILING, normaliseMessage, visibleText } from "./plain-text";

describe("messages as plain text", () => {
  it("unifies line endings and drops outer blank space only", () => {
    expect(normaliseMessage("\r\n  \r\n  first\r\nsecond\rthird  \r\n\r\n")).toBe("  first\nsecond\nthird");
  });

  it("counts characters as people see them, not UTF-16 units or code points", () => {
    expect(characterCount("😀あa")).toBe(3);
    // A family (five code points joined), a flag (two), a heart with its presentation
    // selector, "が" written as か and a combining ゛, and a skin tone: one each.
    expect(characterCount("👨‍👩‍👧🇯🇵❤️\u304B\u3099👍🏽")).toBe(5);
    expect(characterCount("ｶﾀｶﾅ 全角\n")).toBe(8);
    expect(characterCount("ｶﾞｷﾞ1️⃣👩🏽‍💻\r\n")).toBe(5);
    // Zalgo text: each letter with its pile of marks.
    expect(characterCount("Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇")).toBe(5);
  });

  it("counts as Intl.Segmenter does where both are defined", () => {
    const segmenter = new Intl.Segmenter("ja", { granularity: "grapheme" });
    for (const text of ["😀あa", "👨‍👩‍👧🇯🇵❤️\u304B\u3099👍🏽", "🏴󠁧󠁢󠁥󠁮󠁧󠁿🇯🇵🇺🇸🇬", "\u0301\u0301x", "<b>x</b>\t\r\n", "ｶﾞ全角 ﾃｽﾄ"]) {
      expect(characterCount(text), text).toBe([...segmenter.segment(text)].length);
    }
  });

  it("takes linear time: a 1 MB paste is counted at once", () => {
    const started = performance.now();
    expect(characterCount("A".repeat(1024 * 1024))).toBe(1024 * 1024);
    expect(characterCount(`a${"\u0301".repeat(1024 * 1024)}`)).toBe(1);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it("measures a message as the server judges it: after normalising, and by how much it is over", () => {
    expect(checkLength("あ".repeat(4000), 4000)).toEqual({ count: 4000, max: 4000, over: 0, malformed: false });
    expect(checkLength(`${"😀".repeat(4100)}\r\n  \r\n`, 4000)).toEqual({ count: 4100, max: 4000, over: 100, malformed: false });
    // CRLF is one line break, as the stored text has it.
    expect(checkLength("a\r\nb", 3).count).toBe(3);
  });

  it("refuses a short text that carries an absurd number of combining marks", () => {
    const zalgo = `a${"\u0301".repeat(CODE_POINTS_PER_CHARACTER_CEILING * 10)}`;
    expect(checkLength(zalgo, 10)).toMatchObject({ count: 1, over: 0, malformed: true });
    expect(checkLength("👨‍👩‍👧".repeat(10), 10)).toMatchObject({ count: 10, malformed: false });
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
