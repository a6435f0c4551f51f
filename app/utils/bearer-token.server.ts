// Random secrets handed to a browser or put in a link (session ids, one-time links).
// Only their hash is stored, so a copy of the database can't be replayed; 256 random
// bits need no salt or slow hash.
import { createHash, randomBytes } from "node:crypto";

export function newBearerToken(): string {
  return randomBytes(32).toString("base64url");
}

export function bearerTokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A token as newBearerToken makes it (43 base64url characters), or null: anything else isn't worth a lookup. */
export function bearerTokenOf(value: unknown): string | null {
  return typeof value === "string" && /^[A-Za-z0-9_-]{43}$/.test(value) ? value : null;
}
