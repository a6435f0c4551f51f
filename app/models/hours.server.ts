// Business hours as staff edit them: channels, their weekly schedules and closures. Every
// change is checked against what is stored (scheduleProblems) and written together with
// its audit entry in one transaction, so it is all there or none of it is.
import { getConfig } from "~/config.server";
import { getDb } from "~/db/client.server";
import { type DbHandle, inTransaction, type Tx } from "~/db/transaction.server";
import { localDateOf, rowOfSchedule, scheduleFromRow, scheduleProblems, type LocalDate, type WeeklySchedule } from "~/domain/business-hours";
import type { ChannelKind } from "~/domain/desk/desk-view";
import { changesBetween, scheduleSnapshot } from "~/domain/hours-editor/audit-details";
import type { ChannelInput } from "~/domain/hours-editor/channel-form";
import type { ClosureInput } from "~/domain/hours-editor/closure-form";
import { channelOverview, periodOf, summarizeClosures, type ChannelOverview, type ClosureSummary, type Period } from "~/domain/hours-editor/overview";
import { closureProblemErrors, hasErrors, scheduleProblemErrors, type FormErrors } from "~/domain/hours-editor/problem-messages";
import type { StaffIdentity } from "~/models/staff-session.server";
import { clientHash } from "~/utils/client-address.server";
import { appendAudit } from "./audit.server";

/** Who is changing the hours, for the audit entry. */
export interface Editor {
  actor: { id: string; email: string };
  clientHash: string;
}

export function editorOf(staff: StaffIdentity, clientAddress: string): Editor {
  return { actor: { id: staff.id, email: staff.email }, clientHash: clientHash(clientAddress) };
}

export type Outcome = { status: "ok"; id: string } | { status: "not-found" } | { status: "invalid"; errors: FormErrors };

const SCHEDULE_SELECT = {
  id: true,
  effectiveFrom: true,
  effectiveUntil: true,
  holidayRule: true,
  intervals: { select: { day: true, opensAt: true, closesAt: true } },
} as const;

const CLOSURE_SELECT = { id: true, startsOn: true, endsOn: true, reasonJa: true, reasonEn: true } as const;

const CHANNEL_SELECT = { key: true, kind: true, nameJa: true, nameEn: true, contact: true } as const;

function deskTimeZone(): string {
  return getConfig().DESK_TIME_ZONE;
}

export function deskToday(now = new Date()): LocalDate {
  return localDateOf(now, deskTimeZone());
}

export interface HoursOverview {
  timeZone: string;
  today: LocalDate;
  channels: ChannelOverview[];
  sharedClosures: ClosureSummary[];
}

export async function getHoursOverview(now = new Date(), db: DbHandle = getDb()): Promise<HoursOverview> {
  const timeZone = deskTimeZone();
  const today = localDateOf(now, timeZone);
  const [channels, sharedClosures] = await Promise.all([
    db.channel.findMany({
      orderBy: { position: "asc" },
      select: { ...CHANNEL_SELECT, schedules: { select: SCHEDULE_SELECT }, closures: { select: CLOSURE_SELECT } },
    }),
    db.closure.findMany({ where: { channelId: null }, select: CLOSURE_SELECT }),
  ]);
  return {
    timeZone,
    today,
    channels: channels.map((channel) => channelOverview(channel, sharedClosures, timeZone, today)),
    sharedClosures: summarizeClosures(sharedClosures, today),
  };
}

export interface ChannelSummary {
  key: string;
  kind: ChannelKind;
  nameJa: string;
  nameEn: string;
  contact: string;
}

function toChannelSummary(channel: { key: string; kind: string; nameJa: string; nameEn: string; contact: string }): ChannelSummary {
  return { ...channel, kind: channel.kind === "email" ? "email" : "phone" };
}

export async function getChannel(key: string, db: DbHandle = getDb()): Promise<ChannelSummary | null> {
  const channel = await db.channel.findUnique({ where: { key }, select: CHANNEL_SELECT });
  return channel && toChannelSummary(channel);
}

export async function listChannels(db: DbHandle = getDb()): Promise<ChannelSummary[]> {
  const channels = await db.channel.findMany({ orderBy: { position: "asc" }, select: CHANNEL_SELECT });
  return channels.map(toChannelSummary);
}

export interface ScheduleDetail {
  id: string;
  channel: ChannelSummary;
  schedule: WeeklySchedule;
  period: Period;
}

export async function getSchedule(id: string, now = new Date(), db: DbHandle = getDb()): Promise<ScheduleDetail | null> {
  const row = await db.channelSchedule.findUnique({
    where: { id },
    select: { ...SCHEDULE_SELECT, channel: { select: CHANNEL_SELECT } },
  });
  if (!row) return null;
  const schedule = scheduleFromRow(row);
  return {
    id: row.id,
    channel: toChannelSummary(row.channel),
    schedule,
    period: periodOf(schedule.effectiveFrom, schedule.effectiveUntil, deskToday(now)),
  };
}

