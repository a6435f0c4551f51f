// The one way a value is derived from a secret shared between purposes (SESSION_SECRET):
// HMAC-SHA256 of the message under the key "<purpose>:<secret>". The purpose is always in
// the key, never in the message, so no two purposes ever produce the same value from the
// same input, and each purpose, with the form of its output, is named once, here.
//
// Changing a purpose's name or output changes values already stored or handed out (the
// "kept in" notes), so it would need a migration, not an edit. A secret that serves one
// purpose only is used as its key directly instead: LOOKUP_HASH_KEY for the addresses' blind
// index (emailLookupHash), a webhook's own secret for its signature, the random key of one
// import for its customer fingerprints. Cookies are signed by Remix's createCookie with
// SESSION_SECRET itself; their values are random ids and a JSON object, which no derivation
// here produces.
import { createHmac } from "node:crypto";

const PURPOSES = {
  /** A staff member's recovery code (normalised). Kept in: StaffRecoveryCode.codeHash. */
  "recovery-code": { encoding: "hex" },
  /** The normalised address typed at staff sign-in. Kept in: SignInThrottle keys, device cookies. */
  "sign-in": { encoding: "base64url" },
  /** A client's network. Kept in: audit entries, sessions, SignInThrottle keys (the "clientHash"). */
  "client-address": { encoding: "base64url", length: 22 },
  /** A deletion request's id. Kept in: the status links of mails already sent (ADR 013). */
  "deletion-status": { encoding: "base64url" },
  /**
   * An outbox mail's id, in the return address its bounces come back to (ADR 031); hex, as
   * some mail servers lower-case the local part. Kept in: the envelopes of mails already sent.
   */
  "bounce-address": { encoding: "hex", length: 16 },
} as const satisfies Record<string, { encoding: "hex" | "base64url"; length?: number }>;

export type DigestPurpose = keyof typeof PURPOSES;

export function derivedDigest(secret: string, purpose: DigestPurpose, message: string): string {
  const form: { encoding: "hex" | "base64url"; length?: number } = PURPOSES[purpose];
  const digest = createHmac("sha256", `${purpose}:${secret}`).update(message, "utf8").digest(form.encoding);
  return form.length === undefined ? digest : digest.slice(0, form.length);
}
