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
 * A reference as people type it (lower case, spaces, full-width, O for 0, I or L for 1),
 * in its one written form; null when it can't be one.
 */
export function normaliseReference(input: string, prefix: ReferencePrefix = "MD"): string | null {
  const compact = input
    .normalize("NFKC")
    .toUpperCase()
    .replace(/[\s\-ー－]/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1");
  // The prefix as typed went through the 0/1 substitutions too ("DR" has none to undergo).
  const body = compact.startsWith(prefix) ? compact.slice(2) : compact;
  return SYMBOLS.test(body) ? `${prefix}-${body.slice(0, 4)}-${body.slice(4)}` : null;
}

export function isReference(value: string, prefix: ReferencePrefix = "MD"): boolean {
  return value.startsWith(`${prefix}-`) && normaliseReference(value, prefix) === value;
}
