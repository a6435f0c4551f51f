// Shift_JIS (Windows-31J) bytes for the import's tests, from a table written by hand: the
// tests check the app's decoding against bytes known from the code page, not against an
// encoder that could share its mistakes. ASCII passes through; any other character throws.
const WINDOWS_31J: Record<string, number[]> = {
  "①": [0x87, 0x40], // NEC special characters (row 13)
  "㈱": [0x87, 0x8a], // NEC special characters (row 13)
  髙: [0xfb, 0xfc], // IBM extension
  﨑: [0xfa, 0xb1], // IBM extension
  橋: [0x8b, 0xb4],
  佐: [0x8d, 0xb2],
  藤: [0x93, 0xa1],
  花: [0x89, 0xd4],
  子: [0x8e, 0x71],
  一: [0x88, 0xea],
  郎: [0x98, 0x59],
  鈴: [0x97, 0xe9],
  木: [0x96, 0xd8],
  太: [0x91, 0xbe],
  "\u3000": [0x81, 0x40], // ideographic space
  ｻ: [0xbb], // half-width katakana: one byte
  ﾄ: [0xc4],
  ｳ: [0xb3],
};

export function shiftJis(text: string): Buffer {
  const bytes: number[] = [];
  for (const character of text) {
    const code = character.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else if (WINDOWS_31J[character]) bytes.push(...WINDOWS_31J[character]);
    else throw new Error(`No Shift_JIS bytes in the test table for ${character}`);
  }
  return Buffer.from(bytes);
}
