// The device cookie of OWASP's guidance on slowing online guessing: a browser a staff member
// has signed in from carries a signed cookie naming their account and a random id of its
// own. Its sign-in failures then count for it alone (app/domain/staff/throttle-policy.ts),
// so a stranger failing on purpose can't lock the staff member out of their own browser.
import { randomBytes } from "node:crypto";
import { createCookie, type Cookie } from "@remix-run/node";
import { getConfig } from "~/config.server";
import { singleton } from "./singleton.server";

const MAX_AGE_SECONDS = 180 * 24 * 60 * 60;

function deviceCookie(): Cookie {
  return singleton("staff-device-cookie", () =>
    createCookie("staff_device", {
      // Only the sign-in form reads it ("/staff" covers its data requests as well).
      path: "/staff",
      httpOnly: true,
      sameSite: "strict",
      secure: getConfig().NODE_ENV === "production",
      secrets: [getConfig().SESSION_SECRET],
      maxAge: MAX_AGE_SECONDS,
    }),
  );
}

interface DeviceCookieValue {
  account: string;
  device: string;
  /** When it was last given, in ms: a copy kept past its age is refused here, not only by browsers. */
  issuedAt: number;
}

/** The id of this browser's device cookie for `account` (accountKeyOf), or null. */
export async function knownDeviceOf(request: Request, account: string, now = Date.now()): Promise<string | null> {
  const value = (await deviceCookie().parse(request.headers.get("Cookie"))) as Partial<DeviceCookieValue> | null;
  if (!value || value.account !== account || typeof value.device !== "string" || value.device.length === 0) return null;
  const age = now - (typeof value.issuedAt === "number" ? value.issuedAt : 0);
  return age >= 0 && age < MAX_AGE_SECONDS * 1000 ? value.device : null;
}

/** Set-Cookie for the browser that just signed in: its device id kept, or a new one. */
export function deviceCookieFor(account: string, device: string | null, now = Date.now()): Promise<string> {
  const value: DeviceCookieValue = { account, device: device ?? randomBytes(16).toString("base64url"), issuedAt: now };
  return deviceCookie().serialize(value);
}
