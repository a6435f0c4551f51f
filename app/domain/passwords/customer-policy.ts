// Customer passwords, per NIST SP 800-63B: at least 8 characters and up to 128 (NIST asks
// that at least 64 be allowed), any Unicode normalised with NFKC (so full-width and
// half-width input are the same password), no composition rules; refused when common or
// guessable, or when it contains the address's local part. The checks that need the
// database or the network (the leaked password itself, a breach corpus service) live in
// app/models/customer-password.server.ts; this module is the part that needs neither.
import { guessability } from "./guessability";

export const CUSTOMER_PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;
/** zxcvbn score below which a password is refused: 2 resists online guessing (< 10^8 guesses). */
const CUSTOMER_MIN_SCORE = 2;

export type CustomerPasswordProblem = "too-short" | "too-long" | "contains-email" | "common" | "too-guessable";

/** Code points, so a Japanese character counts as one. */
export function normalisedLength(normalised: string): number {
  return [...normalised].length;
}

export function emailLocalPart(email: string): string {
  return email.split("@")[0]?.normalize("NFKC").toLowerCase() ?? "";
}

/** The rules staff and customer passwords share, on the normalised password: length, and the address. */
export function lengthOrAddressProblem(normalised: string, email: string, min: number): "too-short" | "too-long" | "contains-email" | null {
  const length = normalisedLength(normalised);
  if (length < min) return "too-short";
  if (length > PASSWORD_MAX) return "too-long";
  const localPart = emailLocalPart(email);
  if (localPart.length >= 3 && normalised.toLowerCase().includes(localPart)) return "contains-email";
  return null;
}

/** `context`: words of the service and the company (their names), refused like common ones. */
export function customerPasswordProblem(password: string, email: string, context: string[] = []): CustomerPasswordProblem | null {
  const normalised = password.normalize("NFKC");
  const basic = lengthOrAddressProblem(normalised, email, CUSTOMER_PASSWORD_MIN);
  if (basic) return basic;
  const localPart = emailLocalPart(email);
  const lowered = normalised.toLowerCase();
  if (context.some((word) => word.length >= 3 && lowered === word.normalize("NFKC").toLowerCase())) return "common";
  const { common, score } = guessability(normalised, [localPart, ...context]);
  if (common) return "common";
  if (score < CUSTOMER_MIN_SCORE) return "too-guessable";
  return null;
}

/** For the strength meter: 0–4, and the problem the form would report (if any). */
export function customerPasswordStrength(password: string, email: string, context: string[] = []) {
  const normalised = password.normalize("NFKC");
  const problem = customerPasswordProblem(password, email, context);
  const score = normalisedLength(normalised) > PASSWORD_MAX ? 0 : guessability(normalised, [emailLocalPart(email), ...context]).score;
  return { score: problem ? Math.min(score, 1) : score, problem };
}
