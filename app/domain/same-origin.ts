// Cross-site request forgery: the one rule for whether a request may change anything, that
// is whether it comes from the portal's own pages. The HTTP server applies it to every
// request before the app (app/server/same-origin.ts); the routes' guards apply it again to
// the request Remix built (requireSameOrigin), so a route stays protected however it is
// reached.
//
// Origin is compared with the portal's own origin, scheme and port included: http:// and
// https:// of one host are two origins, and so are two ports of it ("same-site" is not
// enough, since SameSite=Lax cookies travel between them). An opaque origin ("null": a
// data: URL, a sandboxed frame, some redirects) is never ours. A browser that leaves Origin
// out still says where the request comes from in Sec-Fetch-Site: anything but
// "same-origin" is refused, and so is a Sec-Fetch-Site that contradicts a matching Origin.
// A request with neither header is no browser's form post, and so no forgery: it is let
// through (scripts and probes hit the routes' own checks).

/** Reads: they change nothing, so they may come from anywhere (links, other sites' images). */
const READ_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export const CROSS_SITE_REFUSAL = "他のサイトからの送信は受け付けられません。\nRequests from other sites are refused.\n";

export interface RequestSource {
  method: string;
  /** The Origin header, or null when it was not sent. */
  origin: string | null;
  /** The Sec-Fetch-Site header, or null when it was not sent. */
  fetchSite: string | null;
}

/** `ownOrigin`: the origin the visitor reached the portal at, as "https://host[:port]". */
export function comesFromOwnPages({ method, origin, fetchSite }: RequestSource, ownOrigin: string): boolean {
  if (READ_METHODS.has(method.toUpperCase())) return true;
  if (fetchSite !== null && fetchSite !== "same-origin") return false;
  if (origin === null) return true;
  return origin !== "null" && originOf(origin) === originOf(ownOrigin);
}

function originOf(value: string): string | null {
  try {
    const origin = new URL(value).origin;
    return origin === "null" ? null : origin;
  } catch {
    return null;
  }
}
