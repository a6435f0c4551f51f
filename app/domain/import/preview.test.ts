import { describe, expect, it } from "vitest";
import { ImportPreviewReader, PREVIEW_NAMES } from "./preview";

const HEADER = "external_id,email,name,group,categories";

function preview(bytes: Buffer, size = 5) {
  const reader = new ImportPreviewReader();
  for (let i = 0; i < bytes.length; i += size) if (!reader.push(bytes.subarray(i, i + size))) return reader.end(false);
  return reader.end(true);
}

describe("the preview of an import file", () => {
  it("names the encoding and the first names as decoded, with their lines", () => {
    // 髙橋 and ㈱ in Windows-31J.
    const sjis = Buffer.concat([
      Buffer.from(`${HEADER}\r\n1,a@example.org,`),
      Buffer.from("fbfc8bb4", "hex"),
      Buffer.from("\r\n2,b@example.org,,g,c\r\n3,c@example.org,"),
      Buffer.from("878a", "hex"),
      Buffer.from(",g,c\r\n"),
    ]);
    expect(preview(sjis)).toEqual({
      encoding: "shift_jis",
      refusedAt: null,
      nameColumn: true,
      names: [
        { line: 2, name: "髙橋" },
        { line: 4, name: "㈱" },
      ],
    });
  });

  it("stops at the first few names once the encoding is known", () => {
    const lines = Array.from({ length: 50 }, (_, n) => `${n},x${n}@example.org,佐藤 ${n},g,c`);
    const bytes = Buffer.from([HEADER, ...lines].join("\n"));
    const reader = new ImportPreviewReader();
    expect(reader.push(bytes.subarray(0, 400))).toBe(false);
    expect(reader.end(false).names.map((entry) => entry.name)).toEqual(Array.from({ length: PREVIEW_NAMES }, (_, n) => `佐藤 ${n}`));
    expect(reader.result.encoding).toBe("utf-8");
  });

  it("says so when a BOM marks UTF-8, when all is ASCII, and when there is no name column", () => {
    const bom = preview(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${HEADER}\n1,a@example.org,Ken,g,c\n`)]));
    expect(bom).toMatchObject({ encoding: "utf-8-bom", names: [{ line: 2, name: "Ken" }] });
    expect(preview(Buffer.from(`${HEADER}\n1,a@example.org,Ken,g,c`))).toMatchObject({ encoding: null, names: [{ line: 2, name: "Ken" }] });
    expect(preview(Buffer.from("external_id,email,group,categories\n1,a@example.org,g,c\n"))).toMatchObject({ nameColumn: false, names: [] });
  });

  it("refuses a file that is neither UTF-8 nor Shift_JIS, naming the line", () => {
    const latin1 = Buffer.concat([Buffer.from(`${HEADER}\n1,a@example.org,Jos`), Buffer.from([0xe9]), Buffer.from(",g,c\n")]);
    expect(preview(latin1, 1000)).toMatchObject({ encoding: null, refusedAt: 2 });
  });
});
