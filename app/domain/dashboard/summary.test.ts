import { describe, expect, it } from "vitest";
import { formatDuration, type DashboardFigures } from "./figures";
import { summarySections } from "./summary";

const figures: DashboardFigures = {
  period: { from: "2026-11-01", to: "2026-11-30", bucketDays: 1, buckets: [] },
  asOf: "2026-11-30T03:00:00.000Z",
  affected: { people: 1000, byGroup: [{ key: "members", nameJa: "会員", nameEn: "Members", records: 1000 }], byCategory: [] },
  checks: { checkedTotal: 250, checkedInPeriod: 40, perBucket: [] },
  passwords: { accountsWithLeakedPassword: 800, changedTotal: 210, changedInPeriod: 30, leakedOnly: 600, perBucket: [], changedByBucketEnd: [] },
  inquiries: {
    receivedInPeriod: 12,
    answeredInPeriod: 10,
    openNow: 3,
    waitingOnCustomerNow: 1,
    overdueNow: 0,
    medianFirstResponseMinutes: 95,
    receivedPerBucket: [],
    answeredPerBucket: [],
    awaitingFirstAnswerByBucketEnd: [],
  },
  deletions: { receivedInPeriod: 2, completedInPeriod: 1, refusedInPeriod: 0, openNow: 1, overdueNow: 0 },
  notifications: {
    campaigns: [{ key: "c1", nameJa: "お知らせ", nameEn: "Notice", status: "completed", inList: 10, sent: 8, bounced: 1, failed: 0, pending: 0, leftOut: 1 }],
    people: { listed: 10, mailed: 8, unreachable: 1 },
  },
};

// Keys stand in for words; values show in brackets.
const t = (key: string, values?: Record<string, unknown>) => (values ? `${key}${JSON.stringify(values)}` : key);
const words = { t, count: (value: number) => String(value), language: "en" as const };

describe("summarySections", () => {
  it("gives each section its figures, with shares where there is a whole", () => {
    const sections = summarySections(figures, words);
    expect(sections.map((section) => section.heading)).toEqual([
      "affected.heading",
      "checks.heading",
      "passwords.heading",
      "inquiries.heading",
      "deletions.heading",
      "notifications.heading",
    ]);
    expect(sections[5]!.rows).toContainEqual({ label: "notifications.mailed", value: "8 (80%)" });
    expect(sections[5]!.rows.at(-1)).toEqual({
      label: 'notifications.campaign{"subject":"Notice"}',
      value: 'notifications.campaignFigures{"sent":"8","inList":"10","bounced":"1","failed":"0","pending":"0","leftOut":"1"}',
    });
    expect(sections[0]!.rows).toContainEqual({ label: 'csv.groupRecords{"name":"Members"}', value: "1000" });
    expect(sections[1]!.rows[0]).toEqual({ label: "checks.checkedTotal", value: "250 (25%)" });
    expect(sections[2]!.rows.slice(0, 3)).toEqual([
      { label: "passwords.accounts", value: "800" },
      { label: "passwords.leakedChanged", value: "200 (25%)" },
      { label: "passwords.leakedOnly", value: "600 (75%)" },
    ]);
    expect(sections[3]!.rows.at(-1)).toEqual({ label: "inquiries.median", value: 'duration{"hours":1,"minutes":35}' });
  });

  it("uses the names of the summary's language, and says when nothing was answered", () => {
    const sections = summarySections({ ...figures, inquiries: { ...figures.inquiries!, medianFirstResponseMinutes: null } }, { ...words, language: "ja" });
    expect(sections[0]!.rows).toContainEqual({ label: 'csv.groupRecords{"name":"会員"}', value: "1000" });
    expect(sections[3]!.rows.at(-1)).toEqual({ label: "inquiries.median", value: "inquiries.medianNone" });
  });

  it("leaves out what the figures don't hold", () => {
    expect(summarySections({ ...figures, affected: null, checks: null, passwords: null, deletions: null, notifications: null }, words)).toHaveLength(1);
  });
});

describe("formatDuration", () => {
  it("shows hours and minutes, or minutes alone under an hour", () => {
    expect(formatDuration(95.4, t)).toBe('duration{"hours":1,"minutes":35}');
    expect(formatDuration(31, t)).toBe('durationMinutes{"minutes":31}');
    expect(formatDuration(59.6, t)).toBe('duration{"hours":1,"minutes":0}');
  });
});
