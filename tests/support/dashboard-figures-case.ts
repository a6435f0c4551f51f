// A small database whose dashboard figures are known by hand, and the tests that read them
// back (app/models/dashboard/figures.server.ts). Both the SQLite test (tests/unit) and the
// PostgreSQL one (tests/postgres) run exactly these, so the two databases can't be checked
// against different numbers.
//
// The desk is in Tokyo (UTC+9, no daylight saving). Every instant below is written as Tokyo
// wall time; many sit exactly on a local midnight or a millisecond before one, where a bucket
// or a period starts or ends. The periods:
//   daily   10-16 November 2026: a bucket per day, [10th 00:00, 17th 00:00) Tokyo time
//   weekly  16 August-16 November 2026 (93 days): 13 weeks from Sunday 16 August, then a
//           2-day bucket of 15-16 November
//   quiet   1-7 June 2026: nothing happened
// "Now" is 17 November 12:00, after everything seeded.
import { describe, expect, it } from "vitest";
import type { Db } from "../../app/db/client.server";
import type { DashboardFigures, InquiryFigures } from "../../app/domain/dashboard/figures";
import type { Period } from "../../app/domain/dashboard/period";
import { readFigures } from "../../app/models/dashboard/figures.server";

export const TIME_ZONE = "Asia/Tokyo";

/** An instant given as Tokyo wall time, "2026-11-10 00:00" or with seconds and milliseconds. */
export function tokyo(wallTime: string): Date {
  return new Date(`${wallTime.replace(" ", "T")}+09:00`);
}

export const NOW = tokyo("2026-11-17 12:00");

export const PERIODS = {
  daily: { from: "2026-11-10", to: "2026-11-16" },
  weekly: { from: "2026-08-16", to: "2026-11-16" },
  quiet: { from: "2026-06-01", to: "2026-06-07" },
} satisfies Record<string, Period>;

// Affected groups and data categories; two share a position so the order falls back to the key.
const GROUPS = [
  { key: "members", position: 0 },
  { key: "providers", position: 1 }, // nobody's data leaked from it: 0 records
  { key: "inquirers", position: 1 },
];
const CATEGORIES = [
  { key: "email", position: 0 },
  { key: "password", position: 1 },
  { key: "address", position: 1 },
  { key: "card", position: 2 }, // in no one's records: 0
];

type Exposures = Partial<Record<string, string[]>>;
interface SeedCustomer {
  id: string;
  /** Imported with a password hash from the leaked system. */
  leaked: boolean;
  checked: string | null;
  changed: string | null;
  exposures: Exposures;
}

const MEMBER: Exposures = { members: ["email", "password"] };

const CUSTOMERS: SeedCustomer[] = [
  { id: "c01", leaked: true, checked: "2026-11-10 00:00", changed: "2026-11-10 00:00", exposures: MEMBER },
  { id: "c02", leaked: true, checked: "2026-11-09 23:59:59.999", changed: "2026-11-09 23:59:59.999", exposures: MEMBER },
  { id: "c03", leaked: true, checked: "2026-11-12 09:00", changed: "2026-11-12 09:30", exposures: { ...MEMBER, inquirers: ["email"] } },
  { id: "c04", leaked: true, checked: "2026-11-12 18:00", changed: null, exposures: MEMBER },
  { id: "c05", leaked: true, checked: "2026-11-15 00:00", changed: "2026-11-16 23:59:59.999", exposures: { members: ["email", "password", "address"] } },
  { id: "c06", leaked: false, checked: "2026-11-17 00:00", changed: "2026-11-17 00:10", exposures: { inquirers: ["email"] } },
  { id: "c07", leaked: true, checked: "2026-10-20 12:00", changed: "2026-10-20 12:05", exposures: MEMBER },
  { id: "c08", leaked: false, checked: "2026-08-15 23:59:59.999", changed: "2026-08-15 23:59:59.999", exposures: { inquirers: ["email", "address"] } },
  { id: "c09", leaked: true, checked: null, changed: null, exposures: MEMBER },
  { id: "c10", leaked: false, checked: null, changed: null, exposures: {} },
  { id: "c11", leaked: true, checked: "2026-11-14 10:00", changed: "2026-11-17 00:00", exposures: MEMBER },
  // Not leaked, yet set a password in the period: in changedInPeriod, but not in perBucket,
  // whose bars (like changedByBucketEnd) count accounts with a leaked password only.
  { id: "c12", leaked: false, checked: "2026-11-13 08:00", changed: "2026-11-13 08:05", exposures: { inquirers: ["email"] } },
  { id: "c13", leaked: true, checked: "2026-08-01 10:00", changed: "2026-08-01 10:10", exposures: MEMBER },
];

