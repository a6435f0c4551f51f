// The one-page summary for the regulator's report: the dashboard's figures as titled lists
// of label and value, worded in the summary's own language (which may not be the reader's).
import { formatDuration, percentOf, type DashboardFigures } from "./figures";

export interface SummarySection {
  heading: string;
  rows: Array<{ label: string; value: string }>;
}

export interface SummaryWords {
  t: (key: string, values?: Record<string, unknown>) => string;
  count: (value: number) => string;
  language: "ja" | "en";
}

export function summarySections(figures: DashboardFigures, { t, count, language }: SummaryWords): SummarySection[] {
  const sections: SummarySection[] = [];
  const nameOf = (named: { nameJa: string; nameEn: string }) => (language === "ja" ? named.nameJa : named.nameEn);
  const share = (part: number, whole: number) => {
    const percent = percentOf(part, whole);
    return percent === null ? count(part) : `${count(part)} (${count(percent)}%)`;
  };
  const { affected, checks, passwords, inquiries, deletions, notifications } = figures;
  if (affected) {
    sections.push({
      heading: t("affected.heading"),
      rows: [
        { label: t("affected.people"), value: count(affected.people) },
        ...affected.byGroup.map((group) => ({ label: t("csv.groupRecords", { name: nameOf(group) }), value: count(group.records) })),
        ...affected.byCategory.map((category) => ({ label: t("csv.categoryRecords", { name: nameOf(category) }), value: count(category.records) })),
      ],
    });
  }
  if (checks) {
    sections.push({
      heading: t("checks.heading"),
      rows: [
        { label: t("checks.checkedTotal"), value: affected ? share(checks.checkedTotal, affected.people) : count(checks.checkedTotal) },
        { label: t("checks.checkedInPeriod"), value: count(checks.checkedInPeriod) },
      ],
    });
  }
  if (passwords) {
    const changed = passwords.accountsWithLeakedPassword - passwords.leakedOnly;
    sections.push({
      heading: t("passwords.heading"),
      rows: [
        { label: t("passwords.accounts"), value: count(passwords.accountsWithLeakedPassword) },
        { label: t("passwords.leakedChanged"), value: share(changed, passwords.accountsWithLeakedPassword) },
        { label: t("passwords.leakedOnly"), value: share(passwords.leakedOnly, passwords.accountsWithLeakedPassword) },
        { label: t("passwords.changedTotal"), value: count(passwords.changedTotal) },
        { label: t("passwords.changedInPeriod"), value: count(passwords.changedInPeriod) },
      ],
    });
  }
  if (inquiries) {
    const median = inquiries.medianFirstResponseMinutes;
    sections.push({
      heading: t("inquiries.heading"),
      rows: [
        { label: t("inquiries.received"), value: count(inquiries.receivedInPeriod) },
        { label: t("inquiries.answered"), value: count(inquiries.answeredInPeriod) },
        { label: t("inquiries.open"), value: count(inquiries.openNow) },
        { label: t("inquiries.overdue"), value: count(inquiries.overdueNow) },
        {
          label: t("inquiries.median"),
          value: median === null ? t("inquiries.medianNone") : formatDuration(median, t),
        },
      ],
    });
  }
  if (deletions) {
    sections.push({
      heading: t("deletions.heading"),
      rows: [
        { label: t("deletions.received"), value: count(deletions.receivedInPeriod) },
        { label: t("deletions.completed"), value: count(deletions.completedInPeriod) },
        { label: t("deletions.refused"), value: count(deletions.refusedInPeriod) },
        { label: t("deletions.open"), value: count(deletions.openNow) },
        { label: t("deletions.overdue"), value: count(deletions.overdueNow) },
      ],
    });
  }
  if (notifications) {
    const { people } = notifications;
    sections.push({
      heading: t("notifications.heading"),
      rows: [
        { label: t("notifications.listed"), value: count(people.listed) },
        { label: t("notifications.mailed"), value: share(people.mailed, people.listed) },
        { label: t("notifications.unreachable"), value: share(people.unreachable, people.listed) },
        ...notifications.campaigns.map((campaign) => ({
          label: t("notifications.campaign", { subject: nameOf(campaign) }),
          value: t("notifications.campaignFigures", {
            sent: count(campaign.sent),
            inList: count(campaign.inList),
            bounced: count(campaign.bounced),
            failed: count(campaign.failed),
            pending: count(campaign.pending),
            leftOut: count(campaign.leftOut),
          }),
        })),
      ],
    });
  }
  return sections;
}
