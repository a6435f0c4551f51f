// The dashboard's figures, counted from the records themselves with one indexed count per
// figure and per chart bucket (the indexes are named in prisma/models.prisma; timings in
// docs/benchmarks.md). Counts are plain Prisma queries, so they mean the same on SQLite and
// PostgreSQL; nothing is cached, so a figure is never older than the page.
import type { Db } from "~/db/client.server";
import { OPEN_STATUSES } from "~/domain/deletions/status";
import {
  medianOf,
  medianOffset,
  runningTotals,
  type AffectedFigures,
  type CheckFigures,
  type DashboardFigures,
  type DeletionFigures,
  type FigureSections,
  type InquiryFigures,
  type PasswordFigures,
} from "~/domain/dashboard/figures";
import { bucketsOf, type Buckets, type Period } from "~/domain/dashboard/period";

type Range = { gte: Date; lt: Date };
const rangeOf = (from: { start: Date; end: Date }): Range => ({ gte: from.start, lt: from.end });

/** One count per bucket, in bucket order. */
function perBucket(buckets: Buckets, count: (range: Range) => Promise<number>): Promise<number[]> {
  return Promise.all(buckets.list.map((bucket) => count(rangeOf(bucket))));
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

export async function readFigures(
  db: Db,
  input: { period: Period; timeZone: string; now: Date; sections: FigureSections },
): Promise<DashboardFigures> {
  const { period, timeZone, now, sections } = input;
  const buckets = bucketsOf(period, timeZone);
  const everything = sections.everything;
  const [affected, checks, passwords, inquiries, deletions] = await Promise.all([
    everything ? affectedFigures(db) : null,
    everything ? checkFigures(db, buckets) : null,
    everything ? passwordFigures(db, buckets) : null,
    sections.inquiries || everything ? inquiryFigures(db, buckets, now) : null,
    everything ? deletionFigures(db, buckets, now) : null,
  ]);
  return {
    period: { ...period, bucketDays: buckets.days, buckets: buckets.list.map((bucket) => bucket.day) },
    asOf: now.toISOString(),
    affected,
    checks,
    passwords,
    inquiries,
    deletions,
  };
}

async function affectedFigures(db: Db): Promise<AffectedFigures> {
  const [people, groups, categories, perGroup, perCategory] = await Promise.all([
    db.customer.count(),
    db.affectedGroup.findMany({ orderBy: [{ position: "asc" }, { key: "asc" }], select: { id: true, key: true, nameJa: true, nameEn: true } }),
    db.dataCategory.findMany({ orderBy: [{ position: "asc" }, { key: "asc" }], select: { id: true, key: true, labelJa: true, labelEn: true } }),
    db.customerExposure.groupBy({ by: ["groupId"], _count: { _all: true } }),
    db.customerExposureCategory.groupBy({ by: ["categoryId"], _count: { _all: true } }),
  ]);
  const groupCounts = new Map(perGroup.map((row) => [row.groupId, row._count._all]));
  const categoryCounts = new Map(perCategory.map((row) => [row.categoryId, row._count._all]));
  return {
    people,
    byGroup: groups.map((group) => ({ key: group.key, nameJa: group.nameJa, nameEn: group.nameEn, records: groupCounts.get(group.id) ?? 0 })),
    byCategory: categories.map((category) => ({
      key: category.key,
      nameJa: category.labelJa,
      nameEn: category.labelEn,
      records: categoryCounts.get(category.id) ?? 0,
    })),
  };
}

async function checkFigures(db: Db, buckets: Buckets): Promise<CheckFigures> {
  const [checkedTotal, firstChecks] = await Promise.all([
    db.customer.count({ where: { firstCheckedAt: { not: null } } }),
    perBucket(buckets, (range) => db.customer.count({ where: { firstCheckedAt: range } })),
  ]);
  return { checkedTotal, checkedInPeriod: sum(firstChecks), perBucket: firstChecks };
}

async function passwordFigures(db: Db, buckets: Buckets): Promise<PasswordFigures> {
  const leaked = { legacyHashAlgorithm: { not: null } };
  // Each count reads the (passwordFirstChangedAt, legacyHashAlgorithm) index alone.
  const [changedTotal, changedInPeriod, leakedChanged, leakedOnly, leakedChangedBefore, firstChanges] = await Promise.all([
    db.customer.count({ where: { passwordFirstChangedAt: { not: null } } }),
    db.customer.count({ where: { passwordFirstChangedAt: rangeOf(buckets) } }),
    db.customer.count({ where: { passwordFirstChangedAt: { not: null }, ...leaked } }),
    db.customer.count({ where: { passwordFirstChangedAt: null, ...leaked } }),
    db.customer.count({ where: { passwordFirstChangedAt: { lt: buckets.start }, ...leaked } }),
    perBucket(buckets, (range) => db.customer.count({ where: { passwordFirstChangedAt: range, ...leaked } })),
  ]);
  return {
    accountsWithLeakedPassword: leakedChanged + leakedOnly,
    changedTotal,
    changedInPeriod,
    leakedOnly,
    perBucket: firstChanges,
    changedByBucketEnd: runningTotals(leakedChangedBefore, { sign: 1, steps: firstChanges }),
  };
}

async function inquiryFigures(db: Db, buckets: Buckets, now: Date): Promise<InquiryFigures> {
  const answeredInPeriod = { firstAnsweredAt: rangeOf(buckets), firstResponseMinutes: { not: null } };
  const [received, answered, receivedBefore, answeredBefore, openNow, waitingOnCustomerNow, overdueNow, timedAnswers] = await Promise.all([
    perBucket(buckets, (range) => db.inquiry.count({ where: { createdAt: range } })),
    perBucket(buckets, (range) => db.inquiry.count({ where: { firstAnsweredAt: range } })),
    db.inquiry.count({ where: { createdAt: { lt: buckets.start } } }),
    db.inquiry.count({ where: { firstAnsweredAt: { lt: buckets.start } } }),
    db.inquiry.count({ where: { status: { in: ["new", "open", "waiting"] } } }),
    db.inquiry.count({ where: { status: "waiting" } }),
    // dueAt is set only while an answer is owed.
    db.inquiry.count({ where: { dueAt: { lte: now } } }),
    db.inquiry.count({ where: answeredInPeriod }),
  ]);
  // The median from the one or two middle values, read in order from the
  // (firstAnsweredAt, firstResponseMinutes) index.
  const middle = medianOffset(timedAnswers);
  const middleRows = middle
    ? await db.inquiry.findMany({
        where: answeredInPeriod,
        orderBy: { firstResponseMinutes: "asc" },
        skip: middle.skip,
        take: middle.take,
        select: { firstResponseMinutes: true },
      })
    : [];
  return {
    receivedInPeriod: sum(received),
    answeredInPeriod: sum(answered),
    openNow,
    waitingOnCustomerNow,
    overdueNow,
    medianFirstResponseMinutes: medianOf(middleRows.map((row) => row.firstResponseMinutes ?? 0)),
    receivedPerBucket: received,
    answeredPerBucket: answered,
    awaitingFirstAnswerByBucketEnd: runningTotals(receivedBefore - answeredBefore, { sign: 1, steps: received }, { sign: -1, steps: answered }),
  };
}

async function deletionFigures(db: Db, buckets: Buckets, now: Date): Promise<DeletionFigures> {
  const period = rangeOf(buckets);
  const open = { status: { in: [...OPEN_STATUSES] } };
  const [receivedInPeriod, completedInPeriod, refusedInPeriod, openNow, overdueNow] = await Promise.all([
    db.deletionRequest.count({ where: { receivedAt: period } }),
    db.deletionRequest.count({ where: { completedAt: period } }),
    db.deletionRequest.count({ where: { status: "refused", decidedAt: period } }),
    db.deletionRequest.count({ where: open }),
    db.deletionRequest.count({ where: { ...open, dueAt: { lte: now } } }),
  ]);
  return { receivedInPeriod, completedInPeriod, refusedInPeriod, openNow, overdueNow };
}
