// The life of a notification campaign (ADR 031). A draft is edited until a second privacy
// officer approves it; approved text is frozen. Sending hands mails to the outbox at the
// campaign's pace until every person in the list has had theirs; it can be paused, resumed
// and cancelled on the way.
export const CAMPAIGN_STATUSES = ["draft", "approved", "sending", "paused", "completed", "cancelled"] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export type CampaignStep = "edit" | "approve" | "start" | "pause" | "resume" | "cancel";

const ALLOWED: Record<CampaignStep, readonly CampaignStatus[]> = {
  edit: ["draft"],
  approve: ["draft"],
  start: ["approved"],
  pause: ["sending"],
  resume: ["paused"],
  cancel: ["draft", "approved", "sending", "paused"],
};

/** The statuses a step may be taken from: the condition of its update, so a stale view changes nothing. */
export function statusesFor(step: CampaignStep): CampaignStatus[] {
  return [...ALLOWED[step]];
}

export function canTake(step: CampaignStep, status: string): boolean {
  return (ALLOWED[step] as readonly string[]).includes(status);
}

export function isCampaignStatus(value: string): value is CampaignStatus {
  return (CAMPAIGN_STATUSES as readonly string[]).includes(value);
}

/** Where each person of a campaign stands. */
export const RECIPIENT_STATUSES = ["waiting", "queued", "sent", "bounced", "failed", "left-out", "cancelled"] as const;
export type RecipientStatus = (typeof RECIPIENT_STATUSES)[number];
