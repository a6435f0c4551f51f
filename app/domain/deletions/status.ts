// The life of a deletion request (ADR 013):
//
//   received ──(a privacy officer opens it)──▶ reviewing ──▶ approved ──▶ executing ──▶ completed
//       │                                          │            │
//       └──────────────┬───────────────────────────┴────────────┘
//                      ▼ (the customer, until execution starts)   (a refusal from received or reviewing)
//                  cancelled                                        refused
//
// A request is open until it is completed, refused or cancelled; a customer has one open
// request at most.
export const DELETION_STATUSES = ["received", "reviewing", "approved", "executing", "completed", "refused", "cancelled"] as const;
export type DeletionStatus = (typeof DELETION_STATUSES)[number];

export const OPEN_STATUSES = ["received", "reviewing", "approved", "executing"] as const satisfies readonly DeletionStatus[];

export function isDeletionStatus(value: unknown): value is DeletionStatus {
  return DELETION_STATUSES.includes(value as DeletionStatus);
}

/** A stored status, read strictly: anything else is a corrupted row. */
export function deletionStatusOf(value: string): DeletionStatus {
  if (!isDeletionStatus(value)) throw new Error(`unknown deletion request status: ${value}`);
  return value;
}

export function isOpen(status: DeletionStatus): boolean {
  return (OPEN_STATUSES as readonly DeletionStatus[]).includes(status);
}

/** The customer may withdraw the request until the erasure has begun. */
export const CANCELLABLE_STATUSES = ["received", "reviewing", "approved"] as const satisfies readonly DeletionStatus[];

/** A privacy officer decides a request that is waiting for a decision. */
export const DECIDABLE_STATUSES = ["received", "reviewing"] as const satisfies readonly DeletionStatus[];

export function canCancel(status: DeletionStatus): boolean {
  return (CANCELLABLE_STATUSES as readonly DeletionStatus[]).includes(status);
}

export function canDecide(status: DeletionStatus): boolean {
  return (DECIDABLE_STATUSES as readonly DeletionStatus[]).includes(status);
}

/** Whether a request still open is past its deadline; a request that ended is never overdue. */
export function isOverdue(request: { status: DeletionStatus; dueAt: Date }, now: Date): boolean {
  return isOpen(request.status) && request.dueAt.getTime() <= now.getTime();
}
