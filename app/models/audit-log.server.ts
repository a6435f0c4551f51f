// Reading the audit log: the staff page, its CSV export and the chain check. Appending lives
// in audit.server.ts; nothing here changes a row. Sequences only grow, so "newest first" is
// sequence order and a page cursor is a sequence number.
import { getDb } from "~/db/client.server";
import type { DbHandle } from "~/db/transaction.server";
import type { AuditLogFilter } from "~/domain/audit/log-filter";
import type { ChainEntry } from "~/domain/audit/verify";
import type { Prisma } from "~/generated/sqlite/client";

// What a reader of the log sees; the actor's id and the chain's hashes stay in the database.
const entrySelect = {
  sequence: true,
  at: true,
  actorEmail: true,
  action: true,
  targetType: true,
  targetId: true,
  clientHash: true,
  result: true,
  details: true,
} as const;

function whereOf(filter: AuditLogFilter, before: number | undefined): Prisma.AuditEntryWhereInput {
  return {
    actorEmail: filter.actorEmail,
    action: filter.action,
    result: filter.result,
    at: { gte: filter.from, lt: filter.until },
    sequence: before === undefined ? undefined : { lt: before },
  };
}

/** One page, newest first, and the cursor of the page after it (null on the last page). */
export async function listAuditPage(filter: AuditLogFilter, before: number | undefined, pageSize: number, db: DbHandle = getDb()) {
  // One more than a page tells whether an older page exists.
  const rows = await db.auditEntry.findMany({
    where: whereOf(filter, before),
    orderBy: { sequence: "desc" },
    take: pageSize + 1,
    select: entrySelect,
  });
  const entries = rows.slice(0, pageSize);
  const olderBefore = rows.length > pageSize ? entries[entries.length - 1]!.sequence : null;
  return { entries, olderBefore };
}

/** Every matching entry, newest first, a batch at a time. */
export async function* auditLogBatches(filter: AuditLogFilter, batchSize: number, db: DbHandle = getDb()) {
  let before: number | undefined;
  for (;;) {
    const batch = await db.auditEntry.findMany({
      where: whereOf(filter, before),
      orderBy: { sequence: "desc" },
      take: batchSize,
      select: entrySelect,
    });
    if (batch.length > 0) yield batch;
    if (batch.length < batchSize) return;
    before = batch[batch.length - 1]!.sequence;
  }
}

/** The whole chain in sequence order, a batch at a time, from the given client (the CLI has no app config). */
export async function* auditChainBatches(batchSize: number, db: DbHandle = getDb()): AsyncGenerator<ChainEntry[]> {
  let after = 0;
  for (;;) {
    const batch = await db.auditEntry.findMany({
      where: { sequence: { gt: after } },
      orderBy: { sequence: "asc" },
      take: batchSize,
      select: { ...entrySelect, actorId: true, prevHash: true, hash: true },
    });
    if (batch.length > 0) yield batch;
    if (batch.length < batchSize) return;
    after = batch[batch.length - 1]!.sequence;
  }
}
