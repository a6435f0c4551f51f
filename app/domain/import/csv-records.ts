// Splits an import file into CSV records (RFC 4180: comma, double quotes, "" inside quotes,
// line breaks inside quotes, LF or CRLF) as its bytes arrive, numbering the physical line
// each record starts on. It works on bytes, not text, so that a line which is not valid in
// the file's encoding is reported as such instead of being decoded into replacement
// characters. The encoding (UTF-8 with or without BOM, or Shift_JIS) is decided by the
// first bytes that are not ASCII and then holds for the whole file (encoding.ts, ADR 019).
// Written here rather than with csv-parse, which took 7 s (strings) to 12 s (bytes, with line
// info) for a million lines, against under 2 s for this (docs/benchmarks.md, ADR 009).
import { isAscii, isUtf8 } from "node:buffer";
import { decideEncoding, decodeStrictly, startsWithBom, UTF8_BOM, type FileEncoding } from "./encoding";

export type CsvRecord = { line: number; fields: string[] } | { line: number; error: "invalid-utf8" | "invalid-shift-jis" | "unknown-encoding" | "bad-quoting" };

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const COMMA = 0x2c;

export class CsvRecordSplitter {
  #pending: Buffer = Buffer.alloc(0);
  #line = 1;
  #atStart = true;
  #encoding: FileEncoding | null = null;
  /** The bytes read so far are neither UTF-8 nor Shift_JIS: the first such line is reported, then nothing more. */
  #neither = false;
  #refused = false;
  /** In such bytes, the first line beyond ASCII that one of the encodings could read (a file of mixed encodings). */
  #firstMixedLine: number | null = null;

  /** The file's encoding once its first bytes beyond ASCII were read; null while all were ASCII (read as UTF-8). */
  get encoding(): FileEncoding | null {
    return this.#encoding;
  }

  /** Whether the file was found to be neither UTF-8 nor Shift_JIS (an "unknown-encoding" record said where). */
  get refused(): boolean {
    return this.#refused;
  }

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
    if (this.#refused) return records;
    let position = 0;
    if (this.#atStart) {
      if (buffer.length < UTF8_BOM.length && !final) {
        this.#pending = buffer;
        return records;
      }
      this.#atStart = false;
      if (startsWithBom(buffer)) {
        this.#encoding = "utf-8-bom";
        position = UTF8_BOM.length;
      }
    }
    // The records completed here end at the last line break (all of them, at the end of the
    // file). A line break can't be part of a multi-byte character in either encoding, so
    // these bytes hold whole characters: the encoding is decided on them, and one validity
    // check covers all of them; only a chunk that fails is checked line by line.
    const complete = buffer.subarray(position, final ? buffer.length : buffer.lastIndexOf(LF) + 1);
    if (this.#encoding === null && !this.#neither) {
      const decided = decideEncoding(complete);
      if (decided === "neither") this.#neither = true;
      else if (decided) this.#encoding = decided;
    }
    const allValid = this.#encoding === "shift_jis" ? false : this.#neither ? isAscii(complete) : isUtf8(complete);
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
      const record = this.#record(buffer, position, end, allValid);
      if (record) records.push(record);
      if (this.#refused) {
        position = buffer.length;
        break;
      }
      this.#line += breaks;
      position = end + 1;
    }
    if (this.#neither && !this.#refused && this.#firstMixedLine !== null) {
      // Every line is valid in one encoding or the other, but not all in the same one.
      this.#refused = true;
      records.push({ line: this.#firstMixedLine, error: "unknown-encoding" });
      position = buffer.length;
    }
    this.#pending = position < buffer.length ? Buffer.from(buffer.subarray(position)) : Buffer.alloc(0);
    return records;
  }

  #record(buffer: Buffer, start: number, end: number, knownValid: boolean): CsvRecord | null {
    const stop = end > start && buffer[end - 1] === CR ? end - 1 : end;
    if (stop === start) return null; // an empty line
    if (this.#firstMixedLine !== null) return null; // the file is refused at the end of these bytes
    const text = knownValid ? buffer.toString("utf8", start, stop) : this.#decode(buffer.subarray(start, stop));
    if (typeof text !== "string") return text;
    const fields = text.includes('"') ? quotedFields(text) : text.split(",");
    return fields ? { line: this.#line, fields } : { line: this.#line, error: "bad-quoting" };
  }

  /** A line in a chunk not known to be valid: its text, an error, or null to leave it out. */
  #decode(bytes: Buffer): string | CsvRecord | null {
    if (this.#encoding === "shift_jis") return decodeStrictly(bytes, "shift_jis") ?? { line: this.#line, error: "invalid-shift-jis" };
    if (this.#neither && !isAscii(bytes)) {
      // Bytes that are neither encoding: the first line neither can read is reported, and
      // nothing after it is read.
      if (isUtf8(bytes) || decodeStrictly(bytes, "shift_jis") !== null) {
        this.#firstMixedLine ??= this.#line;
        return null;
      }
      this.#refused = true;
      return { line: this.#line, error: "unknown-encoding" };
    }
    return isUtf8(bytes) ? bytes.toString("utf8") : { line: this.#line, error: "invalid-utf8" };
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
