// Cross-site request forgery: a state-changing request whose Origin is another site is
// refused here with a 403, before the app. (Remix would otherwise throw on it, which
// surfaces as a 500.) Requests without Origin are left to the routes' own guard.
import type { NextFunction, Request, Response } from "express";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function refuseCrossSiteWrites(req: Request, res: Response, next: NextFunction) {
  const origin = req.get("origin");
  if (SAFE_METHODS.has(req.method) || origin === undefined) return next();
  // The same host Remix compares against: the first X-Forwarded-Host, else Host.
  const host = req.get("x-forwarded-host")?.split(",")[0]?.trim() || req.get("host");
  let originHost: string | null = null;
  try {
    originHost = origin === "null" ? null : new URL(origin).host;
  } catch {
    originHost = null;
  }
  if (originHost !== null && originHost === host) return next();
  res.status(403).type("text/plain; charset=utf-8").send("他のサイトからの送信は受け付けられません。\nRequests from other sites are refused.\n");
}
