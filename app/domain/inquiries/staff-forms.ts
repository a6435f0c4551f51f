// What agents submit on an inquiry's page. Error messages are keys of "staff-inquiries".
import * as z from "zod";
import { characterCount, MESSAGE_MAX, normaliseMessage } from "./plain-text";

const body = z
  .string({ error: "staff-inquiries:errors.bodyRequired" })
  .transform(normaliseMessage)
  .refine((text) => text.length > 0, "staff-inquiries:errors.bodyRequired")
  .refine((text) => characterCount(text) <= MESSAGE_MAX, "staff-inquiries:errors.bodyTooLong");

export const STAFF_STATUSES = ["open", "waiting", "resolved", "closed"] as const;

/**
 * The inquiry's version when the page was loaded. A reply, an assignment or a change of
 * status made on an older view is refused: it would undo what someone did since.
 */
const version = z.coerce.number().int().nonnegative();

export const ReplySchema = z.object({
  intent: z.literal("reply"),
  body,
  nextStatus: z.enum(STAFF_STATUSES, { error: "staff-inquiries:errors.status" }),
  version,
});

export const NoteSchema = z.object({ intent: z.literal("note"), body });

export const ClaimSchema = z.object({ intent: z.literal("claim"), version });

export const StatusSchema = z.object({ intent: z.literal("status"), to: z.enum(STAFF_STATUSES, { error: "staff-inquiries:errors.status" }), version });

export const AssignSchema = z.object({
  intent: z.literal("assign"),
  // Empty: nobody.
  assigneeId: z.string().max(40).optional(),
  version,
});