interface SeedInquiry {
  id: string;
  created: string;
  answered: string | null;
  minutes: number | null;
  status: "new" | "open" | "waiting" | "resolved" | "closed";
  due: string | null;
}

const INQUIRIES: SeedInquiry[] = [
  { id: "i01", created: "2026-11-05 10:00", answered: "2026-11-09 23:59:59.999", minutes: 600, status: "resolved", due: null },
  { id: "i02", created: "2026-11-08 10:00", answered: "2026-11-10 00:00", minutes: 120, status: "waiting", due: null },
  { id: "i03", created: "2026-11-09 23:59:59.999", answered: null, minutes: null, status: "new", due: "2026-11-10 09:00" },
  { id: "i04", created: "2026-11-10 00:00", answered: "2026-11-10 09:00", minutes: 30, status: "closed", due: null },
  { id: "i05", created: "2026-11-11 09:00", answered: "2026-11-12 10:00", minutes: 60, status: "open", due: "2026-11-18 09:00" },
  { id: "i06", created: "2026-11-12 09:00", answered: null, minutes: null, status: "new", due: "2026-11-17 12:00" }, // due exactly now
  { id: "i07", created: "2026-11-13 09:00", answered: "2026-11-14 09:00", minutes: 45, status: "waiting", due: null },
  // Answered without the business minutes worked out: counted as answered, left out of the median.
  { id: "i08", created: "2026-11-14 20:00", answered: "2026-11-16 23:59:59.999", minutes: null, status: "resolved", due: null },
  { id: "i09", created: "2026-11-16 12:00", answered: null, minutes: null, status: "new", due: "2026-11-17 12:00:00.001" },
  // Closed without an answer: still awaiting its first answer, for the chart.
  { id: "i10", created: "2026-11-16 23:59:59.999", answered: null, minutes: null, status: "closed", due: null },
  { id: "i11", created: "2026-11-17 00:00", answered: null, minutes: null, status: "new", due: "2026-11-18 12:00" },
  { id: "i12", created: "2026-10-20 10:00", answered: "2026-10-21 10:00", minutes: 200, status: "resolved", due: null },
  { id: "i13", created: "2026-08-15 23:59:59.999", answered: "2026-08-16 00:00", minutes: 15, status: "closed", due: null },
  { id: "i14", created: "2026-11-15 00:00", answered: "2026-11-17 00:00", minutes: 90, status: "waiting", due: null },
  { id: "i15", created: "2026-11-12 15:00", answered: "2026-11-12 16:00", minutes: 10, status: "resolved", due: null },
];

interface SeedDeletion {
  id: string;
  status: "received" | "reviewing" | "approved" | "executing" | "completed" | "refused" | "cancelled";
  received: string;
  due: string;
  decided?: string;
  completed?: string;
  cancelled?: string;
}

const DELETIONS: SeedDeletion[] = [
  { id: "d01", status: "received", received: "2026-11-10 00:00", due: "2026-12-10 00:00" },
  { id: "d02", status: "reviewing", received: "2026-11-09 23:59:59.999", due: "2026-11-17 12:00" }, // due exactly now
  { id: "d03", status: "completed", received: "2026-10-01 10:00", due: "2026-10-31 00:00", decided: "2026-10-05 10:00", completed: "2026-11-16 23:59:59.999" },
  { id: "d04", status: "completed", received: "2026-10-10 10:00", due: "2026-11-10 00:00", decided: "2026-10-12 10:00", completed: "2026-11-17 00:00" },
  { id: "d05", status: "refused", received: "2026-11-11 10:00", due: "2026-12-11 00:00", decided: "2026-11-12 10:00" },
  { id: "d06", status: "refused", received: "2026-10-02 10:00", due: "2026-11-02 00:00", decided: "2026-11-09 23:59:59.999" },
  // Approved in the period: decided, but not refused.
  { id: "d07", status: "approved", received: "2026-11-13 10:00", due: "2026-12-13 00:00", decided: "2026-11-14 10:00" },
  { id: "d08", status: "executing", received: "2026-10-10 10:00", due: "2026-11-09 00:00", decided: "2026-10-11 10:00" },
  { id: "d09", status: "cancelled", received: "2026-11-15 10:00", due: "2026-12-15 00:00", cancelled: "2026-11-16 10:00" },
  {
    id: "d10",
    status: "completed",
    received: "2026-08-15 23:59:59.999",
    due: "2026-09-15 00:00",
    decided: "2026-08-15 23:59:59.999",
    completed: "2026-08-16 00:00",
  },
  { id: "d11", status: "refused", received: "2026-07-01 10:00", due: "2026-07-31 00:00", decided: "2026-08-16 00:00" },
];

