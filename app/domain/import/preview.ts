// What the privacy officer sees of a file before it is imported: the encoding it is read in
// and the first few names as decoded, so that mojibake is caught by eye before anything is
// written (ADR 019). Read through the import's own splitter and header, from the start of
// the file only.
import { CsvRecordSplitter, type CsvRecord } from "./csv-records";
import type { FileEncoding } from "./encoding";
import { parseHeader } from "./header";

/** How many names the preview shows. */
export const PREVIEW_NAMES = 5;
/** A file all ASCII this far is called UTF-8 without reading on (ASCII is both encodings). */
export const PREVIEW_MAX_BYTES = 8 * 1024 * 1024;

export type ImportPreview = {
  /** null: only ASCII in the bytes read, which reads the same in both (imported as UTF-8). */
  encoding: FileEncoding | null;
  /** The line of the file that is neither UTF-8 nor Shift_JIS; the file is refused. */
  refusedAt: number | null;
  /** Whether the header names a name column (names can only be shown if it does). */
  nameColumn: boolean;
  /** The first non-empty names, trimmed as the import trims them, with their lines. */
  names: Array<{ line: number; name: string }>;
};

export class ImportPreviewReader {
  readonly #splitter = new CsvRecordSplitter();
  #bytes = 0;
  #headerRead = false;
  #namePosition: number | null = null;
  #names: ImportPreview["names"] = [];
  #refusedAt: number | null = null;
  #ended = false;

  /** Feeds the next bytes of the file; false once the preview has all it needs. */
  push(chunk: Buffer): boolean {
    this.#bytes += chunk.length;
    this.#take(this.#splitter.push(chunk));
    return !this.done;
  }

  /** The preview, once the file is read to its end (wholeFile) or far enough (push returned false). */
  end(wholeFile: boolean): ImportPreview {
    // A file's last line may lack its line break; a line cut off by stopping early is left out.
    if (wholeFile && !this.#ended && !this.#splitter.refused) this.#take(this.#splitter.end());
    this.#ended = true;
    return this.result;
  }

  get done(): boolean {
    if (this.#splitter.refused || this.#bytes >= PREVIEW_MAX_BYTES) return true;
    const decided = this.#splitter.encoding !== null;
    const namesRead = this.#headerRead && (this.#namePosition === null || this.#names.length >= PREVIEW_NAMES);
    return decided && namesRead;
  }

  get result(): ImportPreview {
    return {
      encoding: this.#splitter.encoding,
      refusedAt: this.#refusedAt,
      nameColumn: this.#namePosition !== null,
      names: this.#names,
    };
  }

  #take(records: CsvRecord[]): void {
    for (const record of records) {
      if ("error" in record) {
        if (record.error === "unknown-encoding") this.#refusedAt = record.line;
        continue;
      }
      if (!this.#headerRead) {
        // The import reports a bad header itself; the preview only needs to find the names.
        this.#headerRead = true;
        const parsed = parseHeader(record.fields, record.line);
        const position = "header" in parsed ? parsed.header.position.name : record.fields.findIndex((field) => field.trim() === "name");
        this.#namePosition = position === undefined || position === -1 ? null : position;
        continue;
      }
      if (this.#namePosition === null || this.#names.length >= PREVIEW_NAMES) continue;
      const name = record.fields[this.#namePosition]?.trim();
      if (name) this.#names.push({ line: record.line, name });
    }
  }
}
