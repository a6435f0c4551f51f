// What a new password may be the leaked one mangled into. Attackers who hold a leaked
// password try its variants first: another case ("Sakura2015"), separators and symbols
// ("sakura_2015", "s@kura2015"), digits or symbols added before or after ("sakura2015!",
// "!sakura2015", "sakura20152016"). The leaked password is known only as a hash, so the
// variants run the other way: from the new password, the forms it could have been made from,
// each then compared with the leaked hash. Each comparison costs a legacy digest and, once
// the hash is wrapped, an argon2id verification, so the list is short and in order of what
// attackers try first.

/** At most this many forms are compared besides the password itself (docs/benchmarks.md). */
export const MAX_LEAKED_VARIANTS = 10;

const SYMBOLS_AT_END = /[^\p{L}\p{N}]+$/u;
const SYMBOLS_AT_START = /^[^\p{L}\p{N}]+/u;
const DIGITS_AT_END = /\p{Nd}+$/u;
const DIGITS_AT_START = /^\p{Nd}+/u;
/** Separators and symbols between letters and digits: "sakura_2015", "sa-ku.ra 2015". */
const INNER_SYMBOLS = /[^\p{L}\p{N}]+/gu;
/** Symbols standing in for letters; digits are left alone, as the leaked one may have had them. */
const SYMBOL_FOR_LETTER: Record<string, string> = { "@": "a", $: "s", "!": "i", "+": "t" };

function capitalised(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/**
 * The forms `password` (already normalised with NFKC) could be the leaked one mangled into,
 * most likely first, without the password itself and without duplicates or empty forms.
 */
export function leakedPasswordVariants(password: string): string[] {
  const trimmed = password.replace(SYMBOLS_AT_END, "").replace(SYMBOLS_AT_START, "");
  const joined = trimmed.replace(INNER_SYMBOLS, "");
  const bases = [
    trimmed,
    joined,
    joined.replace(DIGITS_AT_END, ""),
    joined.replace(DIGITS_AT_START, ""),
    trimmed.replace(/[@$!+]/g, (symbol) => SYMBOL_FOR_LETTER[symbol]!),
  ];
  const forms = new Set<string>();
  for (const base of bases) {
    const lower = base.toLowerCase();
    for (const form of [base, lower, capitalised(lower)]) forms.add(form);
  }
  forms.delete(password);
  return [...forms].filter((form) => form.length > 0).slice(0, MAX_LEAKED_VARIANTS);
}