const at = (wallTime: string | null | undefined) => (wallTime ? tokyo(wallTime) : null);

/** Writes the rows above into an empty, migrated database. */
export async function seedKnownFigures(db: Db): Promise<void> {
  const groupIds = new Map<string, string>();
  for (const group of GROUPS) {
    const { id } = await db.affectedGroup.create({
      data: { ...group, nameJa: `${group.key}（日本語）`, nameEn: `${group.key} (English)`, descriptionJa: "-", descriptionEn: "-" },
      select: { id: true },
    });
    groupIds.set(group.key, id);
  }
  const categoryIds = new Map<string, string>();
  for (const category of CATEGORIES) {
    const { id } = await db.dataCategory.create({
      data: { ...category, labelJa: `${category.key}（日本語）`, labelEn: `${category.key} (English)`, recommendedActionJa: "-", recommendedActionEn: "-" },
      select: { id: true },
    });
    categoryIds.set(category.key, id);
  }
  const customerIds = new Map<string, string>();
  for (const customer of CUSTOMERS) {
    const { id } = await db.customer.create({
      data: {
        externalId: customer.id,
        emailHash: `hash-${customer.id}`,
        emailCiphertext: `sealed-${customer.id}`,
        legacyHashAlgorithm: customer.leaked ? "md5" : null,
        legacyPasswordHash: customer.leaked && !customer.changed ? "5f4dcc3b5aa765d61d8327deb882cf99" : null,
        passwordHash: customer.changed ? "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA" : null,
        passwordChangedAt: at(customer.changed),
        passwordFirstChangedAt: at(customer.changed),
        firstCheckedAt: at(customer.checked),
        exposures: {
          create: Object.entries(customer.exposures).map(([group, categories = []]) => ({
            groupId: groupIds.get(group)!,
            categories: { create: categories.map((category) => ({ categoryId: categoryIds.get(category)! })) },
          })),
        },
      },
      select: { id: true },
    });
    customerIds.set(customer.id, id);
  }
  await seedNotifications(db, customerIds);
  await db.inquiry.createMany({
    data: INQUIRIES.map((inquiry) => ({
      reference: `MD-${inquiry.id.toUpperCase()}`,
      category: "affected",
      language: "ja",
      status: inquiry.status,
      emailHash: `hash-${inquiry.id}`,
      contactBy: "email",
      createdAt: tokyo(inquiry.created),
      lastActivityAt: tokyo(inquiry.answered ?? inquiry.created),
      firstAnsweredAt: at(inquiry.answered),
      firstResponseMinutes: inquiry.minutes,
      dueAt: at(inquiry.due),
      dueKind: inquiry.due ? (inquiry.answered ? "next" : "first") : null,
    })),
  });
  await db.deletionRequest.createMany({
    data: DELETIONS.map((request) => ({
      reference: `DR-${request.id.toUpperCase()}`,
      emailHash: `hash-${request.id}`,
      externalId: `external-${request.id}`,
      language: "ja",
      status: request.status,
      receivedAt: tokyo(request.received),
      dueAt: tokyo(request.due),
      decidedAt: at(request.decided),
      completedAt: at(request.completed),
      cancelledAt: at(request.cancelled),
    })),
  });
}

/**
 * Two campaigns that started and a draft: c03 bounced in the first and was mailed in the second,
 * c04 bounced or failed in both (unreachable), c05 was erased before its turn.
 */
async function seedNotifications(db: Db, customerIds: Map<string, string>): Promise<void> {
  const { id: officer } = await db.staffMember.create({
    data: { email: "officer@staff.example.com", displayName: "Officer", role: "privacy-officer" },
    select: { id: true },
  });
  const campaigns = [
    { id: "campaign-first", subjectJa: "一回目", subjectEn: "First", status: "completed", startedAt: tokyo("2026-11-11 10:00"), inList: 5, leftOut: 1 },
    { id: "campaign-second", subjectJa: "二回目", subjectEn: "Second", status: "sending", startedAt: tokyo("2026-11-14 10:00"), inList: 4, leftOut: 0 },
    { id: "campaign-draft", subjectJa: "下書き", subjectEn: "Draft", status: "draft", startedAt: null, inList: 0, leftOut: 0 },
  ];
  await db.notificationCampaign.createMany({ data: campaigns.map((campaign) => ({ ...campaign, createdById: officer, editedById: officer })) });
  const recipients: Array<[campaign: string, customer: string, status: string]> = [
    ["campaign-first", "c01", "sent"],
    ["campaign-first", "c02", "sent"],
    ["campaign-first", "c03", "bounced"],
    ["campaign-first", "c04", "failed"],
    ["campaign-first", "c05", "left-out"],
    ["campaign-second", "c03", "sent"],
    ["campaign-second", "c04", "bounced"],
    ["campaign-second", "c06", "waiting"],
    ["campaign-second", "c07", "queued"],
  ];
  await db.notificationRecipient.createMany({
    data: recipients.map(([campaignId, customer, status]) => ({ campaignId, customerId: customerIds.get(customer)!, status })),
  });
}

