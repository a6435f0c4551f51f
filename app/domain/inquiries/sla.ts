// The service clock of an inquiry: which answer the desk owes (the first, or the next after
// the customer wrote again) and by when, counted in the business hours of the written
// channel. While the desk waits on the customer, or once the inquiry is resolved or
// closed, nothing is owed and the clock is stopped. Pure: the caller passes the hours,
// the category's targets and the time.
import { addBusinessMinutes, businessMinutesBetween, SEARCH_HORIZON_DAYS, type ChannelHours } from "~/domain/business-hours";
import type { InquiryCategory, InquiryStatus } from "./categories";

export interface SlaTargets {
  firstResponseMinutes: number;
  nextResponseMinutes: number;
}

/** Until admins set their own: urgent subjects (fraud, cards) get a reply within two business hours. */
export const DEFAULT_SLA_TARGETS: Record<InquiryCategory, SlaTargets> = {
  affected: { firstResponseMinutes: 240, nextResponseMinutes: 480 },
  password: { firstResponseMinutes: 240, nextResponseMinutes: 480 },
  deletion: { firstResponseMinutes: 480, nextResponseMinutes: 960 },
  "suspicious-contact": { firstResponseMinutes: 120, nextResponseMinutes: 240 },
  card: { firstResponseMinutes: 120, nextResponseMinutes: 240 },
  other: { firstResponseMinutes: 480, nextResponseMinutes: 960 },
};

/** At most a working month: a target longer than that is a typo. */
export const MAX_TARGET_MINUTES = 22 * 8 * 60;

export type DueKind = "first" | "next";

export interface SlaState {
  status: InquiryStatus;
  dueAt: Date | null;
  dueKind: DueKind | null;
  firstAnsweredAt: Date | null;
}

export interface SlaContext {
  targets: SlaTargets;
  hours: ChannelHours;
  now: Date;
}

/**
 * When `minutes` business minutes after `from` have passed. If the channel has no hours in
 * the search horizon (closed indefinitely), the horizon's end: the inquiry still sorts
 * behind every answer that can be given sooner, and staff see it as due.
 */
export function dueAfter(hours: ChannelHours, from: Date, minutes: number): Date {
  return addBusinessMinutes(hours, from, minutes) ?? new Date(from.getTime() + SEARCH_HORIZON_DAYS * 24 * 60 * 60_000);
}

function owed(kind: DueKind, { targets, hours, now }: SlaContext): Pick<SlaState, "dueAt" | "dueKind"> {
  const minutes = kind === "first" ? targets.firstResponseMinutes : targets.nextResponseMinutes;
  return { dueAt: dueAfter(hours, now, minutes), dueKind: kind };
}

const stopped = { dueAt: null, dueKind: null } as const;

export function onSubmitted(context: SlaContext): SlaState {
  return { status: "new", firstAnsweredAt: null, ...owed("first", context) };
}

/**
 * The customer wrote again. An answer already owed keeps its due time (writing twice
 * doesn't push it back); otherwise the next answer is owed from now, and a waiting,
 * resolved or closed inquiry is open again.
 */
export function onCustomerMessage(state: SlaState, context: SlaContext): SlaState {
  if (state.dueAt && (state.status === "new" || state.status === "open")) return state;
  const kind: DueKind = state.firstAnsweredAt ? "next" : "first";
  return { ...state, status: state.status === "new" ? "new" : "open", ...owed(kind, context) };
}

export function onCustomerClose(state: SlaState): SlaState {
  return { ...state, status: "closed", ...stopped };
}

/** Statuses staff may leave an inquiry in after a reply or a change. */
export type StaffStatus = Exclude<InquiryStatus, "new">;

/**
 * Staff moved the inquiry to `to`, with a reply to the customer or without one. A reply is
 * the answer owed; an inquiry left open after it owes the next one.
 */
export function onStaffAction(state: SlaState, to: StaffStatus, replied: boolean, context: SlaContext): SlaState {
  const firstAnsweredAt = replied ? (state.firstAnsweredAt ?? context.now) : state.firstAnsweredAt;
  if (to !== "open") return { ...state, status: to, firstAnsweredAt, ...stopped };
  // Left open: a reply starts the next clock; without one, an answer already owed stays
  // owed and a reopened inquiry owes one from now.
  if (!replied && state.dueAt) return { ...state, status: "open", firstAnsweredAt };
  return { ...state, status: "open", firstAnsweredAt, ...owed(firstAnsweredAt ? "next" : "first", context) };
}

/** Claiming a new inquiry opens it; its due time doesn't change. */
export function onClaimed(state: SlaState): SlaState {
  return state.status === "new" ? { ...state, status: "open" } : state;
}

/** How long the first answer took, in whole business minutes of the channel (the dashboard's median). */
export function firstResponseMinutes(hours: ChannelHours, receivedAt: Date, answeredAt: Date): number {
  return Math.round(businessMinutesBetween(hours, receivedAt, answeredAt));
}

export type SlaStanding = { kind: "stopped" } | { kind: "due"; overdue: boolean; businessMinutes: number };

/** How much business time is left before the due time (or has passed since it). */
export function slaStanding(hours: ChannelHours, dueAt: Date | null, now: Date): SlaStanding {
  if (!dueAt) return { kind: "stopped" };
  const overdue = dueAt.getTime() <= now.getTime();
  return { kind: "due", overdue, businessMinutes: Math.round(Math.abs(businessMinutesBetween(hours, now, dueAt))) };
}
