// The check of a bearer token from configuration (METRICS_TOKEN). Both sides are hashed
// before the constant-time comparison, so neither the length nor any prefix of the token
// shows in the time a wrong guess takes.
import { createHash, timingSafeEqual } from "node:crypto";

const sha256 = (value: string) => createHash("sha256").update(value, "utf8").digest();

/** Whether an Authorization header carries `Bearer <expected>`. */
export function bearerTokenMatches(authorization: string | undefined, expected: string): boolean {
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(authorization ?? "");
  // A missing token is still compared, so it takes the time a wrong one does.
  const given = match?.[1] ?? "";
  return timingSafeEqual(sha256(given), sha256(expected)) && given.length > 0;
}