const NOTIFICATIONS = {
  campaigns: [
    { key: "campaign-second", nameJa: "二回目", nameEn: "Second", status: "sending", inList: 4, sent: 1, bounced: 1, failed: 0, pending: 2, leftOut: 0 },
    { key: "campaign-first", nameJa: "一回目", nameEn: "First", status: "completed", inList: 5, sent: 2, bounced: 1, failed: 1, pending: 0, leftOut: 2 },
  ],
  people: { listed: 7, mailed: 3, unreachable: 1 },
};

const named = (key: string, records: number) => ({ key, nameJa: `${key}（日本語）`, nameEn: `${key} (English)`, records });

/** The figures that describe the records as they stand, whatever the period. */
const AFFECTED = {
  people: 13,
  byGroup: [named("members", 9), named("inquirers", 4), named("providers", 0)],
  byCategory: [named("email", 13), named("address", 2), named("password", 9), named("card", 0)],
};
const INQUIRIES_NOW = { openNow: 8, waitingOnCustomerNow: 3, overdueNow: 2 };
const DELETIONS_NOW = { openNow: 4, overdueNow: 2 };

const DAILY_INQUIRIES: InquiryFigures = {
  receivedInPeriod: 9,
  answeredInPeriod: 6,
  ...INQUIRIES_NOW,
  // 10, 30, 45, 60, 120 (i15, i04, i07, i05, i02; i08 has no minutes, i01 was answered a
  // millisecond before the period).
  medianFirstResponseMinutes: 45,
  receivedPerBucket: [1, 1, 2, 1, 1, 1, 2],
  answeredPerBucket: [2, 0, 2, 0, 1, 0, 1],
  // i02 and i03 were awaiting an answer when the period began.
  awaitingFirstAnswerByBucketEnd: [1, 2, 2, 3, 3, 4, 5],
};

const WEEKS = [
  "2026-08-16",
  "2026-08-23",
  "2026-08-30",
  "2026-09-06",
  "2026-09-13",
  "2026-09-20",
  "2026-09-27",
  "2026-10-04",
  "2026-10-11",
  "2026-10-18",
  "2026-10-25",
  "2026-11-01",
  "2026-11-08",
  "2026-11-15",
];

