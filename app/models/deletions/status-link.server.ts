// The link in every mail about a deletion request, to its status page. The page shows no
// personal data (reference, status, dates, the decision), and after the erasure the person
// has no session to sign in with, so the link is a key derived from the request's id under
// SESSION_SECRET rather than a stored token: the same link works in every mail, and there
// is nothing more to erase or to expire (ADR 013).
import { createHmac, timingSafeEqual } from "node:crypto";
import { getConfig } from "~/config.server";
import type { Language } from "~/i18n/config";

function keyFor(requestId: string): string {
  return createHmac("sha256", getConfig().SESSION_SECRET).update(`deletion-status:${requestId}`).digest("base64url");
}

export function deletionStatusPath(reference: string): string {
  return `/deletion-requests/${reference}`;
}

export function deletionStatusUrl(request: { id: string; reference: string }, language: Language): string {
  return `${getConfig().PUBLIC_ORIGIN}${deletionStatusPath(request.reference)}?lng=${language}&key=${keyFor(request.id)}`;
}

export function isStatusKey(requestId: string, key: unknown): boolean {
  if (typeof key !== "string" || key.length !== 43) return false;
  return timingSafeEqual(Buffer.from(keyFor(requestId)), Buffer.from(key));
}
