// What privacy officers submit about notification campaigns. Error messages are i18n keys of
// "staff-notifications".
import * as z from "zod";
import { characterCount, normaliseMessage } from "~/domain/inquiries/plain-text";
import { RAMP_UP_RANGE, RATE_RANGE } from "./pace";

export const SUBJECT_MAX = 200;
export const PASSAGE_MAX = 4000;

/** Empty is allowed while drafting: the checklist and approval say what is still missing. */
const passage = (max: number, tooLong: string) =>
  z
    .string()
    .optional()
    .transform((text) => normaliseMessage(text ?? ""))
    .refine((text) => characterCount(text) <= max, `staff-notifications:errors.${tooLong}`);

const subject = passage(SUBJECT_MAX, "subjectTooLong").transform((text) => text.replace(/\s+/g, " ").trim());

/** Digits as an IME types them (full-width) are digits too. */
const wholeNumber = (range: { min: number; max: number }, message: string) =>
  z.preprocess(
    (value) => (typeof value === "string" ? value.normalize("NFKC").replace(/[\s,]/g, "") : value),
    z.coerce.number({ error: message }).int(message).min(range.min, message).max(range.max, message),
  );

/** `version`: the campaign as the officer saw it; a change on an older view is held back. */
const version = z.coerce.number().int().nonnegative();

export const DraftSchema = z.object({
  intent: z.literal("save"),
  version,
  subjectJa: subject,
  subjectEn: subject,
  introJa: passage(PASSAGE_MAX, "passageTooLong"),
  introEn: passage(PASSAGE_MAX, "passageTooLong"),
  summaryJa: passage(PASSAGE_MAX, "passageTooLong"),
  summaryEn: passage(PASSAGE_MAX, "passageTooLong"),
  causeJa: passage(PASSAGE_MAX, "passageTooLong"),
  causeEn: passage(PASSAGE_MAX, "passageTooLong"),
  harmJa: passage(PASSAGE_MAX, "passageTooLong"),
  harmEn: passage(PASSAGE_MAX, "passageTooLong"),
  otherJa: passage(PASSAGE_MAX, "passageTooLong"),
  otherEn: passage(PASSAGE_MAX, "passageTooLong"),
  ratePerMinute: wholeNumber(RATE_RANGE, "staff-notifications:errors.rate"),
  rampUpMinutes: wholeNumber(RAMP_UP_RANGE, "staff-notifications:errors.rampUp"),
});
export type DraftInput = z.infer<typeof DraftSchema>;

/** A step on the campaign as the officer saw it. */
export const StepSchema = z.object({
  intent: z.enum(["approve", "pause", "resume", "test-mail"]),
  version,
});

/** Starting mails everyone in the list: the officer ticks that they mean it, having read how many and how fast. */
export const StartSchema = z.object({
  intent: z.literal("start"),
  version,
  confirm: z.literal("on", { error: "staff-notifications:errors.startConfirm" }),
});

/** Cancelling can't be undone: the officer ticks that they mean it. */
export const CancelSchema = z.object({
  intent: z.literal("cancel"),
  version,
  confirm: z.literal("on", { error: "staff-notifications:errors.cancelConfirm" }),
});

/** The person to preview the mail for, by the company's own id for them, as an officer pastes it. */
export const PreviewSchema = z.object({
  person: z
    .string({ error: "staff-notifications:errors.person" })
    .transform((value) => value.normalize("NFKC").trim())
    .refine((value) => value.length > 0 && value.length <= 64, "staff-notifications:errors.person"),
});
