// What a notice revision may be. The kind and number make its label (第2報 / "Update 2");
// numbers follow creation order, and only one draft exists at a time, so a draft's
// number is always the next one to be published.
export const NOTICE_KINDS = ["first", "update", "final"] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export function isNoticeKind(value: unknown): value is NoticeKind {
  return NOTICE_KINDS.includes(value as NoticeKind);
}

/** The first report only while nothing is published; after that, updates or the final report. */
export function allowedKinds(hasPublished: boolean): NoticeKind[] {
  return hasPublished ? ["update", "final"] : ["first"];
}

/** What a new draft starts as: usually the next update. */
export function defaultKind(hasPublished: boolean): NoticeKind {
  return hasPublished ? "update" : "first";
}

/** The number a new draft takes: one more than the highest ever used (drafts included). */
export function nextRevisionNumber(highest: number | null | undefined): number {
  return (highest ?? 0) + 1;
}

/** A revision number from a URL: a whole number from 1, anything else is no revision at all. */
export function parseRevisionNumber(value: unknown): number | null {
  if (typeof value !== "string" || !/^[1-9]\d{0,6}$/.test(value)) return null;
  return Number(value);
}
