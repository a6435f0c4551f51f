// References such as "MD-7K3Q-2F9P" (inquiries) or "DR-7K3Q-2F9P" (deletion requests): 40
// random bits in Crockford's base 32, which
// has no I, L, O or U, so a reference read over the phone can't be misheard as another.
// With 100,000 inquiries a guess hits one about once in ten million tries, and a reference
// alone opens nothing: the thread needs the customer's session or a mailbox link.

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const SYMBOLS = /^[0-9A-HJKMNP-TV-Z]{8}$/;

/** "MD" for inquiries, "DR" for deletion requests. */
export type ReferencePrefix = "MD" | "DR";

/** A new reference from five random bytes (crypto.randomBytes(5) on the server). */
export function referenceFromBytes(bytes: Uint8Array, prefix: ReferencePrefix = "MD"): string {
  if (bytes.length !== 5) throw new RangeError("a reference takes 5 random bytes");
  let bits = 0n;
  for (const byte of bytes) bits = (bits << 8n) | BigInt(byte);
  let symbols = "";
  for (let i = 7; i >= 0; i--) symbols += ALPHABET[Number((bits >> BigInt(i * 5)) & 31n)];
  return `${prefix}-${symbols.slice(0, 4)}-${symbols.slice(4)}`;
}

/**
 * What people put between the groups, after NFKC (which turns "－" into "-" and the
 * half-width "ｰ" into "ー"): spaces (the ideographic one too), the hyphen-minus, the
 * Unicode hyphens, dashes and minus sign, the long-vowel mark a Japanese IME types for "-",
 * and the box-drawing line some IMEs offer for it.
 */
const SEPARATORS = /[\s\-\u2010-\u2015\u2212\u30FC\u2500\u2501]/g;

/** The symbols as typed, without separators, upper-cased, with O read as 0 and I or L as 1. */
function compactOf(input: string): string {
  return input.normalize("NFKC").toUpperCase().replace(SEPARATORS, "").replace(/O/g, "0").replace(/[IL]/g, "1");
}

/** The written form of eight symbols under `prefix`; null when they can't be a reference. */
function writtenForm(body: string, prefix: ReferencePrefix): string | null {
  return SYMBOLS.test(body) ? `${prefix}-${body.slice(0, 4)}-${body.slice(4)}` : null;
}

/**
 * A reference as people type it (lower case, spaces, full-width, hyphens of any kind or none,
 * O for 0, I or L for 1), in its one written form; null when it can't be one of `prefix`.
 */
export function normaliseReference(input: string, prefix: ReferencePrefix = "MD"): string | null {
  const compact = compactOf(input);
  // The prefix as typed went through the 0/1 substitutions too (neither prefix has one to undergo).
  if (compact.length === 10 && compact.startsWith(prefix)) return writtenForm(compact.slice(2), prefix);
  return compact.length === 8 ? writtenForm(compact, prefix) : null;
}

/**
 * Every reference a typed one may be, in its written form: the kind its prefix names, or
 * both kinds (inquiry first) when only the eight symbols were read out. Empty when it can't
 * be a reference at all.
 */
export function referencesReadFrom(input: string): string[] {
  return (["MD", "DR"] as const).flatMap((prefix) => normaliseReference(input, prefix) ?? []);
}

export function isReference(value: string, prefix: ReferencePrefix = "MD"): boolean {
  return value.startsWith(`${prefix}-`) && normaliseReference(value, prefix) === value;
}
