// One-time recovery codes for a lost authenticator: 10 codes of 12 base32 characters
// (60 bits each), shown once at enrolment, typed back with or without dashes.
import { randomBytes } from "node:crypto";

const ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789"; // no l, o, 0, 1: easy to copy by hand
export const RECOVERY_CODE_COUNT = 10;

export function generateRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const chars = [...randomBytes(12)].map((byte) => ALPHABET[byte % 32]).join("");
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
  });
}

/** The canonical form that is hashed: lower-case, without separators; null if it can't be one. */
export function normaliseRecoveryCode(input: string): string | null {
  const compact = input.normalize("NFKC").toLowerCase().replace(/[\s-]/g, "");
  return new RegExp(`^[${ALPHABET}]{12}$`).test(compact) ? compact : null;
}
