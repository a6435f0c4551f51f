// The answers that say "not now, try again then": a limit that refused a request (rate
// limits, sign-in locks) and a full hashing queue. Every form answers a limit the same way:
// 429 with Retry-After, and the time the limit lifts, in the reader's language and the
// desk's time zone, for the page's message.
import { data, type HeadersFunction } from "@remix-run/node";
import { getConfig } from "~/config.server";
import { getLanguage } from "~/i18n/i18next.server";
import { formatDateTime } from "./format";

/** A route's `headers`: an action's Retry-After reaches the browser (Remix drops action headers otherwise). */
export const passRetryAfter: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get("Retry-After");
  const headers = new Headers();
  if (retryAfter) headers.set("Retry-After", retryAfter);
  return headers;
};

/** `body(time)`: the action's data, given the time the limit lifts as the reader reads it. */
export async function limitedAnswer<T>(request: Request, until: Date, body: (time: string) => T) {
  const time = formatDateTime(until, await getLanguage(request), getConfig().DESK_TIME_ZONE);
  const seconds = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000));
  return data(body(time), { status: 429, headers: { "Retry-After": String(seconds) } });
}