/** The channel's latest schedule, as the starting point for a new one. */
export async function getLatestSchedule(channelKey: string, db: DbHandle = getDb()): Promise<WeeklySchedule | null> {
  const row = await db.channelSchedule.findFirst({
    where: { channel: { key: channelKey } },
    orderBy: { effectiveFrom: "desc" },
    select: SCHEDULE_SELECT,
  });
  return row && scheduleFromRow(row);
}

export interface ClosureDetail {
  id: string;
  channel: ChannelSummary | null;
  startsOn: LocalDate;
  endsOn: LocalDate;
  reasonJa: string;
  reasonEn: string;
}

export async function getClosure(id: string, db: DbHandle = getDb()): Promise<ClosureDetail | null> {
  const closure = await db.closure.findUnique({
    where: { id },
    select: { ...CLOSURE_SELECT, channel: { select: CHANNEL_SELECT } },
  });
  return closure && { ...closure, channel: closure.channel && toChannelSummary(closure.channel) };
}

/**
 * Serialises changes to one channel's hours. The overlap check reads the channel's schedules and
 * the write depends on what it read; this no-op update of the channel row makes a concurrent
 * editor of the same channel wait until the transaction ends (a row lock on PostgreSQL). Being
 * the first statement, a write, it also has SQLite take its write lock before anything is read,
 * instead of failing with SQLITE_BUSY_SNAPSHOT when another process wrote in between.
 * Returns the channel's id, or null if there is no such channel.
 */
async function lockChannel(tx: Tx, where: { key: string } | { scheduleId: string }): Promise<string | null> {
  const filter = "key" in where ? { key: where.key } : { schedules: { some: { id: where.scheduleId } } };
  const { count } = await tx.channel.updateMany({ where: filter, data: { position: { increment: 0 } } });
  if (count === 0) return null;
  const channel = await tx.channel.findFirst({ where: filter, select: { id: true } });
  return channel?.id ?? null;
}

async function checkAgainstStored(tx: Tx, channelId: string, candidate: WeeklySchedule, replacing: string | null): Promise<FormErrors | null> {
  const [stored, closures] = await Promise.all([
    tx.channelSchedule.findMany({ where: { channelId, id: replacing ? { not: replacing } : undefined }, select: SCHEDULE_SELECT }),
    tx.closure.findMany({ where: { OR: [{ channelId }, { channelId: null }] }, select: { startsOn: true, endsOn: true } }),
  ]);
  const schedules = [...stored.map(scheduleFromRow), candidate];
  const problems = scheduleProblems({ timeZone: deskTimeZone(), schedules, closures });
  const errors = scheduleProblemErrors(problems, schedules, schedules.length - 1);
  return hasErrors(errors) ? errors : null;
}

function intervalRows(schedule: WeeklySchedule) {
  return rowOfSchedule(schedule).intervals;
}

export async function createSchedule(channelKey: string, schedule: WeeklySchedule, editor: Editor, db: DbHandle = getDb()): Promise<Outcome> {
  return inTransaction(db, async (tx): Promise<Outcome> => {
    const channelId = await lockChannel(tx, { key: channelKey });
    if (!channelId) return { status: "not-found" };
    const errors = await checkAgainstStored(tx, channelId, schedule, null);
    if (errors) return { status: "invalid", errors };
    const created = await tx.channelSchedule.create({
      data: {
        channelId,
        effectiveFrom: schedule.effectiveFrom,
        effectiveUntil: schedule.effectiveUntil,
        holidayRule: schedule.holidays.kind,
        intervals: { create: intervalRows(schedule) },
      },
      select: { id: true },
    });
    await appendAudit(tx, {
      ...editor,
      action: "hours.schedule.create",
      target: { type: "channel-schedule", id: created.id },
      result: "ok",
      details: { channel: channelKey, schedule: scheduleSnapshot(schedule) },
    });
    return { status: "ok", id: created.id };
  });
}

export async function updateSchedule(id: string, schedule: WeeklySchedule, editor: Editor, db: DbHandle = getDb()): Promise<Outcome> {
  return inTransaction(db, async (tx): Promise<Outcome> => {
    const channelId = await lockChannel(tx, { scheduleId: id });
    if (!channelId) return { status: "not-found" };
    const current = await tx.channelSchedule.findUnique({
      where: { id },
      select: { ...SCHEDULE_SELECT, channel: { select: { key: true } } },
    });
    if (!current) return { status: "not-found" };
    const errors = await checkAgainstStored(tx, channelId, schedule, id);
    if (errors) return { status: "invalid", errors };
    const changes = changesBetween(scheduleSnapshot(scheduleFromRow(current)), scheduleSnapshot(schedule));
    if (Object.keys(changes).length === 0) return { status: "ok", id };
    await tx.scheduleInterval.deleteMany({ where: { scheduleId: id } });
    await tx.channelSchedule.update({
      where: { id },
      data: {
        effectiveFrom: schedule.effectiveFrom,
        effectiveUntil: schedule.effectiveUntil,
        holidayRule: schedule.holidays.kind,
        intervals: { create: intervalRows(schedule) },
      },
      select: { id: true },
    });
    await appendAudit(tx, {
      ...editor,
      action: "hours.schedule.update",
      target: { type: "channel-schedule", id },
      result: "ok",
      details: { channel: current.channel.key, changes },
    });
    return { status: "ok", id };
  });
}

