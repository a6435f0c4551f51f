// Splits an import file into CSV records (RFC 4180: comma, double quotes, "" inside quotes,
// line breaks inside quotes, LF or CRLF) as its bytes arrive, numbering the physical line
// each record starts on. It works on bytes, not text, so that a line which is not UTF-8 is
// reported as such instead of being decoded into replacement characters, and a BOM is seen.
// Written here rather than with csv-parse, which took 7 s (strings) to 12 s (bytes, with line
// info) for a million lines, against under 2 s for this (docs/benchmarks.md, ADR 009).
import { isUtf8 } from "node:buffer";

export type CsvRecord =
  | { line: number; fields: string[] }
  | { line: number; error: "bom" | "invalid-utf8" | "bad-quoting" };

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const COMMA = 0x2c;
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

export class CsvRecordSplitter {
  #pending: Buffer = Buffer.alloc(0);
  #line = 1;
  #atStart = true;

  /** Records completed by this chunk; an unfinished last record waits for the next one. */
  push(chunk: Buffer): CsvRecord[] {
    const buffer = this.#pending.length > 0 ? Buffer.concat([this.#pending, chunk]) : chunk;
    return this.#split(buffer, false);
  }

  /** The last record, for a file that doesn't end with a line break. */
  end(): CsvRecord[] {
    return this.#split(this.#pending, true);
  }

  #split(buffer: Buffer, final: boolean): CsvRecord[] {
    const records: CsvRecord[] = [];
    let position = 0;
    if (this.#atStart) {
      if (buffer.length < BOM.length && !final) {
        this.#pending = buffer;
        return records;
      }
      this.#atStart = false;
      if (buffer.subarray(0, BOM.length).equals(BOM)) {
        records.push({ line: 1, error: "bom" });
        position = BOM.length;
      }
    }
    // One validity check for the whole chunk; only a chunk that fails is checked line by line.
    // A line break can't be part of a multi-byte character, so the lines of a valid chunk are valid.
    const lastBreak = buffer.lastIndexOf(LF);
    const allUtf8 = isUtf8(buffer.subarray(position, final ? buffer.length : lastBreak + 1));
    let nextQuote = buffer.indexOf(QUOTE, position);
    while (position < buffer.length) {
      let end = buffer.indexOf(LF, position);
      let breaks = 1;
      if (nextQuote !== -1 && nextQuote < position) nextQuote = buffer.indexOf(QUOTE, position);
      if (nextQuote !== -1 && (end === -1 || nextQuote < end)) {
        // Quotes in this record: its end is the first line break outside quotes.
        const found = recordEnd(buffer, position);
        end = found.end;
        breaks = found.breaks + 1;
        if (end === -1 && final && found.open) {
          records.push({ line: this.#line, error: "bad-quoting" });
          position = buffer.length;
          break;
        }
      }
      if (end === -1) {
        if (!final) break;
        end = buffer.length;
        breaks = 0;
      }
      const record = this.#record(buffer, position, end, allUtf8);
      if (record) records.push(record);
      this.#line += breaks;
      position = end + 1;
    }
    this.#pending = position < buffer.length ? Buffer.from(buffer.subarray(position)) : Buffer.alloc(0);
    return records;
  }

  #record(buffer: Buffer, start: number, end: number, knownUtf8: boolean): CsvRecord | null {
    const stop = end > start && buffer[end - 1] === CR ? end - 1 : end;
    if (stop === start) return null; // an empty line
    if (!knownUtf8 && !isUtf8(buffer.subarray(start, stop))) return { line: this.#line, error: "invalid-utf8" };
    const text = buffer.toString("utf8", start, stop);
    const fields = text.includes('"') ? quotedFields(text) : text.split(",");
    return fields ? { line: this.#line, fields } : { line: this.#line, error: "bad-quoting" };
  }
}

/**
 * The line break ending a record that has quotes, or -1 if the buffer doesn't hold it yet
 * (`open` tells whether a quoted field was still open there). A quote opens a quoted field
 * only at the start of a field; a stray one elsewhere is left for `quotedFields` to refuse,
 * so that it can't swallow the lines after it.
 */
function recordEnd(buffer: Buffer, start: number): { end: number; breaks: number; open: boolean } {
  let state: "field-start" | "unquoted" | "quoted" | "after-quote" = "field-start";
  let breaks = 0;
  for (let i = start; i < buffer.length; i++) {
    const byte = buffer[i];
    if (state === "quoted") {
      if (byte === QUOTE) state = "after-quote";
      else if (byte === LF) breaks++;
    } else if (byte === LF) {
      return { end: i, breaks, open: false };
    } else if (state === "after-quote" && byte === QUOTE) {
      state = "quoted"; // "" inside quotes
    } else if (byte === COMMA) {
      state = "field-start";
    } else {
      state = state === "field-start" && byte === QUOTE ? "quoted" : "unquoted";
    }
  }
  return { end: -1, breaks, open: state === "quoted" };
}

/** Fields of a record with quotes, or null when its quoting breaks RFC 4180. */
export function quotedFields(text: string): string[] | null {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (text[i] === '"') {
      let value = "";
      i++;
      for (;;) {
        const close = text.indexOf('"', i);
        if (close === -1) return null;
        value += text.slice(i, close);
        if (text[close + 1] === '"') {
          value += '"';
          i = close + 2;
        } else {
          i = close + 1;
          break;
        }
      }
      fields.push(value);
      if (i === text.length) return fields;
      if (text[i] !== ",") return null;
      i++;
    } else {
      const comma = text.indexOf(",", i);
      const value = text.slice(i, comma === -1 ? text.length : comma);
      if (value.includes('"')) return null;
      fields.push(value);
      if (comma === -1) return fields;
      i = comma + 1;
    }
  }
}
