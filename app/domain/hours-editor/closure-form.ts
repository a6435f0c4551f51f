// The add-closure form: one channel or all of them, whole local days, and the reason shown
// to customers in Japanese and English.
import * as z from "zod";
import { scheduleProblems, type Closure } from "~/domain/business-hours";
import { addFieldError, closureProblemErrors, emptyErrors, hasErrors, type FormErrors } from "./problem-messages";
import type { ReadResult } from "./schedule-form";
import { formText, LOCAL_DATE_PATTERN, reportErrors } from "./zod-errors";

/** The channel field's value for a closure of the whole desk. */
export const ALL_CHANNELS = "all";
export const MAX_REASON = 100;

export interface ClosureInput extends Closure {
  /** A channel key, or null for every channel. */
  channel: string | null;
  reasonJa: string;
  reasonEn: string;
}

export type ClosureFormInput = Partial<Record<"channel" | "startsOn" | "endsOn" | "reasonJa" | "reasonEn", string>>;

function readText(errors: FormErrors, field: string, value: string | undefined, max: number): string {
  // Reasons are one line of plain text on the public page.
  const text = (value ?? "").normalize("NFC").replace(/\s+/g, " ").trim();
  if (text === "") addFieldError(errors, field, "staff-hours:errors.required");
  else if ([...text].length > max) addFieldError(errors, field, "staff-hours:errors.tooLong");
  return text;
}

function readDate(errors: FormErrors, field: string, value: string | undefined): string | null {
  const date = value?.trim() ?? "";
  if (date === "") addFieldError(errors, field, "staff-hours:errors.required");
  else if (!LOCAL_DATE_PATTERN.test(date)) addFieldError(errors, field, "staff-hours:errors.date");
  else return date;
  return null;
}

export function readClosureForm(form: ClosureFormInput): ReadResult<ClosureInput> {
  const errors = emptyErrors();
  const channel = form.channel?.trim() ?? "";
  if (channel === "") addFieldError(errors, "channel", "staff-hours:errors.channelRequired");
  const startsOn = readDate(errors, "startsOn", form.startsOn);
  const endsOn = readDate(errors, "endsOn", form.endsOn);
  const reasonJa = readText(errors, "reasonJa", form.reasonJa, MAX_REASON);
  const reasonEn = readText(errors, "reasonEn", form.reasonEn, MAX_REASON);
  if (startsOn !== null && endsOn !== null) {
    const problems = scheduleProblems({ timeZone: "UTC", schedules: [], closures: [{ startsOn, endsOn }] });
    const dateErrors = closureProblemErrors(problems, 0);
    for (const [field, messages] of Object.entries(dateErrors.fieldErrors)) {
      for (const message of messages) addFieldError(errors, field, message);
    }
    if (!hasErrors(errors)) {
      return {
        ok: true,
        value: { channel: channel === ALL_CHANNELS ? null : channel, startsOn, endsOn, reasonJa, reasonEn },
      };
    }
  }
  return { ok: false, errors };
}

/** The fields as they arrive, also the source of the inputs' HTML constraints (getZodConstraint). */
export const ClosureFieldsSchema = z.object({
  channel: formText(40),
  startsOn: formText(10),
  endsOn: formText(10),
  reasonJa: formText(MAX_REASON * 4),
  reasonEn: formText(MAX_REASON * 4),
});

export const ClosureFormSchema = ClosureFieldsSchema.transform((form, ctx) => {
  const read = readClosureForm(form);
  return read.ok ? read.value : reportErrors(ctx, read.errors);
});
