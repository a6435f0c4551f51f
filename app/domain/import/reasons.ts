// Why a line of an import file was refused. The codes are stored with each bad line
// (ImportLineError.reason) and explained to people in locales/*/staff-import.json.
export const LINE_REASONS = [
  // the file as bytes and CSV
  "invalid-utf8",
  "invalid-shift-jis",
  "unknown-encoding",
  "bad-quoting",
  "missing-header",
  "bad-header",
  "column-count",
  // one line on its own
  "missing-external-id",
  "too-long",
  "bad-email",
  "unknown-group",
  "no-categories",
  "unknown-category",
  "category-not-in-group",
  "bad-date",
  "bad-period",
  "bad-legacy-hash",
  "bad-legacy-hash-format",
  "bad-language",
  // the line against the rest of the file, or against the database
  "duplicate-id",
  "conflicting-customer",
  "email-taken",
  "email-registered",
  // no longer reported (a BOM now means UTF-8, ADR 019); kept for the runs on record that have it
  "bom",
  // not an error: the line was left out of a completed run (a tombstone of an erasure matched)
  "erased-on-request",
] as const;
export type LineReason = (typeof LINE_REASONS)[number];

/**
 * One problem of one line. `detail` is what helps fix it (a column name, a key, the
 * other line's number), never a whole row and never an address or a name.
 */
export interface LineIssue {
  line: number;
  reason: LineReason;
  detail?: string;
}

export function isLineReason(value: string): value is LineReason {
  return LINE_REASONS.includes(value as LineReason);
}

/**
 * The i18n key (namespace staff-import) and values that explain a stored issue. Details that
 * carry two parts ("10:9", "unknown:foo") are split here so each language words them itself.
 */
export function issueMessage(reason: string, detail: string | null): { key: string; values: Record<string, string> } {
  if (!isLineReason(reason)) return { key: "reasons.unknown", values: { reason } };
  if (reason === "column-count" && detail) {
    const [expected = "", found = ""] = detail.split(":");
    return { key: "reasons.column-count", values: { expected, found } };
  }
  if (reason === "bad-header" && detail) {
    const separator = detail.indexOf(":");
    const kind = separator === -1 ? detail : detail.slice(0, separator);
    return { key: `reasons.bad-header-${kind}`, values: { column: detail.slice(separator + 1) } };
  }
  if (reason === "bad-legacy-hash" && detail === "pair") return { key: "reasons.bad-legacy-hash-pair", values: {} };
  return { key: `reasons.${reason}`, values: { detail: detail ?? "" } };
}
