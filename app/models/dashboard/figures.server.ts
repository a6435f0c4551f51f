// The dashboard's figures, counted from the records themselves with one indexed count per
// figure and per chart bucket (the indexes are named in prisma/models.prisma; timings in
// docs/benchmarks.md). Counts are plain Prisma queries, so they mean the same on SQLite and
// PostgreSQL. Only the affected records' counts are kept between views, and only until the
// next import or erasure (affected-counts.server.ts): no figure is older than the records.
import { getDb } from "~/db/client.server";
import type { DbHandle } from "~/db/transaction.server";
import type { Prisma } from "~/generated/sqlite/client";
import { OPEN_STATUSES } from "~/domain/deletions/status";
import { OPEN_INQUIRY_STATUSES } from "~/domain/inquiries/categories";
import {
  medianOfHistogram,
  runningTotals,
  type AffectedFigures,
  type CheckFigures,
  type DashboardFigures,
  type DeletionFigures,
  type FigureSections,
  type InquiryFigures,
  type NotificationFigures,
  type PasswordFigures,
} from "~/domain/dashboard/figures";
import { bucketsOf, type Buckets, type Period } from "~/domain/dashboard/period";
import { affectedCounts } from "./affected-counts.server";

type Range = { gte: Date; lt: Date };
const rangeOf = (from: { start: Date; end: Date }): Range => ({ gte: from.start, lt: from.end });

// Every count selects the column it filters on, so that Prisma counts that column (the same
// number, as the filter leaves no nulls) and SQLite answers from the index alone: a plain
// count has Prisma select the id, which the dashboard's indexes don't hold (docs/benchmarks.md).

