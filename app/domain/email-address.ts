// Addresses as people type them. A Japanese IME left on full-width writes
// "ｃｕｓｔｏｍｅｒ００５＠ｅｘａｍｐｌｅ．ｃｏｍ", a phone adds a space after a pasted
// address, and hiragana mode turns the dot into "。": every place that takes an address reads
// it through normaliseTypedAddress first, so the full-width form finds the same person and
// gets the same answer as the ASCII one. What is still not an address is named precisely.
import * as z from "zod";

/** Characters nobody sees that a paste brings along: zero-width spaces and joiners, the BOM. */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/g;
/** The ideographic full stops hiragana mode types for "." (NFKC leaves them as they are). */
const IDEOGRAPHIC_STOP = /[。｡]/g;

/**
 * Full-width letters, digits, "＠" and "．" as ASCII (NFKC), ideographic stops as ".",
 * invisible characters dropped, and spaces (the ideographic one too) trimmed from the ends.
 * The case is kept: the lookup lowers it (normaliseEmail), a reply goes where it was typed.
 */
export function normaliseTypedAddress(typed: string): string {
  return typed.normalize("NFKC").replace(INVISIBLE, "").replace(IDEOGRAPHIC_STOP, ".").trim();
}

export const ADDRESS_MAX_LENGTH = 254;

export type AddressProblem = "tooLong" | "noAt" | "manyAt" | "spaces" | "noLocal" | "noDomain" | "domainNoDot" | "invalid";

/** What is wrong with a (normalised, non-empty) address, most specific first; null when nothing is. */
export function addressProblem(address: string): AddressProblem | null {
  if (address.length > ADDRESS_MAX_LENGTH) return "tooLong";
  if (/\s/.test(address)) return "spaces";
  const at = address.split("@");
  if (at.length === 1) return "noAt";
  if (at.length > 2) return "manyAt";
  const [local, domain] = at as [string, string];
  if (!local) return "noLocal";
  if (!domain) return "noDomain";
  if (!domain.includes(".")) return "domainNoDot";
  return z.email().safeParse(address).success ? null : "invalid";
}

/**
 * The one schema of an address field: normalised, then checked, each problem with its own
 * message (common:address.*). `required`: the form's own message for an empty field.
 */
export function addressSchema(required: string) {
  return z
    .string({ error: required })
    .transform(normaliseTypedAddress)
    .superRefine((address, context) => {
      if (address === "") return void context.addIssue({ code: "custom", message: required });
      const problem = addressProblem(address);
      if (problem) context.addIssue({ code: "custom", message: `common:address.${problem}` });
    });
}

/**
 * An address as a page may show it to whoever holds the screen: enough for its owner to
 * recognise ("cu***@example.com"), not enough to read off (the domain stays, the local part
 * keeps at most its first two characters and never more than half of it).
 */
export function maskAddress(address: string): string {
  const at = address.lastIndexOf("@");
  if (at < 0) return "***";
  const local = Array.from(address.slice(0, at));
  const shown = Math.min(2, Math.floor(local.length / 2));
  return `${local.slice(0, shown).join("")}***${address.slice(at)}`;
}
