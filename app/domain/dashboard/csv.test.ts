import { describe, expect, it } from "vitest";
import { figureRows, figuresCsv, figuresFileName, type FigureLabels } from "./csv";
import type { DashboardFigures } from "./figures";

const figures: DashboardFigures = {
  period: { from: "2026-11-01", to: "2026-11-02", bucketDays: 1, buckets: ["2026-11-01", "2026-11-02"] },
  asOf: "2026-11-02T03:00:00.000Z",
  affected: {
    people: 10,
    byGroup: [{ key: "members", nameJa: "会員", nameEn: "=Members", records: 10 }],
    byCategory: [{ key: "email", nameJa: "メール", nameEn: "Email", records: 9 }],
  },
  checks: { checkedTotal: 4, checkedInPeriod: 3, perBucket: [1, 2] },
  passwords: { accountsWithLeakedPassword: 8, changedTotal: 3, changedInPeriod: 2, leakedOnly: 6, perBucket: [0, 2], changedByBucketEnd: [0, 2] },
  inquiries: {
    receivedInPeriod: 5,
    answeredInPeriod: 2,
    openNow: 3,
    waitingOnCustomerNow: 1,
    overdueNow: 1,
    medianFirstResponseMinutes: 52.5,
    receivedPerBucket: [2, 3],
    answeredPerBucket: [0, 2],
    awaitingFirstAnswerByBucketEnd: [2, 3],
  },
  deletions: { receivedInPeriod: 1, completedInPeriod: 0, refusedInPeriod: 0, openNow: 1, overdueNow: 0 },
  notifications: {
    campaigns: [{ key: "c1", nameJa: "お知らせ", nameEn: "Notice", status: "completed", inList: 10, sent: 8, bounced: 1, failed: 0, pending: 0, leftOut: 1 }],
    people: { listed: 10, mailed: 8, unreachable: 1 },
  },
};

const labels: FigureLabels = {
  heading: (column) => column.toUpperCase(),
  section: (section) => `[${section}]`,
  label: (key, values) => (values?.name ? `${key}(${values.name})` : key),
  groupName: (named) => named.nameEn,
};

describe("figureRows", () => {
  it("lists every scalar once and every series value with its day", () => {
    const rows = figureRows(figures, labels, "2026-11-02 12:00:00");
    expect(rows.slice(0, 4)).toEqual([
      ["period.from", "[period]", "csv.from", "", "2026-11-01"],
      ["period.to", "[period]", "csv.to", "", "2026-11-02"],
      ["period.asOf", "[period]", "csv.asOf", "", "2026-11-02 12:00:00"],
      ["period.bucketDays", "[period]", "csv.bucketDays", "", 1],
    ]);
    expect(rows).toContainEqual(["affected.group.members", "[affected]", "csv.groupRecords(=Members)", "", 10]);
    expect(rows).toContainEqual(["inquiries.medianFirstResponseMinutes", "[inquiries]", "csv.medianMinutes", "", 52.5]);
    expect(rows.filter((row) => row[0] === "inquiries.receivedPerBucket")).toEqual([
      ["inquiries.receivedPerBucket", "[inquiries]", "csv.receivedPerBucket", "2026-11-01", 2],
      ["inquiries.receivedPerBucket", "[inquiries]", "csv.receivedPerBucket", "2026-11-02", 3],
    ]);
    expect(rows).toContainEqual(["notifications.campaign.c1.bounced", "[notifications]", "csv.campaign.bounced(Notice)", "", 1]);
    // 4 period rows, 3 affected, 2+2 checks, 4+2+2 passwords, 6+2+2+2 inquiries, 5 deletions, 3+6 notifications.
    expect(rows).toHaveLength(4 + 3 + 4 + 8 + 12 + 5 + 9);
  });

  it("leaves out the sections a viewer doesn't get, and writes no median when nothing was answered", () => {
    const agent = {
      ...figures,
      affected: null,
      checks: null,
      passwords: null,
      deletions: null,
      notifications: null,
      inquiries: { ...figures.inquiries!, medianFirstResponseMinutes: null },
    };
    const rows = figureRows(agent, labels, "now");
    expect(new Set(rows.map((row) => row[0].split(".")[0]))).toEqual(new Set(["period", "inquiries"]));
    expect(rows).toContainEqual(["inquiries.medianFirstResponseMinutes", "[inquiries]", "csv.medianMinutes", "", ""]);
  });
});

describe("figuresCsv", () => {
  it("starts with a byte-order mark and the headings, and defuses cells a spreadsheet would run", () => {
    const csv = figuresCsv(figures, labels, "now");
    expect(csv.startsWith("\uFEFFKEY,SECTION,FIGURE,DATE,VALUE\n")).toBe(true);
    expect(csv).toContain("affected.group.members,[affected],csv.groupRecords(=Members),,10");
    const evil = { ...figures, affected: { ...figures.affected!, byGroup: [{ key: "x", nameJa: "", nameEn: "", records: 1 }] } };
    const formula = figuresCsv(evil, { ...labels, label: () => "=HYPERLINK(1)" }, "now");
    expect(formula).toContain("'=HYPERLINK(1)");
    expect(formula).not.toMatch(/,=HYPERLINK/);
  });

  it("names the file after the period", () => {
    expect(figuresFileName(figures)).toBe("figures-2026-11-01-2026-11-02.csv");
  });
});
