// The audit log as CSV for spreadsheets: UTF-8 with a byte-order mark (without one, Excel
// in Japan reads the file as Shift_JIS), times on the desk's clock, and no cell that a
// spreadsheet would run as a formula.
import { stringify } from "csv-stringify/sync";
import { DateTime } from "luxon";

export const CSV_COLUMNS = ["sequence", "at", "actor", "action", "targetType", "targetId", "result", "clientHash", "details"] as const;

export interface CsvEntry {
  sequence: number;
  at: Date;
  actorEmail: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  clientHash: string | null;
  result: string;
  details: string | null;
}

export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** The words of the reader's language: the column headings, and the labels some cells use. */
export interface CsvLabels {
  heading: (column: CsvColumn) => string;
  /** The actor of entries made by no staff member. */
  system: string;
  result: (code: string) => string;
}

const BYTE_ORDER_MARK = "\uFEFF";

/**
 * A spreadsheet runs a cell starting with = + - @ (or a tab or return before them) as a
 * formula; a leading apostrophe makes it text. Entries hold what people typed into forms.
 */
export function spreadsheetSafe(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** "2026-11-24 09:05:07": sortable, and read as a date and time by spreadsheets. */
export function deskTimestamp(at: Date, timeZone: string): string {
  return DateTime.fromJSDate(at, { zone: timeZone }).toFormat("yyyy-MM-dd HH:mm:ss");
}

/** audit-log-20261124.csv, dated on the desk's calendar. */
export function exportFileName(now: Date, timeZone: string): string {
  return `audit-log-${DateTime.fromJSDate(now, { zone: timeZone }).toFormat("yyyyLLdd")}.csv`;
}

function csvRow(entry: CsvEntry, labels: CsvLabels, timeZone: string): Array<string | number> {
  return [
    entry.sequence,
    deskTimestamp(entry.at, timeZone),
    ...[
      entry.actorEmail ?? labels.system,
      entry.action,
      entry.targetType ?? "",
      entry.targetId ?? "",
      labels.result(entry.result),
      entry.clientHash ?? "",
      entry.details ?? "",
    ].map(spreadsheetSafe),
  ];
}

/** The file's text in pieces: the mark and the header row, then one piece per batch. */
export async function* auditCsvChunks(batches: AsyncIterable<CsvEntry[]>, labels: CsvLabels, timeZone: string): AsyncGenerator<string> {
  const header = CSV_COLUMNS.map(labels.heading);
  // CRLF, as RFC 4180 and Excel expect.
  yield BYTE_ORDER_MARK + stringify([header], { record_delimiter: "windows" });
  for await (const batch of batches) {
    yield stringify(
      batch.map((entry) => csvRow(entry, labels, timeZone)),
      { record_delimiter: "windows" },
    );
  }
}

/** A response body that pulls the next piece only when the client has taken the last one. */
export function byteStream(chunks: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      // A client that goes away stops the reading of further batches.
      await chunks.return(undefined);
    },
  });
}
