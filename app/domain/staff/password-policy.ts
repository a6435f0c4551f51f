// Staff passwords, per NIST SP 800-63B: length rather than composition, any characters
// (normalised), and refusal of guessable ones (common passwords and words in English and
// Japanese, the account's own address). Staff need 12 characters, more than customers.
import { zxcvbn, zxcvbnOptions } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as en from "@zxcvbn-ts/language-en";
import * as ja from "@zxcvbn-ts/language-ja";

export const STAFF_PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

zxcvbnOptions.setOptions({
  dictionary: { ...common.dictionary, ...en.dictionary, ...ja.dictionary },
  graphs: common.adjacencyGraphs,
});

export type PasswordProblem = "too-short" | "too-long" | "contains-email" | "too-guessable";

export function staffPasswordProblem(password: string, email: string): PasswordProblem | null {
  const normalised = password.normalize("NFKC");
  const length = [...normalised].length; // code points, so Japanese counts per character
  if (length < STAFF_PASSWORD_MIN) return "too-short";
  if (length > PASSWORD_MAX) return "too-long";
  const localPart = email.split("@")[0]?.toLowerCase() ?? "";
  if (localPart.length >= 3 && normalised.toLowerCase().includes(localPart)) return "contains-email";
  if (zxcvbn(normalised, [localPart, "madoguchi"]).score < 3) return "too-guessable";
  return null;
}
