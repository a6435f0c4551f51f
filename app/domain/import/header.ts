// The header line of an import file: which column is where. Names are exact, order is free;
// four columns are required, the others may be left out (README, "Importing affected records").
import type { LineIssue } from "./reasons";

export const COLUMNS = [
  "external_id",
  "email",
  "name",
  "registered_on",
  "group",
  "categories",
  "period_from",
  "period_until",
  "legacy_hash",
  "legacy_hash_algorithm",
  "language",
] as const;
export type Column = (typeof COLUMNS)[number];

export const REQUIRED_COLUMNS: readonly Column[] = ["external_id", "email", "group", "categories"];

export interface Header {
  /** How many fields every line must have. */
  width: number;
  /** Position of each column present in the file. */
  position: Partial<Record<Column, number>>;
}

function isColumn(value: string): value is Column {
  return COLUMNS.includes(value as Column);
}

/** The header, or the problems of its line that make the rest of the file unreadable. */
export function parseHeader(fields: string[], line = 1): { header: Header } | { issues: LineIssue[] } {
  const names = fields.map((field) => field.trim());
  // No known name at all: most likely an export without its header line.
  if (!names.some(isColumn)) return { issues: [{ line, reason: "missing-header" }] };
  const issues: LineIssue[] = [];
  const position: Header["position"] = {};
  names.forEach((name, index) => {
    if (!isColumn(name)) issues.push({ line, reason: "bad-header", detail: `unknown:${name.slice(0, 40)}` });
    else if (position[name] !== undefined) issues.push({ line, reason: "bad-header", detail: `twice:${name}` });
    else position[name] = index;
  });
  for (const name of REQUIRED_COLUMNS) {
    if (position[name] === undefined) issues.push({ line, reason: "bad-header", detail: `missing:${name}` });
  }
  if ((position.legacy_hash === undefined) !== (position.legacy_hash_algorithm === undefined)) {
    issues.push({ line, reason: "bad-header", detail: "legacy-pair" });
  }
  return issues.length > 0 ? { issues } : { header: { width: names.length, position } };
}
