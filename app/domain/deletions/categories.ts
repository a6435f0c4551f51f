// The kinds of personal data an erasure removes, as counted in the tombstone and the
// manifest, and explained to the customer before they ask (locales/*/deletion.json).
export const ERASED_CATEGORIES = [
  "email-address",
  "name",
  "exposure-records",
  "password-data",
  "inquiry-contact-details",
  "inquiry-messages",
  "sessions",
  "unsent-mail",
  "pending-requests",
] as const;
export type ErasedCategory = (typeof ERASED_CATEGORIES)[number];

/** How many items of each kind were erased; kinds with none are left out. */
export type ErasedCounts = Partial<Record<ErasedCategory, number>>;

export function erasedCountsOf(counts: Record<ErasedCategory, number>): ErasedCounts {
  return Object.fromEntries(ERASED_CATEGORIES.filter((category) => counts[category] > 0).map((category) => [category, counts[category]]));
}

/** A stored JSON of counts, read strictly (unknown kinds are dropped). */
export function parseErasedCounts(json: string | null): ErasedCounts {
  if (!json) return {};
  const value: unknown = JSON.parse(json);
  if (typeof value !== "object" || value === null) return {};
  const entries = Object.entries(value as Record<string, unknown>);
  return Object.fromEntries(
    entries.filter(([key, count]) => (ERASED_CATEGORIES as readonly string[]).includes(key) && Number.isInteger(count) && (count as number) > 0),
  );
}
