import type { HeadersFunction } from "@remix-run/node";

/**
 * Pages that are the same for every visitor of a language (the notice and its
 * revisions) may be kept by browsers and a CDN for a short while, so a rush after the
 * notification mail is absorbed; "open now" stays right because the page revalidates
 * itself when the desk opens or closes (ADR 005). The language comes from the cookie
 * or Accept-Language, so both vary the cached copy.
 */
export const publicPageHeaders: HeadersFunction = () => ({
  "Cache-Control": "public, max-age=30, stale-while-revalidate=30",
  Vary: "Accept-Language, Cookie",
});
