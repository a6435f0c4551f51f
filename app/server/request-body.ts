// What a request body may be before Remix reads it. Every form of the app posts
// application/x-www-form-urlencoded, and only the import upload posts multipart; anything
// else made request.formData() throw, which surfaced as a 500, and a body of any size was
// read into memory. Refused here with a short answer in both languages instead.
import type { NextFunction, Request, Response } from "express";

/**
 * The largest form body: the notice editor's biggest draft (six 20,000-character texts and
 * a hundred timeline entries, in Japanese, percent-encoded) is about 2 MB.
 */
export const FORM_BODY_LIMIT_BYTES = 4 * 1024 * 1024;

/** The import upload streams its file to disk under its own, larger limit (upload.server.ts). */
const UPLOAD_PATHS = new Set(["/staff/import", "/staff/import.data"]);

const URLENCODED = "application/x-www-form-urlencoded";
/**
 * A refused body up to this size is read and dropped, so the client can finish sending and
 * read the answer (closing on it mid-upload leaves the client with a broken pipe, not a 413).
 */
const DISCARD_LIMIT_BYTES = 64 * 1024 * 1024;
const BODYLESS_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export interface BodyHeaders {
  method: string;
  path: string;
  contentType: string | undefined;
  contentLength: string | undefined;
  transferEncoding: string | undefined;
}

export type BodyVerdict =
  | { verdict: "pass" }
  /** No body and no type: an empty form, so the route answers as it would to one. */
  | { verdict: "empty-form" }
  | { verdict: "refuse"; status: 411 | 413 | 415; message: string };

const MESSAGES = {
  411: "送信の長さが分からないため受け付けられません。\nA submission without a Content-Length is refused.\n",
  413: "送信された内容が大きすぎます。入力を短くしてもう一度お試しください。\nThe submission is too large. Please shorten it and try again.\n",
  415: "この形式の送信は受け付けられません。ページのフォームから送信してください。\nThis kind of submission is not accepted. Please use the form on the page.\n",
} as const;

function refuse(status: 411 | 413 | 415): BodyVerdict {
  return { verdict: "refuse", status, message: MESSAGES[status] };
}

function mediaType(contentType: string): string {
  return contentType.split(";")[0]!.trim().toLowerCase();
}

export function judgeBody({ method, path, contentType, contentLength, transferEncoding }: BodyHeaders): BodyVerdict {
  if (BODYLESS_METHODS.has(method.toUpperCase())) return { verdict: "pass" };
  if (UPLOAD_PATHS.has(path)) return { verdict: "pass" };
  // Node's parser reads no more than Content-Length; a chunked body has no length to check
  // up front, and browsers never send forms that way.
  if (transferEncoding !== undefined) return refuse(411);
  const length = Number(contentLength ?? 0);
  if (!Number.isSafeInteger(length) || length < 0) return refuse(411);
  if (length > FORM_BODY_LIMIT_BYTES) return refuse(413);
  if (contentType === undefined || contentType.trim() === "") return length === 0 ? { verdict: "empty-form" } : refuse(415);
  return mediaType(contentType) === URLENCODED ? { verdict: "pass" } : refuse(415);
}

export function guardRequestBody(req: Request, res: Response, next: NextFunction) {
  const judged = judgeBody({
    method: req.method,
    path: req.path,
    contentType: req.get("content-type"),
    contentLength: req.get("content-length"),
    transferEncoding: req.get("transfer-encoding"),
  });
  if (judged.verdict === "pass") return next();
  if (judged.verdict === "empty-form") {
    req.headers["content-type"] = URLENCODED;
    return next();
  }
  const declared = Number(req.get("content-length") ?? 0);
  if (judged.status !== 411 && declared <= DISCARD_LIMIT_BYTES) req.resume();
  // A body of unknown or absurd length is not worth reading: the connection closes instead.
  else res.set("Connection", "close");
  res.status(judged.status).type("text/plain; charset=utf-8").send(judged.message);
}
