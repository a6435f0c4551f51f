// Every figure of the dashboard as CSV rows: a stable key for scripts, the section and the
// figure in the reader's words, the day a series value belongs to, and the value. UTF-8
// with a byte-order mark and no cell a spreadsheet would run (as the audit log's export).
import { stringify } from "csv-stringify/sync";
import { spreadsheetSafe } from "~/domain/audit/csv-export";
import type { DashboardFigures } from "./figures";

export type CsvRow = [key: string, section: string, figure: string, date: string, value: string | number];

/** The reader's words: `label("inquiries.received")` is a figure's name, `section("inquiries")` a heading. */
export interface FigureLabels {
  heading: (column: "key" | "section" | "figure" | "date" | "value") => string;
  section: (section: string) => string;
  label: (key: string, values?: Record<string, string>) => string;
  groupName: (named: { nameJa: string; nameEn: string }) => string;
}

export function figureRows(figures: DashboardFigures, labels: FigureLabels, asOf: string): CsvRow[] {
  const rows: CsvRow[] = [];
  const period = labels.section("period");
  rows.push(["period.from", period, labels.label("csv.from"), "", figures.period.from]);
  rows.push(["period.to", period, labels.label("csv.to"), "", figures.period.to]);
  rows.push(["period.asOf", period, labels.label("csv.asOf"), "", asOf]);
  rows.push(["period.bucketDays", period, labels.label("csv.bucketDays"), "", figures.period.bucketDays]);
  const scalar = (section: string, key: string, labelKey: string, value: number | null) =>
    rows.push([`${section}.${key}`, labels.section(section), labels.label(labelKey), "", value ?? ""]);
  const series = (section: string, key: string, labelKey: string, values: number[]) =>
    values.forEach((value, index) =>
      rows.push([`${section}.${key}`, labels.section(section), labels.label(labelKey), figures.period.buckets[index] ?? "", value]),
    );

  const { affected, checks, passwords, inquiries, deletions, notifications } = figures;
  if (affected) {
    scalar("affected", "people", "affected.people", affected.people);
    for (const group of affected.byGroup) {
      rows.push([
        `affected.group.${group.key}`,
        labels.section("affected"),
        labels.label("csv.groupRecords", { name: labels.groupName(group) }),
        "",
        group.records,
      ]);
    }
    for (const category of affected.byCategory) {
      rows.push([
        `affected.category.${category.key}`,
        labels.section("affected"),
        labels.label("csv.categoryRecords", { name: labels.groupName(category) }),
        "",
        category.records,
      ]);
    }
  }
  if (checks) {
    scalar("checks", "checkedTotal", "checks.checkedTotal", checks.checkedTotal);
    scalar("checks", "checkedInPeriod", "checks.checkedInPeriod", checks.checkedInPeriod);
    series("checks", "perBucket", "csv.checksPerBucket", checks.perBucket);
  }
  if (passwords) {
    scalar("passwords", "changedTotal", "passwords.changedTotal", passwords.changedTotal);
    scalar("passwords", "changedInPeriod", "passwords.changedInPeriod", passwords.changedInPeriod);
    scalar("passwords", "accountsWithLeakedPassword", "passwords.accounts", passwords.accountsWithLeakedPassword);
    scalar("passwords", "leakedOnly", "passwords.leakedOnly", passwords.leakedOnly);
    series("passwords", "perBucket", "csv.passwordsPerBucket", passwords.perBucket);
    series("passwords", "changedByBucketEnd", "csv.passwordsCumulative", passwords.changedByBucketEnd);
  }
  if (inquiries) {
    scalar("inquiries", "receivedInPeriod", "inquiries.received", inquiries.receivedInPeriod);
    scalar("inquiries", "answeredInPeriod", "inquiries.answered", inquiries.answeredInPeriod);
    scalar("inquiries", "openNow", "inquiries.open", inquiries.openNow);
    scalar("inquiries", "waitingOnCustomerNow", "inquiries.waiting", inquiries.waitingOnCustomerNow);
    scalar("inquiries", "overdueNow", "inquiries.overdue", inquiries.overdueNow);
    const median = inquiries.medianFirstResponseMinutes;
    scalar("inquiries", "medianFirstResponseMinutes", "csv.medianMinutes", median === null ? null : Math.round(median * 10) / 10);
    series("inquiries", "receivedPerBucket", "csv.receivedPerBucket", inquiries.receivedPerBucket);
    series("inquiries", "answeredPerBucket", "csv.answeredPerBucket", inquiries.answeredPerBucket);
    series("inquiries", "awaitingFirstAnswerByBucketEnd", "csv.backlog", inquiries.awaitingFirstAnswerByBucketEnd);
  }
  if (deletions) {
    scalar("deletions", "receivedInPeriod", "deletions.received", deletions.receivedInPeriod);
    scalar("deletions", "completedInPeriod", "deletions.completed", deletions.completedInPeriod);
    scalar("deletions", "refusedInPeriod", "deletions.refused", deletions.refusedInPeriod);
    scalar("deletions", "openNow", "deletions.open", deletions.openNow);
    scalar("deletions", "overdueNow", "deletions.overdue", deletions.overdueNow);
  }
  if (notifications) {
    scalar("notifications", "listed", "notifications.listed", notifications.people.listed);
    scalar("notifications", "mailed", "notifications.mailed", notifications.people.mailed);
    scalar("notifications", "unreachable", "notifications.unreachable", notifications.people.unreachable);
    for (const campaign of notifications.campaigns) {
      for (const figure of ["inList", "sent", "bounced", "failed", "pending", "leftOut"] as const) {
        rows.push([
          `notifications.campaign.${campaign.key}.${figure}`,
          labels.section("notifications"),
          labels.label(`csv.campaign.${figure}`, { name: labels.groupName(campaign) }),
          "",
          campaign[figure],
        ]);
      }
    }
  }
  return rows;
}

export function figuresCsv(figures: DashboardFigures, labels: FigureLabels, asOf: string): string {
  const header = (["key", "section", "figure", "date", "value"] as const).map(labels.heading);
  const body = figureRows(figures, labels, asOf).map((row) => row.map((cell) => (typeof cell === "string" ? spreadsheetSafe(cell) : cell)));
  return `\uFEFF${stringify([header, ...body])}`;
}

/** figures-2026-11-01-2026-11-30.csv */
export function figuresFileName(figures: DashboardFigures): string {
  return `figures-${figures.period.from}-${figures.period.to}.csv`;
}
