// What an inquiry is about. The order is the order of the form's choices.
export const INQUIRY_CATEGORIES = ["affected", "password", "deletion", "suspicious-contact", "card", "other"] as const;
export type InquiryCategory = (typeof INQUIRY_CATEGORIES)[number];

export function isInquiryCategory(value: unknown): value is InquiryCategory {
  return INQUIRY_CATEGORIES.includes(value as InquiryCategory);
}

export const INQUIRY_STATUSES = ["new", "open", "waiting", "resolved", "closed"] as const;
export type InquiryStatus = (typeof INQUIRY_STATUSES)[number];

export function isInquiryStatus(value: unknown): value is InquiryStatus {
  return INQUIRY_STATUSES.includes(value as InquiryStatus);
}

/** Statuses of an inquiry still being dealt with: not resolved or closed (the dashboard's and the metrics' "open"). */
export const OPEN_INQUIRY_STATUSES: readonly InquiryStatus[] = ["new", "open", "waiting"];

/** Statuses in which the desk owes the customer an answer, so a due time runs. */
export const ANSWER_OWED: readonly InquiryStatus[] = ["new", "open"];

/** A stored category or status as the type it must be; a value the code no longer knows reads as the catch-all. */
export function categoryOf(value: string): InquiryCategory {
  return isInquiryCategory(value) ? value : "other";
}

export function statusOf(value: string): InquiryStatus {
  return isInquiryStatus(value) ? value : "open";
}
