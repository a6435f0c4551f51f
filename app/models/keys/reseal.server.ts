// After a key rotation (ADR 006), seals again under the first key of the ring every value
// sealed under an older one, so the older key can leave DATA_ENCRYPTION_KEYS. It runs
// beside the serving app: a table is read a page at a time in primary-key order, and each
// page's rewrites are one short transaction of conditional updates (the row's value must
// still be the one read), so a value the app changed meanwhile keeps the app's. Nothing is
// remembered between runs: a run after a kill, or a second run, finds only what is left.
// The plaintext never leaves resealField.
import { getDb, type Db } from "~/db/client.server";
import type { SweepCounts } from "~/domain/keys/key-usage";
import { Prisma } from "~/generated/sqlite/client";
import { envelopeKeyId, resealField, type KeyRing } from "~/utils/personal-data.server";
import { SEALED_TABLES, type SealedTable } from "./sealed-columns.server";

export interface TableSweep extends SweepCounts {
  table: string;
  rows: number;
  /** Rewritten under the first key. */
  resealed: number;
  /** Changed by the app between this run's read and its write; the next run looks again. */
  changedMeanwhile: number;
}

export interface SweepOptions {
  /** false only counts (`--check`). */
  write: boolean;
  batchSize?: number;
  /** Stops between pages. */
  signal?: AbortSignal;
  onPage?: (progress: TableSweep) => void;
}

type Row = Record<string, unknown>;

// Small pages keep each write transaction short, so the app's own writes wait little.
const BATCH_SIZE = 200;

/** Sweeps every sealed table in turn; stops early (stopped: true) when the signal fires. */
export async function sweepSealedTables(ring: KeyRing, options: SweepOptions, db: Db = getDb()): Promise<{ tables: TableSweep[]; stopped: boolean }> {
  const tables: TableSweep[] = [];
  for (const spec of SEALED_TABLES) {
    const sweep = await sweepTable(db, ring, spec, options);
    tables.push(sweep);
    if (options.signal?.aborted) return { tables, stopped: true };
  }
  return { tables, stopped: false };
}

async function sweepTable(db: Db, ring: KeyRing, spec: SealedTable, options: SweepOptions): Promise<TableSweep> {
  const sweep: TableSweep = { table: spec.table, rows: 0, byKey: {}, unreadable: 0, resealed: 0, changedMeanwhile: 0 };
  const batchSize = options.batchSize ?? BATCH_SIZE;
  let after: unknown[] | null = null;
  while (!options.signal?.aborted) {
    const rows: Row[] = await db.$queryRaw<Row[]>(pageQuery(spec, after, batchSize));
    if (rows.length === 0) break;
    sweep.rows += rows.length;
    const updates: Prisma.Sql[] = [];
    for (const row of rows) {
      for (const column of spec.columns) {
        const value = row[column];
        if (typeof value !== "string") continue;
        const resealed = resealValue(value, ring, sweep);
        if (resealed && options.write) updates.push(updateStatement(spec, row, column, value, resealed));
      }
    }
    if (updates.length > 0) {
      const counts = await db.$transaction(updates.map((statement) => db.$executeRaw(statement)));
      const written = counts.reduce((sum, count) => sum + count, 0);
      sweep.resealed += written;
      sweep.changedMeanwhile += updates.length - written;
    }
    options.onPage?.(sweep);
    if (rows.length < batchSize) break;
    const last = rows.at(-1)!;
    after = spec.key.map((column) => last[column]);
  }
  return sweep;
}

/** Counts the value under the key id it names; returns it sealed under the first key when it needs to be. */
function resealValue(value: string, ring: KeyRing, counts: SweepCounts): string | null {
  const keyId = envelopeKeyId(value);
  if (keyId === null) {
    // "" is how an import stages the lines of a file with errors: nothing sealed there.
    if (value !== "") counts.unreadable++;
    return null;
  }
  counts.byKey[keyId] = (counts.byKey[keyId] ?? 0) + 1;
  try {
    return resealField(value, ring);
  } catch {
    // No key for it, or damaged (also under the first key): counted, never shown.
    counts.unreadable++;
    return null;
  }
}

function identifier(name: string): Prisma.Sql {
  return Prisma.raw(`"${name}"`);
}

function pageQuery(spec: SealedTable, after: unknown[] | null, take: number): Prisma.Sql {
  const key = Prisma.join(spec.key.map(identifier));
  const selected = Prisma.join([...spec.key, ...spec.columns].map(identifier));
  // A row value comparison, so a composite key pages as well as a single one.
  const where = after ? Prisma.sql`WHERE (${key}) > (${Prisma.join(after)})` : Prisma.empty;
  return Prisma.sql`SELECT ${selected} FROM ${identifier(spec.table)} ${where} ORDER BY ${key} LIMIT ${take}`;
}

// Raw, so that Customer.updatedAt stays as it was: a reseal changes no one's data.
function updateStatement(spec: SealedTable, row: Row, column: string, old: string, resealed: string): Prisma.Sql {
  const sameRow = Prisma.join(
    spec.key.map((name) => Prisma.sql`${identifier(name)} = ${row[name]}`),
    " AND ",
  );
  return Prisma.sql`UPDATE ${identifier(spec.table)} SET ${identifier(column)} = ${resealed}
    WHERE ${sameRow} AND ${identifier(column)} = ${old}`;
}
