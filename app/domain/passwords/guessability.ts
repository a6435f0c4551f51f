// How guessable a password is, by zxcvbn-ts with its common, English and Japanese
// dictionaries plus our bundled list: what both the staff and the customer password rules
// (and the customer's strength meter) are built on. Pure: the dictionaries ship in the bundle.
import { zxcvbn, zxcvbnOptions } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as en from "@zxcvbn-ts/language-en";
import * as ja from "@zxcvbn-ts/language-ja";
import { BUNDLED_COMMON_PASSWORDS } from "./common-passwords";

/** Dictionaries whose entries are passwords people really chose (not merely words). */
const PASSWORD_DICTIONARIES = new Set(["passwords", "bundledPasswords"]);

zxcvbnOptions.setOptions({
  dictionary: { ...common.dictionary, ...en.dictionary, ...ja.dictionary, bundledPasswords: [...BUNDLED_COMMON_PASSWORDS] },
  graphs: common.adjacencyGraphs,
});

export interface Guessability {
  /** zxcvbn's 0 (too guessable) to 4 (very unguessable). */
  score: 0 | 1 | 2 | 3 | 4;
  /** The whole password is a known common password, possibly reversed or in l33t. */
  common: boolean;
}

/** `password` normalised already; `context` holds words of the account and the service. */
export function guessability(password: string, context: string[]): Guessability {
  const result = zxcvbn(password, context);
  const [only, ...rest] = result.sequence;
  const common = rest.length === 0 && only?.pattern === "dictionary" && PASSWORD_DICTIONARIES.has(String(only.dictionaryName));
  return { score: result.score, common };
}
