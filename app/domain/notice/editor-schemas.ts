// What staff may enter in the notice editor: one schema per form, used by the browser
// (Conform's constraints and live messages) and by the server (the only check that counts).
// Messages are i18n keys of the "staff-notice" namespace, translated next to the field.
import * as z from "zod";
import { NOTICE_KINDS, type NoticeKind } from "./revision-kind";

const REQUIRED = "staff-notice:errors.required";
const TOO_LONG = "staff-notice:errors.tooLong";

export const LIMITS = {
  title: 200,
  markdown: 20_000,
  timelineText: 500,
  timelineEntries: 100,
  key: 40,
  name: 200,
  description: 1_000,
} as const;

/** Required text: blank or whitespace-only counts as missing. */
function text(max: number) {
  return z.string({ error: REQUIRED }).trim().min(1, REQUIRED).max(max, TOO_LONG);
}

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** A datetime-local value ("2026-11-02T09:30") naming a real calendar day and time. */
export function isLocalDateTime(value: string): boolean {
  const match = LOCAL_DATE_TIME.exec(value);
  if (!match) return false;
  const [year, month, day, hour, minute, second = 0] = match.slice(1).map((part) => Number(part ?? 0)) as number[];
  if (year! < 1970 || year! > 2999 || hour! > 23 || minute! > 59 || second > 59) return false;
  const date = new Date(Date.UTC(year!, month! - 1, day!));
  return date.getUTCMonth() === month! - 1 && date.getUTCDate() === day;
}

const TimelineEntrySchema = z.object({
  occurredAt: z.string({ error: "staff-notice:errors.dateTimeRequired" }).trim().refine(isLocalDateTime, "staff-notice:errors.dateTime"),
  textJa: text(LIMITS.timelineText),
  textEn: text(LIMITS.timelineText),
});

/** A draft revision. `kinds` are the kinds allowed right now (see allowedKinds). */
export function revisionDraftSchema(kinds: readonly NoticeKind[]) {
  return z.object({
    kind: z.enum(NOTICE_KINDS, { error: "staff-notice:errors.kind" }).refine((kind) => kinds.includes(kind), "staff-notice:errors.kind"),
    titleJa: text(LIMITS.title),
    titleEn: text(LIMITS.title),
    summaryJa: text(LIMITS.markdown),
    summaryEn: text(LIMITS.markdown),
    actionsTakenJa: text(LIMITS.markdown),
    actionsTakenEn: text(LIMITS.markdown),
    customerActionsJa: text(LIMITS.markdown),
    customerActionsEn: text(LIMITS.markdown),
    timeline: z.array(TimelineEntrySchema).max(LIMITS.timelineEntries, "staff-notice:errors.tooManyEntries"),
  });
}

export type RevisionDraft = z.output<ReturnType<typeof revisionDraftSchema>>;
export type TimelineEntryDraft = RevisionDraft["timeline"][number];

/** Keys name groups and categories in imports: short, lower-case, stable. */
export const KEY_PATTERN = /^[a-z0-9-]+$/;
const key = z.string({ error: REQUIRED }).trim().max(LIMITS.key, TOO_LONG).regex(KEY_PATTERN, "staff-notice:errors.key");

export const AffectedGroupSchema = z.object({
  key,
  nameJa: text(LIMITS.name),
  nameEn: text(LIMITS.name),
  descriptionJa: text(LIMITS.description),
  descriptionEn: text(LIMITS.description),
  categoryIds: z.array(z.string().max(64)).max(100).default([]),
});
export type AffectedGroupInput = z.output<typeof AffectedGroupSchema>;

export const DataCategorySchema = z.object({
  key,
  labelJa: text(LIMITS.name),
  labelEn: text(LIMITS.name),
  recommendedActionJa: text(LIMITS.description),
  recommendedActionEn: text(LIMITS.description),
});
export type DataCategoryInput = z.output<typeof DataCategorySchema>;
