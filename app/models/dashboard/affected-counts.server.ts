// How many people and records the leaked records hold, by group and by category. Counting
// them reads every exposure (millions of index entries, hundreds of milliseconds), yet they
// change only when an import completes or a person is erased. So the counts are kept per
// process under a key naming the latest of each (a completed import run, the manifest's last
// entry: both written in the same transaction as the change), read before counting; any
// import or erasure since, on any instance, makes the next view count again.
import { getDb } from "~/db/client.server";
import type { DbHandle } from "~/db/transaction.server";
import { singleton } from "~/utils/singleton.server";

export interface AffectedCounts {
  people: number;
  /** Exposures per group id, and exposed categories per category id. */
  perGroup: Map<string, number>;
  perCategory: Map<string, number>;
}

const counted = () => singleton("dashboard-affected-counts", () => new WeakMap<DbHandle, { key: string; counts: AffectedCounts }>());

async function recordsVersion(db: DbHandle): Promise<string> {
  const [lastImport, lastErasure] = await Promise.all([
    db.importRun.findFirst({ where: { status: "completed" }, orderBy: { finishedAt: "desc" }, select: { id: true, finishedAt: true } }),
    db.deletionManifestEntry.findFirst({ orderBy: { sequence: "desc" }, select: { sequence: true } }),
  ]);
  return `${lastImport?.id ?? "-"}@${lastImport?.finishedAt?.toISOString() ?? "-"}/${lastErasure?.sequence ?? 0}`;
}

export async function affectedCounts(db: DbHandle = getDb()): Promise<AffectedCounts> {
  // The key first: a change committed while counting leaves a key the next view won't match.
  const key = await recordsVersion(db);
  const known = counted().get(db);
  if (known?.key === key) return known.counts;
  const [people, perGroup, perCategory] = await Promise.all([
    db.customer.count(),
    db.customerExposure.groupBy({ by: ["groupId"], _count: { _all: true } }),
    db.customerExposureCategory.groupBy({ by: ["categoryId"], _count: { _all: true } }),
  ]);
  const counts: AffectedCounts = {
    people,
    perGroup: new Map(perGroup.map((row) => [row.groupId, row._count._all])),
    perCategory: new Map(perCategory.map((row) => [row.categoryId, row._count._all])),
  };
  counted().set(db, { key, counts });
  return counts;
}
