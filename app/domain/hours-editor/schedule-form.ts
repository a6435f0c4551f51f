// The add / edit schedule form: effective dates, one text field of hours per weekday and one
// for public holidays' own hours, and the holiday rule. Checks everything a schedule can get
// wrong on its own; overlaps with the channel's other schedules are checked on saving.
import * as z from "zod";
import { emptyWeek, HOLIDAY_RULES, scheduleProblems, WEEKDAYS, type IsoWeekday, type OpenInterval, type WeeklySchedule } from "~/domain/business-hours";
import { intervalsToText, parseIntervals } from "./parse-intervals";
import { addFieldError, emptyErrors, hasErrors, intervalErrorMessage, scheduleProblemErrors, type FormErrors } from "./problem-messages";
import { formText, LOCAL_DATE_PATTERN, reportErrors } from "./zod-errors";

export const DAY_FIELDS = ["day1", "day2", "day3", "day4", "day5", "day6", "day7"] as const;
export type DayField = (typeof DAY_FIELDS)[number];

export type ScheduleFormInput = Partial<Record<"effectiveFrom" | "effectiveUntil" | "holidayRule" | "holiday" | DayField, string>>;

export type ReadResult<T> = { ok: true; value: T } | { ok: false; errors: FormErrors };

const MAX_HOURS_TEXT = 200;

function readDate(errors: FormErrors, field: string, value: string | undefined, required: boolean): string | null {
  const date = value?.trim() ?? "";
  if (date === "") {
    if (required) addFieldError(errors, field, "staff-hours:errors.required");
    return null;
  }
  if (!LOCAL_DATE_PATTERN.test(date)) {
    addFieldError(errors, field, "staff-hours:errors.date");
    return null;
  }
  return date;
}

function readHours(errors: FormErrors, field: string, value: string | undefined): OpenInterval[] {
  const parsed = parseIntervals(value ?? "");
  if (parsed.ok) return parsed.intervals;
  for (const error of parsed.errors) addFieldError(errors, field, intervalErrorMessage(error));
  return [];
}

export function readScheduleForm(form: ScheduleFormInput): ReadResult<WeeklySchedule> {
  const errors = emptyErrors();
  const effectiveFrom = readDate(errors, "effectiveFrom", form.effectiveFrom, true);
  const effectiveUntil = readDate(errors, "effectiveUntil", form.effectiveUntil, false);
  const untilGiven = (form.effectiveUntil?.trim() ?? "") !== "";
  const rule = HOLIDAY_RULES.find((kind) => kind === form.holidayRule);
  if (!rule) addFieldError(errors, "holidayRule", "staff-hours:errors.holidayRule");

  const week = emptyWeek();
  WEEKDAYS.forEach((day: IsoWeekday) => {
    week[day] = readHours(errors, `day${day}`, form[`day${day}`]);
  });
  let holidayIntervals: OpenInterval[] = [];
  if (rule === "own-hours") {
    holidayIntervals = readHours(errors, "holiday", form.holiday);
    if ((form.holiday?.trim() ?? "") === "") addFieldError(errors, "holiday", "staff-hours:errors.holidayHoursRequired");
  }

  // Even with some fields unreadable, check what was read, so one submit shows every problem.
  if (effectiveFrom !== null && (effectiveUntil !== null || !untilGiven) && rule) {
    const schedule: WeeklySchedule = {
      effectiveFrom,
      effectiveUntil,
      week,
      holidays: rule === "own-hours" ? { kind: rule, intervals: holidayIntervals } : { kind: rule },
    };
    // A schedule's own shape does not depend on the desk's time zone; UTC always passes.
    const problems = scheduleProblems({ timeZone: "UTC", schedules: [schedule], closures: [] });
    const shapeErrors = scheduleProblemErrors(problems, [schedule], 0);
    for (const [field, messages] of Object.entries(shapeErrors.fieldErrors)) {
      for (const message of messages) addFieldError(errors, field, message);
    }
    if (!hasErrors(errors)) return { ok: true, value: schedule };
  }
  return { ok: false, errors };
}

/** The fields as they arrive, also the source of the inputs' HTML constraints (getZodConstraint). */
export const ScheduleFieldsSchema = z.object({
  effectiveFrom: formText(10),
  effectiveUntil: formText(10),
  holidayRule: formText(20),
  holiday: formText(MAX_HOURS_TEXT),
  day1: formText(MAX_HOURS_TEXT),
  day2: formText(MAX_HOURS_TEXT),
  day3: formText(MAX_HOURS_TEXT),
  day4: formText(MAX_HOURS_TEXT),
  day5: formText(MAX_HOURS_TEXT),
  day6: formText(MAX_HOURS_TEXT),
  day7: formText(MAX_HOURS_TEXT),
});

export const ScheduleFormSchema = ScheduleFieldsSchema.transform((form, ctx) => {
  const read = readScheduleForm(form);
  return read.ok ? read.value : reportErrors(ctx, read.errors);
});

/** A stored schedule as the form's initial values. */
export function scheduleFormValues(schedule: WeeklySchedule): ScheduleFormInput {
  const values: ScheduleFormInput = {
    effectiveFrom: schedule.effectiveFrom,
    effectiveUntil: schedule.effectiveUntil ?? "",
    holidayRule: schedule.holidays.kind,
    holiday: schedule.holidays.kind === "own-hours" ? intervalsToText(schedule.holidays.intervals) : "",
  };
  for (const day of WEEKDAYS) values[`day${day}`] = intervalsToText(schedule.week[day]);
  return values;
}
