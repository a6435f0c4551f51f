// The staff queue's filters and page cursor, read from the URL. Anything unexpected in the
// URL falls back to the default rather than failing: a hand-edited link still shows a queue.
import { decodeCursor, encodeCursor, type QueueCursor } from "~/domain/queue-cursor";
import { INQUIRY_CATEGORIES, INQUIRY_STATUSES, type InquiryCategory, type InquiryStatus } from "./categories";

export const QUEUE_PAGE_SIZE = 25;

/** "owed": every inquiry that is owed an answer (new and open), the default view. */
export type StatusFilter = "owed" | "all" | InquiryStatus;

export interface QueueFilter {
  status: StatusFilter;
  category: InquiryCategory | null;
  language: "ja" | "en" | null;
  /** "me", "none" (unassigned) or a staff id. */
  assignee: string | null;
  overdue: boolean;
  cursor: QueueCursor | null;
}

/**
 * Answers owed are listed by due time, soonest first; the rest (waiting, resolved, closed,
 * or everything) by last activity, most recent first.
 */
export type QueueOrder = "due" | "activity";

export function queueOrder(filter: Pick<QueueFilter, "status" | "overdue">): QueueOrder {
  return filter.overdue || filter.status === "owed" || filter.status === "new" || filter.status === "open" ? "due" : "activity";
}

const STAFF_ID = /^[a-z0-9]{20,32}$/;

function oneOf<T extends string>(values: readonly T[], value: string | null): T | null {
  return values.includes(value as T) ? (value as T) : null;
}

export function parseQueueFilter(params: URLSearchParams): QueueFilter {
  const assignee = params.get("assignee");
  return {
    status: oneOf<StatusFilter>(["owed", "all", ...INQUIRY_STATUSES], params.get("status")) ?? "owed",
    category: oneOf(INQUIRY_CATEGORIES, params.get("category")),
    language: oneOf(["ja", "en"] as const, params.get("language")),
    assignee: assignee === "me" || assignee === "none" || (assignee && STAFF_ID.test(assignee)) ? assignee : null,
    overdue: params.get("overdue") === "1",
    cursor: decodeCursor(params.get("after")),
  };
}

/** The query string of `filter` with `changes` applied; a change of filter starts at page one. */
export function queueSearch(filter: QueueFilter, changes: Partial<QueueFilter> = {}): string {
  const next = { ...filter, cursor: null, ...changes };
  const params = new URLSearchParams();
  if (next.status !== "owed") params.set("status", next.status);
  if (next.category) params.set("category", next.category);
  if (next.language) params.set("language", next.language);
  if (next.assignee) params.set("assignee", next.assignee);
  if (next.overdue) params.set("overdue", "1");
  if (next.cursor) params.set("after", encodeCursor(next.cursor));
  const search = params.toString();
  return search ? `?${search}` : "";
}
