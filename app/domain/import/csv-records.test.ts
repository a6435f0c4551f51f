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

  it("reports a BOM on line 1 and still reads the line", () => {
    expect(split(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("a,b\n")]), 2)).toEqual([
      { line: 1, error: "bom" },
      { line: 1, fields: ["a", "b"] },
    ]);
  });

  it("reports each line that is not UTF-8 instead of replacing its bytes", () => {
    const bytes = Buffer.concat([Buffer.from("ok\nbad"), Buffer.from([0xff]), Buffer.from("\nlatin1 "), Buffer.from([0xe9]), Buffer.from("\nok2\n")]);
    expect(split(bytes, 4)).toEqual([
      { line: 1, fields: ["ok"] },
      { line: 2, error: "invalid-utf8" },
      { line: 3, error: "invalid-utf8" },
      { line: 4, fields: ["ok2"] },
    ]);
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
