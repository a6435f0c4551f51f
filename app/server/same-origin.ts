// Cross-site request forgery: a state-changing request from another origin is refused here
// with a 403 in both languages, before the app. (Remix would otherwise throw on it, which
// surfaces as a 500.) A browser that leaves Origin out still says where the request comes
// from in Sec-Fetch-Site: anything but "same-origin" is refused too, "same-site" included,
// because another port of this host is another origin. A request with neither header is
// no browser's form post: the routes' own guard has the last word on it.
import type { NextFunction, Request, Response } from "express";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export const CROSS_SITE_REFUSAL = "他のサイトからの送信は受け付けられません。\nRequests from other sites are refused.\n";

function fromThisOrigin(req: Request): boolean {
  const origin = req.get("origin");
  if (origin === undefined) return (req.get("sec-fetch-site") ?? "same-origin") === "same-origin";
  // The origin Remix builds the request's URL from: the scheme (X-Forwarded-Proto behind a
  // trusted proxy) and the first X-Forwarded-Host, else Host. The scheme counts: http://
  // and https:// of one host are two origins.
  const host = req.get("x-forwarded-host")?.split(",")[0]?.trim() || req.get("host");
  try {
    return origin !== "null" && new URL(origin).origin === new URL(`${req.protocol}://${host}`).origin;
  } catch {
    return false;
  }
}

export function refuseCrossSiteWrites(req: Request, res: Response, next: NextFunction) {
  if (SAFE_METHODS.has(req.method) || fromThisOrigin(req)) return next();
  res.status(403).type("text/plain; charset=utf-8").send(CROSS_SITE_REFUSAL);
}
