// Turns a channel's stored hours into what the desk block shows: open now or not,
// when that changes, this period's week, an announced change and coming closures.
// Pure, so the same view can be checked in unit tests at any instant.
import {
  addLocalDays,
  deskStatus,
  localDateOf,
  scheduleFromRow,
  scheduleOn,
  summarizeWeek,
  upcomingSchedule,
  type ChannelHours,
  type Closure,
  type HolidayRule,
  type OpenInterval,
  type ScheduleRow,
  type WeekdayGroup,
  type WeeklySchedule,
} from "~/domain/business-hours";

export type ChannelKind = "phone" | "email";
export type HolidayRuleKind = HolidayRule["kind"];

/** A channel as stored: schedules with interval rows, closures with their reason. */
export interface ChannelRecord {
  key: string;
  kind: ChannelKind;
  name: string;
  contact: string;
  schedules: ScheduleRow[];
  closures: Array<Closure & { reason: string }>;
}

export interface WeekView {
  effectiveFrom: string;
  effectiveUntil: string | null;
  groups: WeekdayGroup[];
  holidayRule: HolidayRuleKind;
  holidayIntervals: OpenInterval[];
}

export interface ChannelView {
  key: string;
  kind: ChannelKind;
  name: string;
  contact: string;
  open: boolean;
  /** ISO instant of the next closing (open) or opening (closed); null if none ahead. */
  changesAt: string | null;
  current: WeekView | null;
  upcoming: WeekView | null;
  /** Closures running today or starting within CLOSURE_NOTICE_DAYS. */
  closures: Array<{ startsOn: string; endsOn: string; reason: string }>;
}

/** How far ahead a closure is announced in the desk block. */
export const CLOSURE_NOTICE_DAYS = 60;

export function toChannelHours(record: Pick<ChannelRecord, "schedules"> & { closures: Closure[] }, timeZone: string): ChannelHours {
  return {
    timeZone,
    schedules: record.schedules.map(scheduleFromRow),
    closures: record.closures.map(({ startsOn, endsOn }) => ({ startsOn, endsOn })),
  };
}

function toWeekView(schedule: WeeklySchedule | null): WeekView | null {
  if (!schedule) return null;
  return {
    effectiveFrom: schedule.effectiveFrom,
    effectiveUntil: schedule.effectiveUntil,
    groups: summarizeWeek(schedule),
    holidayRule: schedule.holidays.kind,
    holidayIntervals: schedule.holidays.kind === "own-hours" ? schedule.holidays.intervals : [],
  };
}

export function channelView(record: ChannelRecord, timeZone: string, now: Date): ChannelView {
  const hours = toChannelHours(record, timeZone);
  const today = localDateOf(now, timeZone);
  const status = deskStatus(hours, now);
  const noticeUntil = addLocalDays(today, CLOSURE_NOTICE_DAYS);
  return {
    key: record.key,
    kind: record.kind,
    name: record.name,
    contact: record.contact,
    open: status.open,
    changesAt: status.changesAt?.toISOString() ?? null,
    current: toWeekView(scheduleOn(hours, today)),
    upcoming: toWeekView(upcomingSchedule(hours, today)),
    closures: record.closures
      .filter((closure) => closure.endsOn >= today && closure.startsOn <= noticeUntil)
      .sort((a, b) => a.startsOn.localeCompare(b.startsOn))
      .map(({ startsOn, endsOn, reason }) => ({ startsOn, endsOn, reason })),
  };
}
