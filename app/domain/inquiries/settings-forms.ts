// What admins submit for the inquiry desk: targets per category (in business hours, as
// people think of them; stored as minutes) and reply templates in both languages.
import * as z from "zod";
import { INQUIRY_CATEGORIES, type InquiryCategory } from "./categories";
import { characterCount, MESSAGE_MAX, normaliseMessage } from "./plain-text";
import { MAX_TARGET_MINUTES, type SlaTargets } from "./sla";

const hours = z.coerce
  .number({ error: "staff-inquiries:errors.hours" })
  .min(0.25, "staff-inquiries:errors.hours")
  .max(MAX_TARGET_MINUTES / 60, "staff-inquiries:errors.hours")
  .multipleOf(0.25, "staff-inquiries:errors.hours");

export const SlaTargetsSchema = z.object(
  Object.fromEntries(
    INQUIRY_CATEGORIES.flatMap((category) => [
      [`${category}-first`, hours],
      [`${category}-next`, hours],
    ]),
  ) as Record<string, typeof hours>,
);

export function targetsFromForm(value: Record<string, number>): Record<InquiryCategory, SlaTargets> {
  return Object.fromEntries(
    INQUIRY_CATEGORIES.map((category) => [
      category,
      { firstResponseMinutes: Math.round(value[`${category}-first`]! * 60), nextResponseMinutes: Math.round(value[`${category}-next`]! * 60) },
    ]),
  ) as Record<InquiryCategory, SlaTargets>;
}

const title = z
  .string({ error: "staff-inquiries:errors.titleRequired" })
  .trim()
  .min(1, "staff-inquiries:errors.titleRequired")
  .max(100, "staff-inquiries:errors.titleTooLong");
const body = z
  .string({ error: "staff-inquiries:errors.bodyRequired" })
  .transform(normaliseMessage)
  .refine((text) => text.length > 0, "staff-inquiries:errors.bodyRequired")
  .refine((text) => characterCount(text) <= MESSAGE_MAX, "staff-inquiries:errors.bodyTooLong");

export const ReplyTemplateSchema = z.object({
  titleJa: title,
  titleEn: title,
  bodyJa: body,
  bodyEn: body,
  position: z.coerce
    .number({ error: "staff-inquiries:errors.position" })
    .int("staff-inquiries:errors.position")
    .min(0, "staff-inquiries:errors.position")
    .max(999, "staff-inquiries:errors.position")
    .default(0),
});
