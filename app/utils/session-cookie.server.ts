// What staff and customer sessions share: a signed, HttpOnly, SameSite=Lax cookie (Secure
// in production) holding a random id whose hash keys a database row, and the rule for
// when such a row still counts.
import { createCookie, type Cookie } from "@remix-run/node";
import { getConfig } from "~/config.server";
import { singleton } from "./singleton.server";

/** lastSeenAt is written at most this often, not on every request. */
export const TOUCH_INTERVAL_MS = 60_000;

export function sessionCookie(name: string): Cookie {
  return singleton(`session-cookie:${name}`, () =>
    createCookie(name, {
      path: "/",
      httpOnly: true,
      sameSite: "lax",
      secure: getConfig().NODE_ENV === "production",
      secrets: [getConfig().SESSION_SECRET],
    }),
  );
}

/** The session id the request's cookie carries, if it is signed and not empty. */
export async function sessionIdFrom(cookie: Cookie, request: Request): Promise<string | null> {
  const value: unknown = await cookie.parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length > 0 ? value : null;
}

/** Not revoked, not past its absolute expiry, and used within the idle timeout. */
export function sessionIsLive(session: { revokedAt: Date | null; expiresAt: Date; lastSeenAt: Date }, idleTimeoutMs: number, now: number): boolean {
  return !session.revokedAt && session.expiresAt.getTime() > now && session.lastSeenAt.getTime() + idleTimeoutMs > now;
}
