import { describe, expect, it } from "vitest";
import { CsvRecordSplitter, quotedFields, type CsvRecord } from "./csv-records";

/** Feeds the bytes in chunks of `size`, as a stream would. */
function split(bytes: Buffer | string, size = 7): CsvRecord[] {
  const buffer = typeof bytes === "string" ? Buffer.from(bytes) : bytes;
  const splitter = new CsvRecordSplitter();
  const records: CsvRecord[] = [];
  for (let i = 0; i < buffer.length; i += size) records.push(...splitter.push(buffer.subarray(i, i + size)));
  return [...records, ...splitter.end()];
}

describe("CSV records from bytes", () => {
  it("splits LF and CRLF lines into fields, numbering physical lines and skipping empty ones", () => {
    expect(split("a,b\r\nc,d\n\ne,\n")).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 2, fields: ["c", "d"] },
      { line: 4, fields: ["e", ""] },
    ]);
  });

  it("reads the last line without a line break", () => {
    expect(split("a\nb,c")).toEqual([
      { line: 1, fields: ["a"] },
      { line: 2, fields: ["b", "c"] },
    ]);
  });

  it("follows RFC 4180 quoting, with commas, doubled quotes and line breaks inside quotes", () => {
    expect(split('"Suzuki, Ken","say ""hi""","two\nlines"\nnext,1\n', 3)).toEqual([
      { line: 1, fields: ["Suzuki, Ken", 'say "hi"', "two\nlines"] },
      { line: 3, fields: ["next", "1"] },
    ]);
  });

  it("keeps multi-byte characters whole across chunk boundaries", () => {
    for (const size of [1, 2, 3, 5]) {
      expect(split("佐藤,花子\n鈴木,太郎\n", size)).toEqual([
        { line: 1, fields: ["佐藤", "花子"] },
        { line: 2, fields: ["鈴木", "太郎"] },
      ]);
    }
  });

  it("reads a file that starts with a BOM as UTF-8, the BOM left out", () => {
    const splitter = new CsvRecordSplitter();
    const file = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("name,x\r\n佐藤,1\r\n")]);
    expect([...splitter.push(file.subarray(0, 2)), ...splitter.push(file.subarray(2)), ...splitter.end()]).toEqual([
      { line: 1, fields: ["name", "x"] },
      { line: 2, fields: ["佐藤", "1"] },
    ]);
    expect(splitter.encoding).toBe("utf-8-bom");
  });

  it("calls a UTF-8 file UTF-8, and an all-ASCII one undecided (read as UTF-8)", () => {
    const utf8 = new CsvRecordSplitter();
    utf8.push(Buffer.from("a\n佐藤\n"));
    expect(utf8.encoding).toBe("utf-8");
    const ascii = new CsvRecordSplitter();
    ascii.push(Buffer.from("a\nb\n"));
    ascii.end();
    expect(ascii.encoding).toBeNull();
  });

  it("reads Shift_JIS (Windows-31J) with CRLF or LF, its NEC and IBM characters, in chunks of any size", () => {
    // 佐藤 ①㈱髙 and a quoted field with a comma and a line break, in Windows-31J.
    const sjis = (hex: string) => Buffer.from(hex.replaceAll(" ", ""), "hex");
    const file = Buffer.concat([
      Buffer.from("id,name\r\n1,"),
      sjis("8db2 93a1 20 8740 878a fbfc"),
      Buffer.from('\r\n2,"'),
      sjis("8db2 2c 0a 93a1"),
      Buffer.from('"\n3,x\n'),
    ]);
    for (const size of [1, 2, 3, 7, 1000]) {
      const splitter = new CsvRecordSplitter();
      const records: CsvRecord[] = [];
      for (let i = 0; i < file.length; i += size) records.push(...splitter.push(file.subarray(i, i + size)));
      records.push(...splitter.end());
      expect(records).toEqual([
        { line: 1, fields: ["id", "name"] },
        { line: 2, fields: ["1", "佐藤 ①㈱髙"] },
        { line: 3, fields: ["2", "佐,\n藤"] },
        { line: 5, fields: ["3", "x"] },
      ]);
      expect(splitter.encoding).toBe("shift_jis");
    }
  });

  it("reports a line after the deciding chunk that is not valid in the file's encoding", () => {
    // Decided Shift_JIS by the first chunk (line 2); line 3, in the next chunk, ends in a lone lead byte.
    const splitter = new CsvRecordSplitter();
    const first = splitter.push(Buffer.concat([Buffer.from("a\n"), Buffer.from([0x87, 0x40]), Buffer.from("\n")]));
    const next = splitter.push(Buffer.concat([Buffer.from("b"), Buffer.from([0x87]), Buffer.from("\nc\n")]));
    expect([...first, ...next, ...splitter.end()]).toEqual([
      { line: 1, fields: ["a"] },
      { line: 2, fields: ["①"] },
      { line: 3, error: "invalid-shift-jis" },
      { line: 4, fields: ["c"] },
    ]);
  });

  it("reports each line that is not UTF-8 in a UTF-8 file instead of replacing its bytes", () => {
    const bytes = Buffer.concat([Buffer.from("佐藤\nbad"), Buffer.from([0xff]), Buffer.from("\nlatin1 "), Buffer.from([0xe9]), Buffer.from("\nok2\n")]);
    expect(split(bytes, 4)).toEqual([
      { line: 1, fields: ["佐藤"] },
      { line: 2, error: "invalid-utf8" },
      { line: 3, error: "invalid-utf8" },
      { line: 4, fields: ["ok2"] },
    ]);
  });

  it("refuses a file of mixed encodings at its first line beyond ASCII", () => {
    // "①" in UTF-8 (E2 91 A0, not Shift_JIS), then "①" in Shift_JIS (87 40, not UTF-8).
    const bytes = Buffer.concat([Buffer.from("ok\n①\n"), Buffer.from([0x87, 0x40]), Buffer.from("\nmore\n")]);
    expect(split(bytes, 1000)).toEqual([
      { line: 1, fields: ["ok"] },
      { line: 2, error: "unknown-encoding" },
    ]);
  });

  it("refuses a file that is neither UTF-8 nor Shift_JIS at its first such line, and reads no further", () => {
    const splitter = new CsvRecordSplitter();
    const bytes = Buffer.concat([Buffer.from("ok\nstill ok\ncaf"), Buffer.from([0xe9]), Buffer.from("\n"), Buffer.from([0xff]), Buffer.from("\nmore\n")]);
    expect([...splitter.push(bytes), ...splitter.push(Buffer.from("later\n")), ...splitter.end()]).toEqual([
      { line: 1, fields: ["ok"] },
      { line: 2, fields: ["still ok"] },
      { line: 3, error: "unknown-encoding" },
    ]);
    expect(splitter.refused).toBe(true);
  });

  it("reports broken quoting, and an unclosed quote at the end of the file", () => {
    expect(split('a"b,c\n"x"y,z\nfine\n"open,\nmore\n')).toEqual([
      { line: 1, error: "bad-quoting" },
      { line: 2, error: "bad-quoting" },
      { line: 3, fields: ["fine"] },
      { line: 4, error: "bad-quoting" },
    ]);
  });

  it("parses quoted fields exactly", () => {
    expect(quotedFields('"",x,""""')).toEqual(["", "x", '"']);
    expect(quotedFields('"a",')).toEqual(["a", ""]);
    expect(quotedFields('"a" ,b')).toBeNull();
  });
});
