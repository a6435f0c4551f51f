// Staff passwords, per NIST SP 800-63B: length rather than composition, any characters
// (normalised), and refusal of guessable ones (common passwords and words in English and
// Japanese, the account's own address). Staff need 12 characters, more than customers.
import { emailLocalPart, lengthOrAddressProblem, PASSWORD_MAX } from "~/domain/passwords/customer-policy";
import { guessability } from "~/domain/passwords/guessability";

export const STAFF_PASSWORD_MIN = 12;
export { PASSWORD_MAX };

export type PasswordProblem = "too-short" | "too-long" | "contains-email" | "too-guessable";

export function staffPasswordProblem(password: string, email: string): PasswordProblem | null {
  const normalised = password.normalize("NFKC");
  const basic = lengthOrAddressProblem(normalised, email, STAFF_PASSWORD_MIN);
  if (basic) return basic;
  if (guessability(normalised, [emailLocalPart(email), "madoguchi"]).score < 3) return "too-guessable";
  return null;
}
