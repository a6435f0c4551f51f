// Appending to the audit log. Entries are only ever created, never updated or deleted;
// appends are serialised so the hash chain has no forks (ADR 007).
import { getConfig } from "~/config.server";
import { getDb } from "~/db/client.server";
import { providerOf, type DatabaseProvider } from "~/db/provider";
import { inTransaction, type DbHandle, type Tx } from "~/db/transaction.server";
import type { AuditAction } from "~/domain/audit/actions";
import { entryHash, GENESIS_HASH } from "~/domain/audit/chain";

export interface AuditEvent {
  actor: { id: string; email: string } | null;
  action: AuditAction;
  target?: { type: string; id: string };
  clientHash?: string | null;
  result: "ok" | "denied" | "failed";
  /** Context for an investigator. Never secrets, passwords, codes or tokens. */
  details?: Record<string, unknown>;
}

// An arbitrary constant naming the audit chain's lock on PostgreSQL.
const AUDIT_LOCK_KEY = 7_142_026;

/** Appends inside the caller's transaction, so the change and its entry commit together. */
export async function appendAudit(tx: Tx, event: AuditEvent): Promise<void> {
  await appendAuditAt(tx, providerOf(getConfig().DATABASE_URL), event, new Date());
}

/**
 * Appends an entry stamped `at`: now, from appendAudit; a known instant from tests that check
 * how the log shows times (they have no app config, so they name the database's provider).
 */
export async function appendAuditAt(tx: Tx, provider: DatabaseProvider, event: AuditEvent, at: Date): Promise<void> {
  if (provider === "postgresql") {
    // Several instances append at once; this lock makes them take turns until commit.
    // executeRaw, because adapter-pg cannot decode the void the function returns.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`;
  } else {
    // Take SQLite's write lock before reading the chain's end: a transaction that reads
    // first can't write after another connection has (SQLITE_BUSY_SNAPSHOT), while this
    // one waits its turn instead. The statement changes nothing.
    await tx.$executeRaw`UPDATE "AuditEntry" SET "sequence" = "sequence" WHERE 0`;
  }
  const last = await tx.auditEntry.findFirst({ orderBy: { sequence: "desc" }, select: { sequence: true, hash: true } });
  const fields = {
    sequence: (last?.sequence ?? 0) + 1,
    // Millisecond precision, as both databases store it, so the hash can be recomputed.
    at,
    actorId: event.actor?.id ?? null,
    actorEmail: event.actor?.email ?? null,
    action: event.action,
    targetType: event.target?.type ?? null,
    targetId: event.target?.id ?? null,
    clientHash: event.clientHash ?? null,
    result: event.result,
    details: event.details ? JSON.stringify(event.details) : null,
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  await tx.auditEntry.create({ data: { ...fields, prevHash, hash: entryHash(prevHash, fields) } });
}

/**
 * An entry that records no change: a view of personal data, a denied or failed attempt. A view
 * is recorded before the data is returned, and a failure here fails the request: nothing is
 * shown that is not on record. A change's entry goes in the change's transaction (appendAudit).
 */
export async function recordAudit(event: AuditEvent, db: DbHandle = getDb()): Promise<void> {
  await inTransaction(db, (tx) => appendAudit(tx, event));
}
