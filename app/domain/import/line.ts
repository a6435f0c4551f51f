// One data line of an import file checked on its own: every problem it has, or the values to
// stage. Checks that need the other lines (duplicates, disagreeing customer fields, an address
// under two external ids) run on the staged file as a whole, in the database.
import { isLocalDate } from "~/domain/business-hours/calendar";
import { addressProblem, normaliseTypedAddress } from "~/domain/email-address";
import type { Column, Header } from "./header";
import { legacyHashScheme } from "~/domain/legacy-hash/registry";
import type { LineIssue } from "./reasons";

/** The affected groups and data categories of the desk, by key. */
export interface ImportLookup {
  groups: Map<string, { id: string; categoryIdsByKey: Map<string, string> }>;
  categoryKeys: Set<string>;
}

export interface ImportLine {
  externalId: string;
  /** As written (trimmed); hashing and encryption normalise it. */
  email: string;
  name: string | null;
  registeredOn: string | null;
  groupId: string;
  /** Sorted, without repeats. */
  categoryIds: string[];
  periodFrom: string | null;
  periodUntil: string | null;
  legacyHash: string | null;
  legacyHashAlgorithm: string | null;
  /** The language the person reads their mail in, when the file says: "ja" | "en". */
  language: "ja" | "en" | null;
}

// Generous limits that still keep a runaway value (a whole file in one field) out of the database.
const MAX_LENGTH: Partial<Record<Column, number>> = {
  external_id: 64,
  email: 254,
  name: 200,
  legacy_hash: 512,
  language: 20,
};

export function validateLine(
  line: number,
  fields: string[],
  header: Header,
  lookup: ImportLookup,
): { ok: true; value: ImportLine } | { ok: false; issues: LineIssue[] } {
  if (fields.length !== header.width) {
    return { ok: false, issues: [{ line, reason: "column-count", detail: `${header.width}:${fields.length}` }] };
  }
  // Plain functions below rather than closures: this runs a million times per file.
  const issues: LineIssue[] = [];
  const externalId = read(line, fields, header, "external_id", issues);
  if (externalId === "") issues.push({ line, reason: "missing-external-id" });
  // As a person typed it into the old system: full-width, with stray spaces (email-address.ts).
  const email = normaliseTypedAddress(read(line, fields, header, "email", issues));
  // Too long is reported on its own by read().
  const problem = addressProblem(email);
  if (problem && problem !== "tooLong") issues.push({ line, reason: "bad-email" });
  const name = read(line, fields, header, "name", issues) || null;
  const registeredOn = readDate(line, fields, header, "registered_on", issues);

  const groupKey = read(line, fields, header, "group", issues);
  const group = lookup.groups.get(groupKey);
  if (!group) issues.push({ line, reason: "unknown-group", detail: groupKey.slice(0, 40) });
  const categoryKeys = new Set(
    read(line, fields, header, "categories", issues)
      .split(";")
      .map((key) => key.trim()),
  );
  categoryKeys.delete("");
  if (categoryKeys.size === 0) issues.push({ line, reason: "no-categories" });
  const categoryIds: string[] = [];
  for (const key of categoryKeys) {
    const id = group?.categoryIdsByKey.get(key);
    if (id) categoryIds.push(id);
    else if (!lookup.categoryKeys.has(key)) issues.push({ line, reason: "unknown-category", detail: key.slice(0, 40) });
    else if (group) issues.push({ line, reason: "category-not-in-group", detail: key });
  }

  const periodFrom = readDate(line, fields, header, "period_from", issues);
  const periodUntil = readDate(line, fields, header, "period_until", issues);
  if (periodFrom && periodUntil && periodFrom > periodUntil) issues.push({ line, reason: "bad-period" });

  const legacyHash = read(line, fields, header, "legacy_hash", issues) || null;
  const legacyHashAlgorithm = read(line, fields, header, "legacy_hash_algorithm", issues) || null;
  if ((legacyHash === null) !== (legacyHashAlgorithm === null)) issues.push({ line, reason: "bad-legacy-hash", detail: "pair" });
  else if (legacyHash !== null && legacyHashAlgorithm !== null) {
    const scheme = legacyHashScheme(legacyHashAlgorithm);
    if (!scheme) issues.push({ line, reason: "bad-legacy-hash", detail: legacyHashAlgorithm.slice(0, 40) });
    // Wrapped later from its parts: a hash that doesn't split could never be checked.
    else if (!scheme.split(legacyHash)) issues.push({ line, reason: "bad-legacy-hash-format", detail: scheme.name });
  }

  const language = readLanguage(line, fields, header, issues);

  if (issues.length > 0 || !group) return { ok: false, issues };
  return {
    ok: true,
    value: {
      externalId,
      email,
      name,
      registeredOn,
      groupId: group.id,
      categoryIds: categoryIds.sort(),
      periodFrom,
      periodUntil,
      legacyHash,
      legacyHashAlgorithm,
      language,
    },
  };
}

// How old systems and spreadsheets write a language: codes, names in either language.
const LANGUAGE_NAMES: Record<string, "ja" | "en"> = {
  ja: "ja",
  jp: "ja",
  jpn: "ja",
  "ja-jp": "ja",
  japanese: "ja",
  日本語: "ja",
  en: "en",
  eng: "en",
  "en-us": "en",
  "en-gb": "en",
  english: "en",
  英語: "en",
};

/** An optional language, as typed (full-width, upper case, "ja_JP"); null when empty, reported when unknown. */
function readLanguage(line: number, fields: string[], header: Header, issues: LineIssue[]): "ja" | "en" | null {
  const value = read(line, fields, header, "language", issues);
  if (value === "") return null;
  const language = LANGUAGE_NAMES[value.normalize("NFKC").toLowerCase().replace("_", "-")];
  if (!language) issues.push({ line, reason: "bad-language", detail: value.slice(0, 20) });
  return language ?? null;
}

/** A trimmed field; "" for a column the file doesn't have. */
function read(line: number, fields: string[], header: Header, column: Column, issues: LineIssue[]): string {
  const position = header.position[column];
  const value = position === undefined ? "" : fields[position]!.trim();
  const max = MAX_LENGTH[column];
  if (max !== undefined && value.length > max) issues.push({ line, reason: "too-long", detail: column });
  return value;
}

/** An optional date; null when empty or not a real calendar date (reported). */
function readDate(line: number, fields: string[], header: Header, column: Column, issues: LineIssue[]): string | null {
  const value = read(line, fields, header, column, issues);
  if (value === "") return null;
  if (isKnownDate(value)) return value;
  issues.push({ line, reason: "bad-date", detail: column });
  return null;
}

// The same few thousand dates recur through a file (registration days, periods); checking a
// date costs a Date round trip, so answers are kept, in a bounded memo.
const dateMemo = new Map<string, boolean>();
function isKnownDate(value: string): boolean {
  let valid = dateMemo.get(value);
  if (valid === undefined) {
    valid = isLocalDate(value);
    if (dateMemo.size >= 10_000) dateMemo.clear();
    dateMemo.set(value, valid);
  }
  return valid;
}
