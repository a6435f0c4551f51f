import { describe, expect, it } from "vitest";
import { auditCsvChunks, byteStream, deskTimestamp, exportFileName, spreadsheetSafe, type CsvEntry, type CsvLabels } from "./csv-export";

const headings = {
  sequence: "番号",
  at: "日時（Asia/Tokyo）",
  actor: "実行者",
  action: "操作",
  targetType: "対象の種類",
  targetId: "対象のID",
  result: "結果",
  clientHash: "接続元ハッシュ",
  details: "詳細",
};
const results: Record<string, string> = { ok: "成功", denied: "拒否", failed: "失敗" };
const labels: CsvLabels = {
  heading: (column) => headings[column],
  system: "システム",
  result: (code) => results[code] ?? code,
};

function entry(overrides: Partial<CsvEntry>): CsvEntry {
  return {
    sequence: 1,
    at: new Date("2026-11-24T00:05:07.123Z"),
    actorEmail: "officer@example.com",
    action: "audit.view",
    targetType: null,
    targetId: null,
    clientHash: "abc",
    result: "ok",
    details: null,
    ...overrides,
  };
}

async function* batches(...list: CsvEntry[][]) {
  yield* list;
}

/** The bytes as they are, byte-order mark included (Response.text() would drop it). */
async function text(chunks: AsyncGenerator<string>): Promise<string> {
  const bytes = await new Response(byteStream(chunks)).arrayBuffer();
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
}

describe("audit log CSV", () => {
  it("starts with a byte-order mark and the header row, then a line per entry", async () => {
    const csv = await text(
      auditCsvChunks(
        batches(
          [entry({ sequence: 3, details: '{"actor":"a@example.com","result":"ok"}' })],
          [entry({ sequence: 2, actorEmail: null, result: "denied", targetType: "route", targetId: "/staff/audit" })],
        ),
        labels,
        "Asia/Tokyo",
      ),
    );
    expect(csv.split("\r\n")).toEqual([
      "\uFEFF番号,日時（Asia/Tokyo）,実行者,操作,対象の種類,対象のID,結果,接続元ハッシュ,詳細",
      '3,2026-11-24 09:05:07,officer@example.com,audit.view,,,成功,abc,"{""actor"":""a@example.com"",""result"":""ok""}"',
      "2,2026-11-24 09:05:07,システム,audit.view,route,/staff/audit,拒否,abc,",
      "",
    ]);
  });

  it("is only the header for an empty log", async () => {
    expect(await text(auditCsvChunks(batches(), labels, "Asia/Tokyo"))).toBe(
      "\uFEFF番号,日時（Asia/Tokyo）,実行者,操作,対象の種類,対象のID,結果,接続元ハッシュ,詳細\r\n",
    );
  });

  it("writes an unknown result code as it is", async () => {
    const csv = await text(auditCsvChunks(batches([entry({ result: "pending" })]), labels, "Asia/Tokyo"));
    expect(csv.split("\r\n")[1]).toContain(",pending,");
  });

  it("stops reading batches when the download is cancelled", async () => {
    let batchesRead = 0;
    async function* endless() {
      for (;;) {
        batchesRead += 1;
        yield [entry({})];
      }
    }
    const reader = byteStream(auditCsvChunks(endless(), labels, "Asia/Tokyo")).getReader();
    await reader.read();
    await reader.read();
    await reader.cancel();
    expect(batchesRead).toBe(1);
  });
});

describe("cells a spreadsheet would run", () => {
  it.each(['=HYPERLINK("https://evil.example")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"])("defuses %j", (cell) => {
    expect(spreadsheetSafe(cell)).toBe(`'${cell}`);
  });

  it("leaves ordinary text alone", () => {
    expect(spreadsheetSafe("officer@example.com")).toBe("officer@example.com");
    expect(spreadsheetSafe('{"a":"=1"}')).toBe('{"a":"=1"}');
  });

  it("defuses a formula typed into a filter and logged in an entry's details", async () => {
    const csv = await text(auditCsvChunks(batches([entry({ targetId: "=1+1" })]), labels, "Asia/Tokyo"));
    expect(csv.split("\r\n")[1]).toContain(",'=1+1,");
  });
});

describe("desk-local dates", () => {
  it("writes times on the desk's clock", () => {
    expect(deskTimestamp(new Date("2026-11-23T15:00:00Z"), "Asia/Tokyo")).toBe("2026-11-24 00:00:00");
    expect(deskTimestamp(new Date("2026-07-01T12:00:00Z"), "Europe/London")).toBe("2026-07-01 13:00:00");
  });

  it("dates the file on the desk's calendar", () => {
    expect(exportFileName(new Date("2026-11-23T15:30:00Z"), "Asia/Tokyo")).toBe("audit-log-20261124.csv");
    expect(exportFileName(new Date("2026-11-23T15:30:00Z"), "UTC")).toBe("audit-log-20261123.csv");
  });
});
