// The dashboard's figures as the page, the CSV export and the regulator's summary read
// them. "Now" figures describe the records as they stand; "in the period" figures count
// what happened between the period's first and last day. Series hold one value per bucket
// (app/domain/dashboard/period.ts).
import type { LocalDate } from "~/domain/business-hours";

export interface Named {
  key: string;
  nameJa: string;
  nameEn: string;
}

export interface AffectedFigures {
  /** People in the leaked records the portal holds (erased people no longer count). */
  people: number;
  /** Records per affected group: a person is in as many groups as their data was leaked from. */
  byGroup: Array<Named & { records: number }>;
  /** Records (a person in a group) whose leaked data included the category. */
  byCategory: Array<Named & { records: number }>;
}

export interface CheckFigures {
  /** People who have seen what of theirs leaked, ever. */
  checkedTotal: number;
  /** Of whom, for the first time in the period. */
  checkedInPeriod: number;
  /** First checks per bucket. */
  perBucket: number[];
}

export interface PasswordFigures {
  /** Affected accounts imported with a password hash from the leaked system. */
  accountsWithLeakedPassword: number;
  /** Customers who have set a new password since the incident. */
  changedTotal: number;
  /** Of whom, for the first time in the period. */
  changedInPeriod: number;
  /** Accounts whose only password is still the leaked one (kept wrapped, never usable to sign in). */
  leakedOnly: number;
  /** First changes per bucket, of accounts with a leaked password only (so they needn't add up to changedInPeriod). */
  perBucket: number[];
  /** Accounts with a leaked password that had changed it by each bucket's end. */
  changedByBucketEnd: number[];
}

export interface InquiryFigures {
  receivedInPeriod: number;
  /** Inquiries first answered in the period. */
  answeredInPeriod: number;
  /** Not resolved or closed, now; of which waiting on the customer. */
  openNow: number;
  waitingOnCustomerNow: number;
  /** An answer is owed and its due time has passed. */
  overdueNow: number;
  /** Median business minutes from receipt to first answer, over inquiries first answered in the period. */
  medianFirstResponseMinutes: number | null;
  receivedPerBucket: number[];
  answeredPerBucket: number[];
  /** Inquiries received and not yet answered at each bucket's end. */
  awaitingFirstAnswerByBucketEnd: number[];
}

export interface DeletionFigures {
  receivedInPeriod: number;
  completedInPeriod: number;
  refusedInPeriod: number;
  openNow: number;
  overdueNow: number;
}

/** Where one notification campaign's people stand (ADR 031). */
export interface NotificationTally {
  inList: number;
  sent: number;
  /** Refused by the person's mail server. */
  bounced: number;
  /** Given up for another reason. */
  failed: number;
  /** Still to be sent: waiting their turn or in the outbox. */
  pending: number;
  /** Erased on request (or about to be) when it started, or before their turn. */
  leftOut: number;
}

export interface NotificationFigures {
  /** Each campaign that has started, the latest first. */
  campaigns: Array<Named & { status: string } & NotificationTally>;
  /** People counted once however many campaigns listed them. */
  people: {
    listed: number;
    /** Sent a notification by mail at least once. */
    mailed: number;
    /** Listed, and every mail to them bounced or failed: the public notice is what reaches them. */
    unreachable: number;
  };
}

/** Which parts a viewer gets: agents the inquiries only; the figures' holders everything. */
export interface FigureSections {
  inquiries: boolean;
  everything: boolean;
}

export interface DashboardFigures {
  period: { from: LocalDate; to: LocalDate; bucketDays: 1 | 7; buckets: LocalDate[] };
  /** When the figures were read (ISO). */
  asOf: string;
  affected: AffectedFigures | null;
  checks: CheckFigures | null;
  passwords: PasswordFigures | null;
  inquiries: InquiryFigures | null;
  deletions: DeletionFigures | null;
  notifications: NotificationFigures | null;
}

/** `base` plus the running sum of `steps`: a stock at each bucket's end from its flows. */
export function runningTotals(base: number, ...flows: Array<{ sign: 1 | -1; steps: number[] }>): number[] {
  const length = Math.max(0, ...flows.map((flow) => flow.steps.length));
  const totals: number[] = [];
  let total = base;
  for (let index = 0; index < length; index++) {
    for (const flow of flows) total += flow.sign * (flow.steps[index] ?? 0);
    totals.push(total);
  }
  return totals;
}

/**
 * The median of values given as a histogram sorted by value (how many times each occurs):
 * the middle value of an odd total, the mean of the middle two of an even one. Null when empty.
 */
export function medianOfHistogram(histogram: Array<{ value: number; count: number }>): number | null {
  const total = histogram.reduce((sum, bar) => sum + bar.count, 0);
  if (total <= 0) return null;
  // The 0-based positions of the middle value(s) in sorted order.
  const positions = total % 2 === 1 ? [(total - 1) / 2] : [total / 2 - 1, total / 2];
  const middle: number[] = [];
  let seen = 0;
  for (const bar of histogram) {
    for (const position of positions) if (position >= seen && position < seen + bar.count) middle.push(bar.value);
    seen += bar.count;
  }
  return middle.reduce((sum, value) => sum + value, 0) / middle.length;
}

/** A share in whole tenths of a percent; null when there is nothing to share. */
export function percentOf(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : null;
}

/** "1 h 30 min", or "31 min" under an hour, through the dashboard's words `duration` and `durationMinutes`. */
export function formatDuration(totalMinutes: number, t: (key: string, values: Record<string, number>) => string): string {
  const rounded = Math.round(totalMinutes);
  const hours = Math.floor(rounded / 60);
  const minutes = rounded % 60;
  return hours > 0 ? t("duration", { hours, minutes }) : t("durationMinutes", { minutes });
}
