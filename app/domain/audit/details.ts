// An entry's details as a reader sees them: the stored JSON object as key/value pairs, nested
// objects flattened to dotted keys ("before.firstResponseHours"), and instants marked so the
// page can show them in the desk's time zone instead of as UTC strings.
export type DetailValue = { kind: "instant"; iso: string } | { kind: "text"; text: string } | { kind: "none" };

export interface DetailItem {
  key: string;
  value: DetailValue;
}

// What appendAudit stores from Date.toISOString() and the like; a bare date is a desk-local
// day (a filter's "from") and is shown as written.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isScalarList(value: unknown): value is (string | number | boolean | bigint | null | undefined)[] {
  return Array.isArray(value) && value.every((item) => item === null || ["undefined", "string", "number", "boolean", "bigint"].includes(typeof item));
}

function valueOf(value: unknown): DetailValue {
  if (value === null || value === undefined || value === "") return { kind: "none" };
  if (typeof value === "string") {
    return ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value)) ? { kind: "instant", iso: value } : { kind: "text", text: value };
  }
  if (isScalarList(value)) {
    return value.length === 0 ? { kind: "none" } : { kind: "text", text: value.map(String).join(", ") };
  }
  if (typeof value === "object") return { kind: "text", text: JSON.stringify(value) };
  // Details are parsed JSON: what is left is a number or a boolean.
  return { kind: "text", text: String(value as number | boolean) };
}

function itemsOf(object: Record<string, unknown>, prefix: string): DetailItem[] {
  return Object.entries(object).flatMap(([key, value]) =>
    isPlainObject(value) && Object.keys(value).length > 0 ? itemsOf(value, `${prefix}${key}.`) : [{ key: `${prefix}${key}`, value: valueOf(value) }],
  );
}

/**
 * The pairs to show, or null when there are no details. Text that isn't a JSON object (an
 * entry written by hand, or by an older version) comes back as one pair with an empty key.
 */
export function auditDetailItems(details: string | null): DetailItem[] | null {
  if (details === null || details === "") return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(details);
  } catch {
    return [{ key: "", value: { kind: "text", text: details } }];
  }
  if (!isPlainObject(parsed)) return [{ key: "", value: valueOf(parsed) }];
  const items = itemsOf(parsed, "");
  return items.length > 0 ? items : null;
}