/** One count per bucket, in bucket order. */
function perBucket(buckets: Buckets, count: (range: Range) => Promise<number>): Promise<number[]> {
  return Promise.all(buckets.list.map((bucket) => count(rangeOf(bucket))));
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

export async function readFigures(
  input: { period: Period; timeZone: string; now: Date; sections: FigureSections },
  db: DbHandle = getDb(),
): Promise<DashboardFigures> {
  const { period, timeZone, now, sections } = input;
  const buckets = bucketsOf(period, timeZone);
  const everything = sections.everything;
  const [affected, checks, passwords, inquiries, deletions, notifications] = await Promise.all([
    everything ? affectedFigures(db) : null,
    everything ? checkFigures(db, buckets) : null,
    everything ? passwordFigures(db, buckets) : null,
    sections.inquiries || everything ? inquiryFigures(db, buckets, now) : null,
    everything ? deletionFigures(db, buckets, now) : null,
    everything ? notificationFigures(db) : null,
  ]);
  return {
    period: { ...period, bucketDays: buckets.days, buckets: buckets.list.map((bucket) => bucket.day) },
    asOf: now.toISOString(),
    affected,
    checks,
    passwords,
    inquiries,
    deletions,
    notifications,
  };
}

async function affectedFigures(db: DbHandle): Promise<AffectedFigures> {
  const [counts, groups, categories] = await Promise.all([
    affectedCounts(db),
    db.affectedGroup.findMany({ orderBy: [{ position: "asc" }, { key: "asc" }], select: { id: true, key: true, nameJa: true, nameEn: true } }),
    db.dataCategory.findMany({ orderBy: [{ position: "asc" }, { key: "asc" }], select: { id: true, key: true, labelJa: true, labelEn: true } }),
  ]);
  return {
    people: counts.people,
    byGroup: groups.map((group) => ({ key: group.key, nameJa: group.nameJa, nameEn: group.nameEn, records: counts.perGroup.get(group.id) ?? 0 })),
    byCategory: categories.map((category) => ({
      key: category.key,
      nameJa: category.labelJa,
      nameEn: category.labelEn,
      records: counts.perCategory.get(category.id) ?? 0,
    })),
  };
}

async function checkFigures(db: DbHandle, buckets: Buckets): Promise<CheckFigures> {
  const count = (firstCheckedAt: Prisma.DateTimeNullableFilter<"Customer">) =>
    db.customer.count({ where: { firstCheckedAt }, select: { firstCheckedAt: true } }).then((counts) => counts.firstCheckedAt);
  const [checkedTotal, firstChecks] = await Promise.all([count({ not: null }), perBucket(buckets, count)]);
  return { checkedTotal, checkedInPeriod: sum(firstChecks), perBucket: firstChecks };
}

async function passwordFigures(db: DbHandle, buckets: Buckets): Promise<PasswordFigures> {
  // Each count reads the (passwordFirstChangedAt, legacyHashAlgorithm) index alone.
  const changed = (passwordFirstChangedAt: Prisma.DateTimeNullableFilter<"Customer">, leakedOnly = false) =>
    db.customer
      .count({
        where: { passwordFirstChangedAt, ...(leakedOnly ? { legacyHashAlgorithm: { not: null } } : {}) },
        select: { passwordFirstChangedAt: true },
      })
      .then((counts) => counts.passwordFirstChangedAt);
  const [changedTotal, changedInPeriod, leakedChanged, leakedOnly, leakedChangedBefore, firstChanges] = await Promise.all([
    changed({ not: null }),
    changed(rangeOf(buckets)),
    changed({ not: null }, true),
    db.customer
      .count({ where: { passwordFirstChangedAt: null, legacyHashAlgorithm: { not: null } }, select: { legacyHashAlgorithm: true } })
      .then((counts) => counts.legacyHashAlgorithm),
    changed({ lt: buckets.start }, true),
    perBucket(buckets, (range) => changed(range, true)),
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

async function inquiryFigures(db: DbHandle, buckets: Buckets, now: Date): Promise<InquiryFigures> {
  const received = (createdAt: Prisma.DateTimeFilter<"Inquiry">) =>
    db.inquiry.count({ where: { createdAt }, select: { createdAt: true } }).then((counts) => counts.createdAt);
  const answered = (firstAnsweredAt: Prisma.DateTimeNullableFilter<"Inquiry">) =>
    db.inquiry.count({ where: { firstAnsweredAt }, select: { firstAnsweredAt: true } }).then((counts) => counts.firstAnsweredAt);
  const [receivedPerBucket, answeredPerBucket, receivedBefore, answeredBefore, openNow, waitingOnCustomerNow, overdueNow, responseTimes] = await Promise.all([
    perBucket(buckets, received),
    perBucket(buckets, answered),
    received({ lt: buckets.start }),
    answered({ lt: buckets.start }),
    db.inquiry.count({ where: { status: { in: [...OPEN_INQUIRY_STATUSES] } } }),
    db.inquiry.count({ where: { status: "waiting" } }),
    // dueAt is set only while an answer is owed.
    db.inquiry.count({ where: { dueAt: { lte: now } } }),
    // How many answers took each number of minutes, from the (firstAnsweredAt,
    // firstResponseMinutes) index alone: the median is read off this histogram.
    db.inquiry.groupBy({
      by: ["firstResponseMinutes"],
      where: { firstAnsweredAt: rangeOf(buckets), firstResponseMinutes: { not: null } },
      _count: { firstResponseMinutes: true },
      orderBy: { firstResponseMinutes: "asc" },
    }),
  ]);
  return {
    receivedInPeriod: sum(receivedPerBucket),
    answeredInPeriod: sum(answeredPerBucket),
    openNow,
    waitingOnCustomerNow,
    overdueNow,
    medianFirstResponseMinutes: medianOfHistogram(
      responseTimes.map((bar) => ({ value: bar.firstResponseMinutes ?? 0, count: bar._count.firstResponseMinutes })),
    ),
    receivedPerBucket,
    answeredPerBucket,
    awaitingFirstAnswerByBucketEnd: runningTotals(
      receivedBefore - answeredBefore,
      { sign: 1, steps: receivedPerBucket },
      { sign: -1, steps: answeredPerBucket },
    ),
  };
}

async function deletionFigures(db: DbHandle, buckets: Buckets, now: Date): Promise<DeletionFigures> {
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

async function notificationFigures(db: DbHandle): Promise<NotificationFigures> {
  const [campaigns, tallies, people] = await Promise.all([
    db.notificationCampaign.findMany({
      where: { startedAt: { not: null } },
      orderBy: { startedAt: "desc" },
      select: { id: true, subjectJa: true, subjectEn: true, status: true, inList: true, leftOut: true },
    }),
    db.notificationRecipient.groupBy({ by: ["campaignId", "status"], _count: { _all: true } }),
    notifiedPeople(db),
  ]);
  const countOf = (campaignId: string, ...statuses: string[]) =>
    sum(tallies.filter((row) => row.campaignId === campaignId && statuses.includes(row.status)).map((row) => row._count._all));
  return {
    campaigns: campaigns.map((campaign) => ({
      key: campaign.id,
      nameJa: campaign.subjectJa,
      nameEn: campaign.subjectEn,
      status: campaign.status,
      inList: campaign.inList,
      sent: countOf(campaign.id, "sent"),
      bounced: countOf(campaign.id, "bounced"),
      failed: countOf(campaign.id, "failed"),
      pending: countOf(campaign.id, "waiting", "queued"),
      leftOut: campaign.leftOut + countOf(campaign.id, "left-out"),
    })),
    people,
  };
}

/** People once each, over every campaign: listed, mailed, and reached by none of their mails. */
async function notifiedPeople(db: DbHandle): Promise<NotificationFigures["people"]> {
  const [listed, mailed, unreachable] = await Promise.all([
    db.$queryRaw<Array<{ n: bigint | number }>>`SELECT COUNT(DISTINCT "customerId") AS n FROM "NotificationRecipient"`,
    db.$queryRaw<Array<{ n: bigint | number }>>`SELECT COUNT(DISTINCT "customerId") AS n FROM "NotificationRecipient" WHERE "status" = 'sent'`,
    db.$queryRaw<Array<{ n: bigint | number }>>`
      SELECT COUNT(DISTINCT r."customerId") AS n FROM "NotificationRecipient" r
      WHERE r."status" IN ('bounced', 'failed')
        AND NOT EXISTS (
          SELECT 1 FROM "NotificationRecipient" o
          WHERE o."customerId" = r."customerId" AND o."status" IN ('sent', 'waiting', 'queued')
        )`,
  ]);
  const value = (rows: Array<{ n: bigint | number }>) => Number(rows[0]?.n ?? 0);
  return { listed: value(listed), mailed: value(mailed), unreachable: value(unreachable) };
}
