import { describe, expect, it } from "vitest";
import { decideEncoding, decodeStrictly } from "./encoding";

// Windows-31J bytes, as Excel and older systems on Windows write them.
const SJIS = {
  "①": [0x87, 0x40], // NEC special characters (row 13)
  "㈱": [0x87, 0x8a], // NEC special characters (row 13)
  髙: [0xfb, 0xfc], // IBM extension
  "髙 (NEC-selected IBM)": [0xee, 0xe0],
  佐藤: [0x8d, 0xb2, 0x93, 0xa1],
  ｻﾄｳ: [0xbb, 0xc4, 0xb3], // half-width katakana, one byte each
} as const;
const bytes = (...parts: Array<readonly number[] | string>) =>
  Buffer.concat(parts.map((part) => (typeof part === "string" ? Buffer.from(part) : Buffer.from(part))));

describe("deciding a file's encoding", () => {
  it("decodes Windows-31J's NEC and IBM extensions with the platform's shift_jis decoder", () => {
    expect(decodeStrictly(bytes(SJIS["①"], SJIS["㈱"], SJIS["髙"], SJIS["髙 (NEC-selected IBM)"]), "shift_jis")).toBe("①㈱髙髙");
    expect(decodeStrictly(bytes(SJIS["佐藤"], " ", SJIS["ｻﾄｳ"]), "shift_jis")).toBe("佐藤 ｻﾄｳ");
  });

  it("leaves all-ASCII bytes undecided: they read the same either way", () => {
    expect(decideEncoding(bytes("external_id,email\r\n1,a@example.org\r\n"))).toBeNull();
  });

  it("reads valid UTF-8 as UTF-8, even where the bytes would also be valid Shift_JIS", () => {
    expect(decideEncoding(bytes("1,佐藤 花子,①㈱髙\n"))).toBe("utf-8");
    // "佐" in UTF-8 is E4 BD 90, which Shift_JIS would read as two other characters.
    expect(decodeStrictly(bytes([0xe4, 0xbd, 0x90, 0x81, 0x40]), "shift_jis")).not.toBeNull();
    expect(decideEncoding(bytes([0xe4, 0xbd, 0x90]))).toBe("utf-8");
  });

  it("reads bytes that are not UTF-8 but valid Shift_JIS as Shift_JIS", () => {
    expect(decideEncoding(bytes("1,", SJIS["佐藤"], ",", SJIS["㈱"], SJIS["①"], SJIS["髙"], "\r\n"))).toBe("shift_jis");
  });

  it("refuses bytes that are neither, and never replaces a bad byte", () => {
    // Latin-1 "é" then 0xFF: not UTF-8, and 0xFF is no Shift_JIS byte.
    expect(decideEncoding(bytes("caf", [0xe9], "\n", [0xff], "\n"))).toBe("neither");
    // A Shift_JIS lead byte with no trail byte.
    expect(decideEncoding(bytes("a", [0x87]))).toBe("neither");
    expect(decodeStrictly(bytes([0xff]), "shift_jis")).toBeNull();
    expect(decodeStrictly(bytes([0xc3]), "utf-8")).toBeNull();
  });
});
