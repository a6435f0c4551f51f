// Staff passwords, per NIST SP 800-63B: length rather than composition, any characters
// (normalised), and refusal of guessable ones (common passwords and words in English and
// Japanese, the account's own address). Staff need 12 characters, more than customers.
import { emailLocalPart, normalisedLength, PASSWORD_MAX } from "~/domain/passwords/customer-policy";
import { guessability } from "~/domain/passwords/guessability";

export const STAFF_PASSWORD_MIN = 12;
export { PASSWORD_MAX };

export type PasswordProblem = "too-short" | "too-long" | "contains-email" | "too-guessable";

export function staffPasswordProblem(password: string, email: string): PasswordProblem | null {
  const normalised = password.normalize("NFKC");
  const length = normalisedLength(normalised);
  if (length < STAFF_PASSWORD_MIN) return "too-short";
  if (length > PASSWORD_MAX) return "too-long";
  const localPart = emailLocalPart(email);
  if (localPart.length >= 3 && normalised.toLowerCase().includes(localPart)) return "contains-email";
  if (guessability(normalised, [localPart, "madoguchi"]).score < 3) return "too-guessable";
  return null;
}
