import * as z from "zod";
import type { FormErrors } from "./problem-messages";

/** Hands a reader's errors to Zod, so Conform shows each next to its field (form-level under ""). */
export function reportErrors(ctx: z.RefinementCtx, errors: FormErrors): never {
  for (const message of errors.formErrors) ctx.addIssue({ code: "custom", message, path: [] });
  for (const [field, messages] of Object.entries(errors.fieldErrors)) {
    for (const message of messages) ctx.addIssue({ code: "custom", message, path: [field] });
  }
  return z.NEVER;
}

/** Every field arrives as optional text: the readers check presence themselves, so one submit shows every problem at once. */
export const formText = (max: number) => z.string().max(max, "staff-hours:errors.tooLong").optional();

export const LOCAL_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
