// The one comparison of a secret a request presents with the one expected: a bearer token, a
// status link's key, the development mailbox's key, a webhook signature. Both sides are hashed
// first, so values of any length and any characters compare in constant time: comparing the
// raw bytes threw on a length mismatch (one "é" in a 43-character key answered 500), and a
// length check before it would tell how long the secret is.
import { createHash, timingSafeEqual } from "node:crypto";

const sha256 = (value: string) => createHash("sha256").update(value, "utf8").digest();

/** Whether `given` is exactly `expected`; an empty `given` never matches. */
export function secretsMatch(given: string, expected: string): boolean {
  return timingSafeEqual(sha256(given), sha256(expected)) && given.length > 0;
}