export const EXPECTED = {
  daily: {
    period: { ...PERIODS.daily, bucketDays: 1, buckets: ["2026-11-10", "2026-11-11", "2026-11-12", "2026-11-13", "2026-11-14", "2026-11-15", "2026-11-16"] },
    asOf: "2026-11-17T03:00:00.000Z",
    affected: AFFECTED,
    checks: { checkedTotal: 11, checkedInPeriod: 6, perBucket: [1, 0, 2, 1, 1, 1, 0] },
    passwords: {
      accountsWithLeakedPassword: 9,
      changedTotal: 10,
      changedInPeriod: 4,
      leakedOnly: 2,
      perBucket: [1, 0, 1, 0, 0, 0, 1],
      // c02, c07 and c13 had changed theirs before the period.
      changedByBucketEnd: [4, 4, 5, 5, 5, 5, 6],
    },
    inquiries: DAILY_INQUIRIES,
    deletions: { receivedInPeriod: 4, completedInPeriod: 1, refusedInPeriod: 1, ...DELETIONS_NOW },
    notifications: NOTIFICATIONS,
  },
  weekly: {
    period: { ...PERIODS.weekly, bucketDays: 7, buckets: WEEKS },
    asOf: "2026-11-17T03:00:00.000Z",
    affected: AFFECTED,
    checks: { checkedTotal: 11, checkedInPeriod: 8, perBucket: [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 6, 1] },
    passwords: {
      accountsWithLeakedPassword: 9,
      changedTotal: 10,
      changedInPeriod: 6,
      leakedOnly: 2,
      perBucket: [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 3, 1],
      changedByBucketEnd: [1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 5, 6],
    },
    inquiries: {
      receivedInPeriod: 13,
      answeredInPeriod: 9,
      ...INQUIRIES_NOW,
      // 10, 15, 30, 45 | 60, 120, 200, 600: the mean of the middle two.
      medianFirstResponseMinutes: 52.5,
      receivedPerBucket: [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 8, 3],
      answeredPerBucket: [1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 6, 1],
      awaitingFirstAnswerByBucketEnd: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 3, 5],
    },
    deletions: { receivedInPeriod: 9, completedInPeriod: 2, refusedInPeriod: 3, ...DELETIONS_NOW },
    notifications: NOTIFICATIONS,
  },
  quiet: {
    period: { ...PERIODS.quiet, bucketDays: 1, buckets: ["2026-06-01", "2026-06-02", "2026-06-03", "2026-06-04", "2026-06-05", "2026-06-06", "2026-06-07"] },
    asOf: "2026-11-17T03:00:00.000Z",
    affected: AFFECTED,
    checks: { checkedTotal: 11, checkedInPeriod: 0, perBucket: [0, 0, 0, 0, 0, 0, 0] },
    passwords: {
      accountsWithLeakedPassword: 9,
      changedTotal: 10,
      changedInPeriod: 0,
      leakedOnly: 2,
      perBucket: [0, 0, 0, 0, 0, 0, 0],
      changedByBucketEnd: [0, 0, 0, 0, 0, 0, 0],
    },
    inquiries: {
      receivedInPeriod: 0,
      answeredInPeriod: 0,
      ...INQUIRIES_NOW,
      medianFirstResponseMinutes: null,
      receivedPerBucket: [0, 0, 0, 0, 0, 0, 0],
      answeredPerBucket: [0, 0, 0, 0, 0, 0, 0],
      awaitingFirstAnswerByBucketEnd: [0, 0, 0, 0, 0, 0, 0],
    },
    deletions: { receivedInPeriod: 0, completedInPeriod: 0, refusedInPeriod: 0, ...DELETIONS_NOW },
    notifications: NOTIFICATIONS,
  },
} satisfies Record<keyof typeof PERIODS, DashboardFigures>;

const EVERYTHING = { inquiries: true, everything: true };
const AGENT = { inquiries: true, everything: false };

/** Registers the tests; `db` gives the seeded database once the caller's beforeAll has run. */
export function describeKnownFigures(db: () => Db): void {
  const read = (period: Period, sections = EVERYTHING) => readFigures({ period, timeZone: TIME_ZONE, now: NOW, sections }, db());

  describe("the dashboard's figures over a seeded database", { timeout: 30_000 }, () => {
    it("counts a week by the day, each day from Tokyo's midnight", async () => {
      expect(await read(PERIODS.daily)).toEqual(EXPECTED.daily);
    });

    it("counts three months by the week, the last bucket two days long", async () => {
      expect(await read(PERIODS.weekly)).toEqual(EXPECTED.weekly);
    });

    it("counts nothing in a period when nothing happened, and has no median", async () => {
      expect(await read(PERIODS.quiet)).toEqual(EXPECTED.quiet);
    });

    it("gives an agent the inquiries only", async () => {
      expect(await read(PERIODS.daily, AGENT)).toEqual({
        ...EXPECTED.daily,
        affected: null,
        checks: null,
        passwords: null,
        deletions: null,
        notifications: null,
      });
    });

    it("gives everything, inquiries included, to whoever may see everything", async () => {
      expect(await read(PERIODS.daily, { inquiries: false, everything: true })).toEqual(EXPECTED.daily);
    });

    it("gives no figures to a viewer without either section", async () => {
      expect(await read(PERIODS.weekly, { inquiries: false, everything: false })).toEqual({
        period: EXPECTED.weekly.period,
        asOf: EXPECTED.weekly.asOf,
        affected: null,
        checks: null,
        passwords: null,
        inquiries: null,
        deletions: null,
        notifications: null,
      });
    });

    // Not the password bars: they count accounts with a leaked password only, so c12 is in
    // changedInPeriod and in no bar.
    it("adds up the buckets to the period's totals", async () => {
      for (const period of Object.values(PERIODS)) {
        const figures = await read(period);
        const sum = (values: number[] | undefined) => (values ?? []).reduce((total, value) => total + value, 0);
        expect(sum(figures.checks?.perBucket)).toBe(figures.checks?.checkedInPeriod);
        expect(sum(figures.inquiries?.receivedPerBucket)).toBe(figures.inquiries?.receivedInPeriod);
        expect(sum(figures.inquiries?.answeredPerBucket)).toBe(figures.inquiries?.answeredInPeriod);
      }
    });
  });
}