export async function deleteSchedule(id: string, editor: Editor, db: DbHandle = getDb()): Promise<Outcome> {
  return inTransaction(db, async (tx): Promise<Outcome> => {
    const channelId = await lockChannel(tx, { scheduleId: id });
    if (!channelId) return { status: "not-found" };
    const current = await tx.channelSchedule.findUnique({
      where: { id },
      select: { ...SCHEDULE_SELECT, channel: { select: { key: true } } },
    });
    if (!current) return { status: "not-found" };
    await tx.channelSchedule.delete({ where: { id }, select: { id: true } });
    await appendAudit(tx, {
      ...editor,
      action: "hours.schedule.delete",
      target: { type: "channel-schedule", id },
      result: "ok",
      details: { channel: current.channel.key, schedule: scheduleSnapshot(scheduleFromRow(current)) },
    });
    return { status: "ok", id };
  });
}

export async function createClosure(input: ClosureInput, editor: Editor, db: DbHandle = getDb()): Promise<Outcome> {
  const closure = { startsOn: input.startsOn, endsOn: input.endsOn };
  const errors = closureProblemErrors(scheduleProblems({ timeZone: deskTimeZone(), schedules: [], closures: [closure] }), 0);
  if (hasErrors(errors)) return { status: "invalid", errors };
  return inTransaction(db, async (tx): Promise<Outcome> => {
    let channelId: string | null = null;
    if (input.channel !== null) {
      channelId = await lockChannel(tx, { key: input.channel });
      if (!channelId) {
        return { status: "invalid", errors: { formErrors: [], fieldErrors: { channel: ["staff-hours:errors.channelRequired"] } } };
      }
    }
    const created = await tx.closure.create({
      data: { channelId, ...closure, reasonJa: input.reasonJa, reasonEn: input.reasonEn },
      select: { id: true },
    });
    await appendAudit(tx, {
      ...editor,
      action: "hours.closure.create",
      target: { type: "closure", id: created.id },
      result: "ok",
      details: { channel: input.channel ?? "all", ...closure, reasonJa: input.reasonJa, reasonEn: input.reasonEn },
    });
    return { status: "ok", id: created.id };
  });
}

export async function deleteClosure(id: string, editor: Editor, db: DbHandle = getDb()): Promise<Outcome> {
  // Closures are never changed, only added and removed, so what is read here is what gets deleted.
  const closure = await db.closure.findUnique({
    where: { id },
    select: { ...CLOSURE_SELECT, channel: { select: { key: true } } },
  });
  if (!closure) return { status: "not-found" };
  return inTransaction(db, async (tx): Promise<Outcome> => {
    const { count } = await tx.closure.deleteMany({ where: { id } });
    if (count === 0) return { status: "not-found" }; // removed by someone else meanwhile
    await appendAudit(tx, {
      ...editor,
      action: "hours.closure.delete",
      target: { type: "closure", id },
      result: "ok",
      details: {
        channel: closure.channel?.key ?? "all",
        startsOn: closure.startsOn,
        endsOn: closure.endsOn,
        reasonJa: closure.reasonJa,
        reasonEn: closure.reasonEn,
      },
    });
    return { status: "ok", id };
  });
}

export async function updateChannel(key: string, input: ChannelInput, editor: Editor, db: DbHandle = getDb()): Promise<Outcome> {
  return inTransaction(db, async (tx): Promise<Outcome> => {
    const channelId = await lockChannel(tx, { key });
    if (!channelId) return { status: "not-found" };
    const current = await tx.channel.findUnique({ where: { id: channelId }, select: { nameJa: true, nameEn: true, contact: true } });
    if (!current) return { status: "not-found" };
    const changes = changesBetween(current, { nameJa: input.nameJa, nameEn: input.nameEn, contact: input.contact });
    if (Object.keys(changes).length === 0) return { status: "ok", id: channelId };
    await tx.channel.update({ where: { id: channelId }, data: input, select: { id: true } });
    await appendAudit(tx, {
      ...editor,
      action: "hours.channel.update",
      target: { type: "channel", id: channelId },
      result: "ok",
      details: { channel: key, changes },
    });
    return { status: "ok", id: channelId };
  });
}
