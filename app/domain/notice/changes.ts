// What an edit changed, for the audit entry: field names only, never the texts themselves
// (the revision or group keeps those; the log says who touched what, and when).

/** The fields of `after` whose value differs from `before` (compared as JSON). */
export function changedFields<T extends Record<string, unknown>>(before: T, after: T): Array<keyof T & string> {
  return (Object.keys(after) as Array<keyof T & string>).filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]));
}

/** Members added to and removed from a set, each sorted. */
export function setChanges(before: readonly string[], after: readonly string[]): { added: string[]; removed: string[] } {
  const previous = new Set(before);
  const next = new Set(after);
  return {
    added: [...next].filter((item) => !previous.has(item)).sort(),
    removed: [...previous].filter((item) => !next.has(item)).sort(),
  };
}
