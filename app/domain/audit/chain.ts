// The audit log's hash chain: each entry's hash covers its own fields and the previous
// entry's hash, so altering, inserting or removing a row breaks every link after it.
import { createHash } from "node:crypto";

export const GENESIS_HASH = "0".repeat(64);

export interface AuditFields {
  sequence: number;
  at: Date;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  clientHash: string | null;
  result: string;
  details: string | null;
}

export function entryHash(prevHash: string, fields: AuditFields): string {
  // A fixed field order and explicit nulls: the same entry always hashes the same.
  const canonical = JSON.stringify([
    prevHash,
    fields.sequence,
    fields.at.toISOString(),
    fields.actorId,
    fields.actorEmail,
    fields.action,
    fields.targetType,
    fields.targetId,
    fields.clientHash,
    fields.result,
    fields.details,
  ]);
  return createHash("sha256").update(canonical).digest("hex");
}

export type ChainBreak =
  | { sequence: number; reason: "hash-mismatch" }
  | { sequence: number; reason: "previous-hash-mismatch" }
  | { sequence: number; reason: "sequence-gap"; expected: number };

/** Checks entries in sequence order; returns the first broken link, or null. */
export function firstBreak(
  entries: Iterable<AuditFields & { prevHash: string; hash: string }>,
  start: { prevHash: string; sequence: number } = { prevHash: GENESIS_HASH, sequence: 1 },
): ChainBreak | null {
  let prevHash = start.prevHash;
  let expected = start.sequence;
  for (const entry of entries) {
    if (entry.sequence !== expected) return { sequence: entry.sequence, reason: "sequence-gap", expected };
    if (entry.prevHash !== prevHash) return { sequence: entry.sequence, reason: "previous-hash-mismatch" };
    if (entryHash(entry.prevHash, entry) !== entry.hash) return { sequence: entry.sequence, reason: "hash-mismatch" };
    prevHash = entry.hash;
    expected += 1;
  }
  return null;
}
