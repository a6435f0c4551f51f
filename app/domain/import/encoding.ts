// Which encoding an import file is in: UTF-8 (with or without a byte order mark) or
// Shift_JIS as Windows writes it (Windows-31J, with the NEC and IBM extensions: ①, ㈱, 髙),
// decided strictly and never guessed (ADR 019). A BOM means UTF-8; then bytes that are
// valid UTF-8 are UTF-8; else bytes that are valid Shift_JIS are Shift_JIS; anything else is
// refused. Pure ASCII is both, and is read as UTF-8.
//
// WHATWG's "shift_jis" decoder (TextDecoder, full ICU in Node) is Windows-31J: it decodes
// 0x8740 as ①, 0x878A as ㈱, 0xFBFC and 0xEEE0 as 髙 (encoding.test.ts holds it to that).
// In either encoding a byte below 0x80 is never part of a multi-byte character, so a
// comma, a quote or a line break in the bytes is always one, and the file can be split into
// records as bytes before it is decoded (csv-records.ts).
import { isAscii, isUtf8 } from "node:buffer";

export type FileEncoding = "utf-8" | "utf-8-bom" | "shift_jis";

export const UTF8_BOM = new Uint8Array([0xef, 0xbb, 0xbf]);

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const shiftJis = new TextDecoder("shift_jis", { fatal: true });

export function startsWithBom(bytes: Uint8Array): boolean {
  return bytes[0] === UTF8_BOM[0] && bytes[1] === UTF8_BOM[1] && bytes[2] === UTF8_BOM[2];
}

/**
 * The encoding of bytes that hold whole characters (e.g. up to a line break): null while
 * they are all ASCII (undecided: the next bytes decide), "neither" when they are neither
 * UTF-8 nor Shift_JIS. A BOM is looked for by the caller, at the start of the file only.
 */
export function decideEncoding(bytes: Uint8Array): "utf-8" | "shift_jis" | "neither" | null {
  if (isAscii(bytes)) return null;
  // isUtf8 is the fatal decoder's test without building the string.
  if (isUtf8(bytes)) return "utf-8";
  if (decodes(shiftJis, bytes)) return "shift_jis";
  return "neither";
}

/** The text of bytes in an encoding, or null when they are not valid in it (never replacement characters). */
export function decodeStrictly(bytes: Uint8Array, encoding: FileEncoding): string | null {
  try {
    return (encoding === "shift_jis" ? shiftJis : utf8).decode(bytes);
  } catch {
    return null;
  }
}

function decodes(decoder: TextDecoder, bytes: Uint8Array): boolean {
  try {
    decoder.decode(bytes);
    return true;
  } catch {
    return false;
  }
}
