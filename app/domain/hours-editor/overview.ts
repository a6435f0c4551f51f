// What the staff page shows for a channel: its schedules in date order (past, current,
// coming), its closures, and the next days exactly as customers will see them.
import {
  daysAhead,
  scheduleFromRow,
  summarizeWeek,
  type ChannelHours,
  type IsoWeekday,
  type LocalDate,
  type OpenInterval,
  type ScheduleRow,
  type WeekdayGroup,
} from "~/domain/business-hours";
import type { ChannelKind, HolidayRuleKind } from "~/domain/desk/desk-view";

export const PREVIEW_DAYS = 14;

export interface ClosureRecord {
  id: string;
  startsOn: LocalDate;
  endsOn: LocalDate;
  reasonJa: string;
  reasonEn: string;
}

export interface ChannelRecord {
  key: string;
  kind: string;
  nameJa: string;
  nameEn: string;
  contact: string;
  schedules: Array<ScheduleRow & { id: string }>;
  closures: ClosureRecord[];
}

export type Period = "past" | "current" | "upcoming";

export interface ScheduleSummary {
  id: string;
  effectiveFrom: LocalDate;
  effectiveUntil: LocalDate | null;
  period: Period;
  groups: WeekdayGroup[];
  holidayRule: HolidayRuleKind;
  holidayIntervals: OpenInterval[];
}

export interface ClosureSummary extends ClosureRecord {
  period: Period;
}

export interface PreviewDay {
  date: LocalDate;
  weekday: IsoWeekday;
  holiday: boolean;
  /** The closure that removes this day (the channel's own first), if any. */
  closure: { reasonJa: string; reasonEn: string } | null;
  intervals: OpenInterval[];
}

export interface ChannelOverview {
  key: string;
  kind: ChannelKind;
  nameJa: string;
  nameEn: string;
  contact: string;
  schedules: ScheduleSummary[];
  closures: ClosureSummary[];
  preview: PreviewDay[];
}

export function periodOf(from: LocalDate, until: LocalDate | null, today: LocalDate): Period {
  if (until !== null && until < today) return "past";
  return from > today ? "upcoming" : "current";
}

const byDates = <T extends { from: string }>(a: T, b: T) => a.from.localeCompare(b.from);

export function summarizeClosures(closures: ClosureRecord[], today: LocalDate): ClosureSummary[] {
  return closures
    .map((closure) => ({ ...closure, from: closure.startsOn, period: periodOf(closure.startsOn, closure.endsOn, today) }))
    .sort((a, b) => byDates(a, b) || a.endsOn.localeCompare(b.endsOn))
    .map(({ from: _from, ...closure }) => closure);
}

export function channelOverview(channel: ChannelRecord, sharedClosures: ClosureRecord[], timeZone: string, today: LocalDate): ChannelOverview {
  const closures = [...channel.closures, ...sharedClosures];
  const hours: ChannelHours = {
    timeZone,
    schedules: channel.schedules.map(scheduleFromRow),
    closures: closures.map(({ startsOn, endsOn }) => ({ startsOn, endsOn })),
  };
  const schedules = channel.schedules
    .map((row) => {
      const schedule = scheduleFromRow(row);
      return {
        id: row.id,
        from: schedule.effectiveFrom,
        effectiveFrom: schedule.effectiveFrom,
        effectiveUntil: schedule.effectiveUntil,
        period: periodOf(schedule.effectiveFrom, schedule.effectiveUntil, today),
        groups: summarizeWeek(schedule),
        holidayRule: schedule.holidays.kind,
        holidayIntervals: schedule.holidays.kind === "own-hours" ? schedule.holidays.intervals : [],
      };
    })
    .sort(byDates)
    .map(({ from: _from, ...summary }) => summary);
  const preview = daysAhead(hours, today, PREVIEW_DAYS).map((day) => {
    const closure = day.closed ? (closures.find(({ startsOn, endsOn }) => startsOn <= day.date && day.date <= endsOn) ?? null) : null;
    return {
      date: day.date,
      weekday: day.weekday,
      holiday: day.holiday,
      closure: closure && { reasonJa: closure.reasonJa, reasonEn: closure.reasonEn },
      intervals: day.intervals,
    };
  });
  return {
    key: channel.key,
    kind: channel.kind === "email" ? "email" : "phone",
    nameJa: channel.nameJa,
    nameEn: channel.nameEn,
    contact: channel.contact,
    schedules,
    closures: summarizeClosures(channel.closures, today),
    preview,
  };
}
