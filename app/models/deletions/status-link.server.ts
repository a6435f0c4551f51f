// The link in every mail about a deletion request, to its status page. The page shows no
// personal data (reference, status, dates, the decision), and after the erasure the person
// has no session to sign in with, so the link is a key derived from the request's id under
// SESSION_SECRET rather than a stored token: the same link works in every mail, and there
// is nothing more to erase or to expire (ADR 013).
import { createHmac } from "node:crypto";
import { getConfig } from "~/config.server";
import type { Language } from "~/i18n/config";
import { derivedDigest } from "~/domain/keys/derived-digest";
import { secretsMatch } from "~/domain/secret-compare";

function keyFor(requestId: string): string {
  return derivedDigest(getConfig().SESSION_SECRET, "deletion-status", requestId);
}

/**
 * The key mails carried before the derivations were made one (ADR 013): the purpose was in
 * the message, not the key. Still accepted, because those links are promised to work for
 * good and an erased person has no other way to the page; never given out again.
 */
function keyMailedBeforeOneDerivation(requestId: string): string {
  return createHmac("sha256", getConfig().SESSION_SECRET).update(`deletion-status:${requestId}`).digest("base64url");
}

export function deletionStatusPath(reference: string): string {
  return `/deletion-requests/${reference}`;
}

export function deletionStatusUrl(request: { id: string; reference: string }, language: Language): string {
  return `${getConfig().PUBLIC_ORIGIN}${deletionStatusPath(request.reference)}?lng=${language}&key=${keyFor(request.id)}`;
}

/** Any value a visitor sends is compared, whatever its length or characters. */
export function isStatusKey(requestId: string, key: unknown): boolean {
  if (typeof key !== "string") return false;
  // Both compared every time, so the time taken doesn't tell which form a key has.
  const current = secretsMatch(key, keyFor(requestId));
  const mailedBefore = secretsMatch(key, keyMailedBeforeOneDerivation(requestId));
  return current || mailedBefore;
}
