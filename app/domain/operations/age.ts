// How long something has waited, in the largest unit that reads naturally ("3 minutes",
// "2 hours"), for the operations view; the words come from the locale files.

export type AgeUnit = "seconds" | "minutes" | "hours" | "days";

export function ageOf(ms: number): { unit: AgeUnit; count: number } {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  if (seconds < 60) return { unit: "seconds", count: seconds };
  if (seconds < 3600) return { unit: "minutes", count: Math.floor(seconds / 60) };
  if (seconds < 86_400) return { unit: "hours", count: Math.floor(seconds / 3600) };
  return { unit: "days", count: Math.floor(seconds / 86_400) };
}

/** Whole percent of work done, 0–100; no work counts as nothing done yet. */
export function percentDone(done: number, total: number): number {
  return total > 0 ? Math.min(100, Math.max(0, Math.floor((done / total) * 100))) : 0;
}
