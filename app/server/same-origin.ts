// Cross-site request forgery, at the HTTP server: a state-changing request from another
// origin is refused here with a 403 in both languages, before the app (Remix would otherwise
// throw on it, which surfaces as a 500). The rule itself is app/domain/same-origin.ts.
import type { NextFunction, Request, Response } from "express";
import { comesFromOwnPages, CROSS_SITE_REFUSAL } from "~/domain/same-origin";

/**
 * The origin the visitor reached the portal at, built as Remix builds the request's URL:
 * behind a trusted proxy (TRUST_PROXY_HOPS > 0) from its X-Forwarded-Proto and first
 * X-Forwarded-Host, else from this connection and its Host. Forwarded headers from an
 * untrusted client count for nothing. The nginx of docs/deployment.md keeps Host and sends
 * X-Forwarded-Proto; a proxy that rewrites Host must send X-Forwarded-Host instead.
 */
export function ownOriginOf(req: Request, trustProxyHops: number): string {
  const forwardedHost = trustProxyHops > 0 ? req.get("x-forwarded-host")?.split(",")[0]?.trim() : undefined;
  // req.protocol already honours X-Forwarded-Proto only from a trusted proxy.
  return `${req.protocol}://${forwardedHost || req.get("host")}`;
}

export function refuseCrossSiteWrites(trustProxyHops: number) {
  return (req: Request, res: Response, next: NextFunction) => {
    const source = { method: req.method, origin: req.get("origin") ?? null, fetchSite: req.get("sec-fetch-site") ?? null };
    if (comesFromOwnPages(source, ownOriginOf(req, trustProxyHops))) return next();
    res.status(403).type("text/plain; charset=utf-8").send(CROSS_SITE_REFUSAL);
  };
}
