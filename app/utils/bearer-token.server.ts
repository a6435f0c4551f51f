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
