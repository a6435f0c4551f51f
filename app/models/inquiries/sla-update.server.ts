// Changing an inquiry's state safely when two people act at once: read it, work out the
// new state, and write it only if nobody changed the inquiry in between (its version);
// otherwise read again. The write comes first in its transaction, which on SQLite takes
// the write lock before anything else is read (see app/models/audit.server.ts).
import { getDb } from "~/db/client.server";
import { type DbHandle, inTransaction, type Tx } from "~/db/transaction.server";
import { categoryOf, statusOf } from "~/domain/inquiries/categories";
import { firstResponseMinutes, type SlaContext, type SlaState } from "~/domain/inquiries/sla";
import { getChannelHours } from "./channel-hours.server";
import { getSlaTargets } from "./settings.server";

export interface InquiryState extends SlaState {
  id: string;
  createdAt: Date;
  reference: string;
  version: number;
  customerId: string | null;
  assigneeId: string | null;
  language: "ja" | "en";
}

const STATE_SELECT = {
  id: true,
  reference: true,
  category: true,
  status: true,
  dueAt: true,
  dueKind: true,
  firstAnsweredAt: true,
  createdAt: true,
  version: true,
  customerId: true,
  assigneeId: true,
  language: true,
} as const;

async function readState(where: { id: string } | { reference: string }, db: DbHandle = getDb()) {
  const row = await db.inquiry.findUnique({ where, select: STATE_SELECT });
  if (!row) return null;
  const category = categoryOf(row.category);
  const state: InquiryState = {
    ...row,
    status: statusOf(row.status),
    dueKind: row.dueKind === "first" || row.dueKind === "next" ? row.dueKind : null,
    language: row.language === "en" ? "en" : "ja",
  };
  return { state, category };
}

export type Change<T> =
  /** The new state, and what else to write in the same transaction. */
  | { next: SlaState & { assigneeId?: string | null }; write: (tx: Tx, state: InquiryState) => Promise<T> }
  /** Nothing to change: the answer as it is. */
  | { unchanged: T };

/**
 * Applies `decide` to the current state until it commits on an unchanged version. Returns
 * null for an unknown inquiry.
 */
export async function changeInquiry<T>(
  where: { id: string } | { reference: string },
  decide: (state: InquiryState, context: SlaContext) => Promise<Change<T>> | Change<T>,
  now = new Date(),
  db: DbHandle = getDb(),
): Promise<T | null> {
  const hours = await getChannelHours("email", db);
  for (let attempt = 0; ; attempt++) {
    const read = await readState(where, db);
    if (!read) return null;
    const { state, category } = read;
    const change = await decide(state, { hours, targets: await getSlaTargets(category, db), now });
    if ("unchanged" in change) return change.unchanged;
    const outcome = await inTransaction(db, async (tx) => {
      const { count } = await tx.inquiry.updateMany({
        where: { id: state.id, version: state.version },
        data: {
          status: change.next.status,
          dueAt: change.next.dueAt,
          dueKind: change.next.dueKind,
          firstAnsweredAt: change.next.firstAnsweredAt,
          // Worked out once, when the first answer is given: the hours may change later.
          ...(state.firstAnsweredAt === null && change.next.firstAnsweredAt
            ? { firstResponseMinutes: firstResponseMinutes(hours, state.createdAt, change.next.firstAnsweredAt) }
            : {}),
          ...(change.next.assigneeId !== undefined ? { assigneeId: change.next.assigneeId } : {}),
          lastActivityAt: now,
          version: { increment: 1 },
        },
      });
      if (count !== 1) return { committed: false as const };
      return { committed: true as const, value: await change.write(tx, state) };
    });
    if (outcome.committed) return outcome.value;
    if (attempt >= 5) throw new Error(`inquiry ${state.reference} kept changing under us`);
  }
}
