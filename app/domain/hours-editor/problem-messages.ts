// Phrases scheduleProblems' findings (and the interval reader's) as messages next to the
// form field they concern, in the shape Conform's submission.reply() takes.
import type { IntervalListKey, ScheduleProblem, WeeklySchedule } from "~/domain/business-hours";
import { encodeMessage } from "./messages";
import type { IntervalError } from "./parse-intervals";

export interface FormErrors {
  formErrors: string[];
  fieldErrors: Record<string, string[]>;
}

export function emptyErrors(): FormErrors {
  return { formErrors: [], fieldErrors: {} };
}

export function hasErrors(errors: FormErrors): boolean {
  return errors.formErrors.length > 0 || Object.keys(errors.fieldErrors).length > 0;
}

export function addFieldError(errors: FormErrors, field: string, message: string): void {
  const list = (errors.fieldErrors[field] ??= []);
  if (!list.includes(message)) list.push(message);
}

/** The form field holding a weekday's hours ("day1" … "day7") or the holidays' own ("holiday"). */
export function intervalField(day: IntervalListKey): string {
  return day === "holiday" ? "holiday" : `day${day}`;
}

const INTERVAL_ERROR_KEYS: Record<IntervalError["code"], string> = {
  format: "staff-hours:problems.intervalFormat",
  "opening-out-of-range": "staff-hours:problems.openingOutOfRange",
  "closing-out-of-range": "staff-hours:problems.closingOutOfRange",
  empty: "staff-hours:problems.intervalEmpty",
  "too-long": "staff-hours:problems.intervalTooLong",
};

export function intervalErrorMessage(error: IntervalError): string {
  return encodeMessage(INTERVAL_ERROR_KEYS[error.code], { text: error.text });
}

function intervalsOf(schedule: WeeklySchedule | undefined, day: IntervalListKey) {
  if (!schedule) return [];
  if (day !== "holiday") return schedule.week[day];
  return schedule.holidays.kind === "own-hours" ? schedule.holidays.intervals : [];
}

/**
 * Messages for the problems that concern schedules[candidate] (the one being added or edited);
 * problems among the other, already stored schedules are not this form's business.
 */
export function scheduleProblemErrors(problems: ScheduleProblem[], schedules: WeeklySchedule[], candidate: number): FormErrors {
  const errors = emptyErrors();
  const own = schedules[candidate];
  for (const problem of problems) {
    switch (problem.code) {
      case "bad-time-zone":
        errors.formErrors.push("staff-hours:problems.badTimeZone");
        break;
      case "bad-date":
        if ("scheduleIndex" in problem && problem.scheduleIndex === candidate) {
          addFieldError(errors, problem.field, "staff-hours:errors.date");
        }
        break;
      case "schedule-reversed":
        if (problem.scheduleIndex === candidate) {
          addFieldError(errors, "effectiveUntil", encodeMessage("staff-hours:problems.scheduleReversed", { from: { date: problem.effectiveFrom } }));
        }
        break;
      case "interval-out-of-range":
        if (problem.scheduleIndex === candidate) {
          addFieldError(errors, intervalField(problem.day), "staff-hours:problems.intervalOutOfRange");
        }
        break;
      case "intervals-overlap": {
        if (problem.scheduleIndex !== candidate) break;
        const intervals = intervalsOf(own, problem.day);
        const [first, second] = problem.intervalIndexes.map((index) => intervals[index]);
        addFieldError(
          errors,
          intervalField(problem.day),
          first && second
            ? encodeMessage("staff-hours:problems.intervalsOverlap", { first: { interval: first }, second: { interval: second } })
            : "staff-hours:problems.intervalsOverlapPlain",
        );
        break;
      }
      case "schedules-overlap": {
        const [a, b] = problem.scheduleIndexes;
        if (a !== candidate && b !== candidate) break;
        const other = schedules[a === candidate ? b : a];
        if (!other) break;
        addFieldError(
          errors,
          "effectiveFrom",
          other.effectiveUntil === null
            ? encodeMessage("staff-hours:problems.schedulesOverlapOpenEnded", { from: { date: other.effectiveFrom } })
            : encodeMessage("staff-hours:problems.schedulesOverlap", {
                from: { date: other.effectiveFrom },
                until: { date: other.effectiveUntil },
              }),
        );
        break;
      }
      case "closure-reversed":
        break; // closures are not part of a schedule form
    }
  }
  return errors;
}

/** Messages for a closure form's dates (the closure is hours.closures[closureIndex]). */
export function closureProblemErrors(problems: ScheduleProblem[], closureIndex: number): FormErrors {
  const errors = emptyErrors();
  for (const problem of problems) {
    if (problem.code === "bad-date" && "closureIndex" in problem && problem.closureIndex === closureIndex) {
      addFieldError(errors, problem.field, "staff-hours:errors.date");
    }
    if (problem.code === "closure-reversed" && problem.closureIndex === closureIndex) {
      addFieldError(errors, "endsOn", encodeMessage("staff-hours:problems.closureReversed", { from: { date: problem.startsOn } }));
    }
  }
  return errors;
}
