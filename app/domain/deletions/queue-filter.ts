// The privacy officer's queue of deletion requests, read from the URL: which requests
// (open ones by default), overdue only, and where the page starts. Anything unexpected
// falls back to the default, so a hand-edited link still shows a queue.
import { decodeCursor, encodeCursor, type QueueCursor } from "~/domain/queue-cursor";
import { DELETION_STATUSES, type DeletionStatus } from "./status";

export const DELETION_QUEUE_PAGE_SIZE = 25;

export type DeletionStatusFilter = "open" | "all" | DeletionStatus;

export interface DeletionQueueFilter {
  status: DeletionStatusFilter;
  overdue: boolean;
  /** The last row shown: its due time and id. */
  cursor: QueueCursor | null;
}

export function parseDeletionQueueFilter(params: URLSearchParams): DeletionQueueFilter {
  const status = params.get("status");
  return {
    status: status === "all" || (DELETION_STATUSES as readonly string[]).includes(status ?? "") ? (status as DeletionStatusFilter) : "open",
    overdue: params.get("overdue") === "1",
    cursor: decodeCursor(params.get("after")),
  };
}

/** The query string of `filter` with `changes`; a change of filter starts at page one. */
export function deletionQueueSearch(filter: DeletionQueueFilter, changes: Partial<DeletionQueueFilter> = {}): string {
  const next = { ...filter, cursor: null, ...changes };
  const params = new URLSearchParams();
  if (next.status !== "open") params.set("status", next.status);
  if (next.overdue) params.set("overdue", "1");
  if (next.cursor) params.set("after", encodeCursor(next.cursor));
  const search = params.toString();
  return search ? `?${search}` : "";
}
