// What customers and privacy officers submit about deletion requests. Error messages are
// i18n keys ("deletion" for customers, "staff-deletions" for staff).
import * as z from "zod";
import { characterCount, normaliseMessage } from "~/domain/inquiries/plain-text";
import { DEADLINE_DAYS_RANGE, EXECUTION_DELAY_RANGE } from "./deadline";

/** The customer's explicit confirmation: a ticked box, not just a button. */
export const RequestDeletionSchema = z.object({
  understood: z.literal("on", { error: "deletion:errors.confirmRequired" }),
});

export const CancelDeletionSchema = z.object({ intent: z.literal("cancel") });

export const EXPLANATION_MAX = 2000;

const explanation = (language: "Ja" | "En") =>
  z
    .string({ error: `staff-deletions:errors.explanation${language}Required` })
    .transform(normaliseMessage)
    .refine((text) => text.length > 0, `staff-deletions:errors.explanation${language}Required`)
    .refine((text) => characterCount(text) <= EXPLANATION_MAX, "staff-deletions:errors.explanationTooLong");

/** `version`: the request as the officer saw it; a decision on an older view is held back. */
const version = z.coerce.number().int().nonnegative();

export const ApproveSchema = z.object({ intent: z.literal("approve"), version });

export const RefuseSchema = z.object({
  intent: z.literal("refuse"),
  version,
  ground: z.string({ error: "staff-deletions:errors.groundRequired" }).regex(/^[a-z0-9-]{1,40}$/, "staff-deletions:errors.groundRequired"),
  explanationJa: explanation("Ja"),
  explanationEn: explanation("En"),
});

const wholeNumber = (range: { min: number; max: number }, message: string) =>
  z.coerce.number({ error: message }).int(message).min(range.min, message).max(range.max, message);

export const DeletionSettingsSchema = z.object({
  intent: z.literal("settings"),
  deadlineDays: wholeNumber(DEADLINE_DAYS_RANGE, "staff-deletions:errors.deadlineDays"),
  executionDelayHours: wholeNumber(EXECUTION_DELAY_RANGE, "staff-deletions:errors.executionDelayHours"),
});

const label = z
  .string({ error: "staff-deletions:errors.labelRequired" })
  .transform((text) => normaliseMessage(text).replace(/\s+/g, " ").trim())
  .refine((text) => text.length > 0, "staff-deletions:errors.labelRequired")
  .refine((text) => characterCount(text) <= 200, "staff-deletions:errors.labelTooLong");

export const GroundSchema = z.object({ intent: z.literal("add-ground"), labelJa: label, labelEn: label });

export const RetireGroundSchema = z.object({ intent: z.literal("retire-ground"), key: z.string().regex(/^[a-z0-9-]{1,40}$/) });
