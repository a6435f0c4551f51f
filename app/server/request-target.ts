// Requests HTTP allows that no page of the portal answers, refused before anything reads
// them: a target that isn't a path ("GET http://host/" as sent to a proxy, "GET *"), and
// methods other than GET, HEAD and POST (the only ones the portal's pages and forms use).
// Remix builds a URL from the target and a Request from the method, and both threw a
// TypeError (an absolute target made an invalid URL, TRACE is a method fetch forbids),
// which answered 500 and wrote a plain-text stack trace into the JSON log.
import type { NextFunction, Request, Response } from "express";
import { logger } from "~/utils/logger.server";

const SERVED_METHODS = new Set(["GET", "HEAD", "POST"]);
/** What OPTIONS and a refused method's Allow header name. */
export const ALLOW = "GET, HEAD, POST, OPTIONS";

export type TargetVerdict =
  | { verdict: "serve" }
  /** OPTIONS: the methods, and nothing else (the portal answers no cross-origin request). */
  | { verdict: "options" }
  | { verdict: "refuse"; status: 400 | 405; reason: "target-not-a-path" | "method-not-served" };

/** `target`: the request line's target as sent (Node's req.url). */
export function judgeTarget(method: string, target: string): TargetVerdict {
  // "*" means the server as a whole, and only OPTIONS may ask about that (RFC 9112, 3.2.4).
  if (method === "OPTIONS" && (target === "*" || target.startsWith("/"))) return { verdict: "options" };
  if (!target.startsWith("/")) return { verdict: "refuse", status: 400, reason: "target-not-a-path" };
  if (!SERVED_METHODS.has(method)) return { verdict: "refuse", status: 405, reason: "method-not-served" };
  return { verdict: "serve" };
}

const MESSAGES = {
  400: "このリクエストは受け付けられません。\nThis request is not accepted.\n",
  405: "この方法のリクエストには応じていません。\nThis request method is not supported.\n",
} as const;

export function refuseUnservedRequests(req: Request, res: Response, next: NextFunction) {
  const judged = judgeTarget(req.method, req.url);
  if (judged.verdict === "serve") return next();
  res.set("Allow", ALLOW);
  if (judged.verdict === "options") return res.status(204).end();
  // One JSON line, with no part of the target: it may carry a token or an address.
  logger.info({ req: { method: req.method }, status: judged.status, reason: judged.reason }, "request refused");
  res.status(judged.status).type("text/plain; charset=utf-8").send(MESSAGES[judged.status]);
}

/**
 * Express's last word on an error nothing else handled: one JSON log line and a short 500 in
 * both languages, never a stack trace on stderr or in the answer.
 */
export function answerUnhandledErrors(err: unknown, req: Request, res: Response, _next: NextFunction) {
  logger.error({ err, req: { method: req.method, url: req.path } }, "unhandled error");
  // Half an answer can't be finished: the client sees the connection end instead.
  if (res.headersSent) return void req.socket.destroy();
  res
    .status(500)
    .type("text/plain; charset=utf-8")
    .send("エラーが発生しました。しばらくしてからもう一度お試しください。\nSomething went wrong. Please try again shortly.\n");
}
