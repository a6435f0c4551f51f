// The one entry point for business hours: import from "~/domain/business-hours".
export type { ChannelHours, Closure, HolidayRule, IsoWeekday, LocalDate, OpenInterval, Span, WeeklySchedule } from "./types";
export type { DeskStatus } from "./clock";
export type { DayPlan } from "./day-plan";
export type { IntervalListKey, ScheduleProblem } from "./problems";
export type { WeekdayGroup } from "./summary";
export type { IntervalRow, ScheduleRow } from "./stored-rows";

export { addBusinessMinutes, businessMinutesBetween } from "./business-minutes";
export { deskStatus, isOpenAt, nextClosing, nextOpening } from "./clock";
export { daysAhead } from "./day-plan";
export { isJapaneseHoliday } from "./holidays";
export { scheduleProblems } from "./problems";
export { scheduleOn, upcomingSchedule } from "./schedules";
export { emptyWeek, HOLIDAY_RULES, rowOfSchedule, scheduleFromRow, WEEKDAYS } from "./stored-rows";
export { openSpans, SEARCH_HORIZON_DAYS } from "./spans";
export { summarizeWeek } from "./summary";
export { isValidTimeZone, localDateOf } from "./time-zone";
export { addDays as addLocalDays } from "./calendar";
