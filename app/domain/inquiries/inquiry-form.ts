// The inquiry form, one schema for the browser's checks and the server's parsing. Error
// messages are i18n keys of the "inquiries" namespace. Whether a call-back window lies in
// the phone desk's hours needs those hours, so the server checks it after this.
import * as z from "zod";
import { addressSchema } from "../email-address";
import { INQUIRY_CATEGORIES } from "./categories";
import { normalisePhone } from "./callback";
import { encodeMessage } from "../form-message";
import { checkLength, MESSAGE_MAX, normaliseMessage } from "./plain-text";

export const NAME_MAX = 100;
/** The field a person never sees; a bot that fills every field fills this one too. */
export const HONEYPOT = "website";

/**
 * A question or a reply. Too long is refused, never cut, saying by how much: the message
 * carries the count, formatted in the reader's language when shown.
 */
export const messageField = z
  .string({ error: "inquiries:errors.messageRequired" })
  .transform(normaliseMessage)
  .superRefine((text, context) => {
    if (text.length === 0) return void context.addIssue({ code: "custom", message: "inquiries:errors.messageRequired" });
    const { count, max, over, malformed } = checkLength(text, MESSAGE_MAX);
    if (over > 0) context.addIssue({ code: "custom", message: encodeMessage("inquiries:errors.messageTooLong", { length: count, max, over }) });
    if (malformed) context.addIssue({ code: "custom", message: "inquiries:errors.messageMalformed" });
  });

const baseFields = {
  category: z.enum(INQUIRY_CATEGORIES, { error: "inquiries:errors.category" }),
  message: messageField,
  name: z.string().trim().max(NAME_MAX, "inquiries:errors.nameTooLong").optional(),
  language: z.enum(["ja", "en"], { error: "inquiries:errors.language" }),
  contactBy: z.enum(["email", "phone"], { error: "inquiries:errors.contactBy" }),
  phone: z.string().trim().max(40, "inquiries:errors.phone").optional(),
  callbackFrom: z.string().max(40).optional(),
  [HONEYPOT]: z.string().optional(),
};

const emailField = addressSchema("inquiries:errors.emailRequired");

function withCallback<T extends z.ZodRawShape>(shape: T) {
  // Runs even when other fields failed, so every problem shows at once.
  const always = { when: (payload: { value: unknown }) => typeof payload.value === "object" && payload.value !== null };
  return z.object(shape).superRefine((value, context) => {
    const fields = value as { contactBy?: string; phone?: string; callbackFrom?: string };
    if (fields.contactBy !== "phone") return;
    if (!fields.phone || !normalisePhone(fields.phone)) {
      context.addIssue({ code: "custom", path: ["phone"], message: "inquiries:errors.phone" });
    }
    if (!fields.callbackFrom || Number.isNaN(Date.parse(fields.callbackFrom))) {
      context.addIssue({ code: "custom", path: ["callbackFrom"], message: "inquiries:errors.callbackRequired" });
    }
  }, always);
}

/**
 * A visitor gives the address replies go to; a verified customer's replies go to the
 * address they verified, so for them the field is neither shown nor read.
 */
export function inquirySchema({ visitor }: { visitor: boolean }) {
  const email: z.ZodType<string | undefined, string | undefined> = visitor ? emailField : z.undefined().catch(undefined);
  return withCallback({ ...baseFields, email });
}
export const VisitorInquirySchema = inquirySchema({ visitor: true });
export const CustomerInquirySchema = inquirySchema({ visitor: false });

/** A customer's reply in a thread. */
export const ThreadReplySchema = z.object({ intent: z.literal("reply"), message: messageField });
