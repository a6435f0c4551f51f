// The channel form: its names in both languages and the contact customers use, a phone
// number or an email address depending on the channel's kind (which does not change).
import * as z from "zod";
import type { ChannelKind } from "~/domain/desk/desk-view";
import { addFieldError, emptyErrors, hasErrors } from "./problem-messages";
import type { ReadResult } from "./schedule-form";
import { formText, reportErrors } from "./zod-errors";

export const MAX_NAME = 60;

export interface ChannelInput {
  nameJa: string;
  nameEn: string;
  contact: string;
}

export type ChannelFormInput = Partial<Record<keyof ChannelInput, string>>;

// Digits with the usual separators, optionally international: 03-1234-5678, 0120 000 000,
// (03) 1234-5678, +81 3-1234-5678. E.164 allows at most 15 digits.
const PHONE_PATTERN = /^\+?\(?\d[\d ()-]*\d$/;
// One address, no display name; the public page makes a mailto: link of it.
const EMAIL_PATTERN = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

export function normalizePhone(value: string): string | null {
  const phone = value.normalize("NFKC").replace(/\s+/g, " ").trim();
  const digits = phone.replace(/\D/g, "").length;
  return PHONE_PATTERN.test(phone) && digits >= 6 && digits <= 15 ? phone : null;
}

export function normalizeEmail(value: string): string | null {
  const email = value.normalize("NFKC").trim();
  return email.length <= 254 && EMAIL_PATTERN.test(email) ? email : null;
}

function readName(value: string | undefined, field: string, errors: ReturnType<typeof emptyErrors>): string {
  const name = (value ?? "").normalize("NFC").replace(/\s+/g, " ").trim();
  if (name === "") addFieldError(errors, field, "staff-hours:errors.required");
  else if ([...name].length > MAX_NAME) addFieldError(errors, field, "staff-hours:errors.tooLong");
  return name;
}

export function readChannelForm(kind: ChannelKind, form: ChannelFormInput): ReadResult<ChannelInput> {
  const errors = emptyErrors();
  const nameJa = readName(form.nameJa, "nameJa", errors);
  const nameEn = readName(form.nameEn, "nameEn", errors);
  const raw = form.contact ?? "";
  let contact: string | null = null;
  if (raw.trim() === "") addFieldError(errors, "contact", "staff-hours:errors.required");
  else {
    contact = kind === "phone" ? normalizePhone(raw) : normalizeEmail(raw);
    if (contact === null) addFieldError(errors, "contact", kind === "phone" ? "staff-hours:errors.phone" : "staff-hours:errors.email");
  }
  if (hasErrors(errors) || contact === null) return { ok: false, errors };
  return { ok: true, value: { nameJa, nameEn, contact } };
}

/** The fields as they arrive, also the source of the inputs' HTML constraints (getZodConstraint). */
export const ChannelFieldsSchema = z.object({
  nameJa: formText(MAX_NAME * 4),
  nameEn: formText(MAX_NAME * 4),
  contact: formText(300),
});

export function channelFormSchema(kind: ChannelKind) {
  return ChannelFieldsSchema.transform((form, ctx) => {
    const read = readChannelForm(kind, form);
    return read.ok ? read.value : reportErrors(ctx, read.errors);
  });
}
