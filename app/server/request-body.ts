// What a request body may be before Remix reads it. Every form of the app posts
// application/x-www-form-urlencoded, and only the import upload posts multipart; anything
// else made request.formData() throw, which surfaced as a 500, and a body of any size was
// read into memory. Refused here with a short answer in both languages instead.
//
// A NUL character in a form becomes "␀" (U+2400), the symbol the pages show for it anyway
// (app/domain/inquiries/plain-text.ts): PostgreSQL can't store NUL in text, and refusing a
// deletion with one in its explanation answered 500 there.
//
// A form's fields, and every query string's, are checked before anything parses them
// (./form-fields.ts): what a name implies is what the server builds, and a 59 KB post once
// kept the whole portal from answering for 18 s.
import type { NextFunction, Request, Response } from "express";
import { formFieldsAcceptable } from "./form-fields";

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
}

export type BodyVerdict =
  | { verdict: "pass" }
  /** No body and no type: an empty form, so the route answers as it would to one. */
  | { verdict: "empty-form" }
  /**
   * A form, read here whole (counting its bytes if it came chunked, without a length) and
   * its field names checked before Remix reads it. Without a type, only an empty one is a form.
   */
  | { verdict: "read-form"; typed: boolean }
  | { verdict: "refuse"; status: 400 | 413 | 415; message: string };

const MESSAGES = {
  400: "この送信は受け付けられません。ページのフォームから送信してください。\nThis submission is not accepted. Please use the form on the page.\n",
  413: "送信された内容が大きすぎます。入力を短くしてもう一度お試しください。\nThe submission is too large. Please shorten it and try again.\n",
  415: "この形式の送信は受け付けられません。ページのフォームから送信してください。\nThis kind of submission is not accepted. Please use the form on the page.\n",
} as const;

function refuse(status: 400 | 413 | 415): BodyVerdict {
  return { verdict: "refuse", status, message: MESSAGES[status] };
}

function mediaType(contentType: string): string {
  return contentType.split(";")[0]!.trim().toLowerCase();
}

/** `contentLength` undefined: no Content-Length header, so the body (if any) comes chunked. */
export function judgeBody({ method, path, contentType, contentLength }: BodyHeaders): BodyVerdict {
  if (BODYLESS_METHODS.has(method.toUpperCase())) return { verdict: "pass" };
  if (UPLOAD_PATHS.has(path)) return { verdict: "pass" };
  // Node's HTTP parser has already refused a malformed Content-Length.
  const length = contentLength === undefined ? null : Number(contentLength);
  if (length !== null && length > FORM_BODY_LIMIT_BYTES) return refuse(413);
  const typed = contentType !== undefined && contentType.trim() !== "";
  if (typed && mediaType(contentType) !== URLENCODED) return refuse(415);
  if (length === 0) return typed ? { verdict: "pass" } : { verdict: "empty-form" };
  return length === null || typed ? { verdict: "read-form", typed } : refuse(415);
}

/** "␀", percent-encoded as UTF-8. */
const NUL_SYMBOL = "%E2%90%80";

/**
 * The form with every NUL, percent-encoded or raw, as "␀" (see the top of the file). An
 * escape can't start inside another ("%" isn't a hex digit), so "%00" is always one.
 */
export function withNulSymbols(body: Buffer): Buffer {
  const text = body.toString("latin1");
  // eslint-disable-next-line no-control-regex -- the NUL character is what is replaced
  const replaced = text.replace(/%00|\u0000/g, NUL_SYMBOL);
  return replaced === text ? body : Buffer.from(replaced, "latin1");
}

/** The query string of a request target, without its "?" ("" when there is none). */
function queryOf(url: string): string {
  const start = url.indexOf("?");
  return start === -1 ? "" : url.slice(start + 1);
}

function send(res: Response, status: 400 | 413 | 415, message: string) {
  res.status(status).type("text/plain; charset=utf-8").send(message);
}

/**
 * Answers a refused body once the rest of it has been read and dropped: a client still
 * sending when the answer comes and the connection closes gets a broken pipe, not the answer.
 * Past DISCARD_LIMIT_BYTES it isn't worth reading: the answer goes at once and the
 * connection closes.
 */
function refuseAfterBody(req: Request, res: Response, status: 400 | 413 | 415, alreadyRead = 0) {
  let read = alreadyRead;
  const answer = () => {
    if (!res.headersSent) send(res, status, MESSAGES[status]);
  };
  req.on("data", (chunk: Buffer) => {
    read += chunk.length;
    if (read <= DISCARD_LIMIT_BYTES) return;
    req.pause();
    res.set("Connection", "close");
    answer();
  });
  req.once("end", answer);
  req.resume();
}

/**
 * Reads a form before Remix sees any of it. A chunked one (a proxy that doesn't buffer request
 * bodies forwards a browser's form that way) is refused with a 413 as soon as it passes the
 * limit, so a route never acts on half a form. Once complete, the bytes are put back at the
 * front of the request for Remix to read, with their length.
 */
function readForm(req: Request, res: Response, next: NextFunction, typed: boolean) {
  const chunks: Buffer[] = [];
  let read = 0;
  const onReadable = () => {
    // Exactly what is buffered: a bare read() at the end would emit 'end' before Remix listens.
    while (req.readableLength > 0) {
      const chunk = req.read(req.readableLength) as Buffer;
      chunks.push(chunk);
      read += chunk.length;
    }
    const refusal = read > FORM_BODY_LIMIT_BYTES ? 413 : read > 0 && !typed ? 415 : null;
    if (refusal) {
      req.off("readable", onReadable);
      refuseAfterBody(req, res, refusal, read);
      return;
    }
    if (!req.complete) return;
    req.off("readable", onReadable);
    const body = withNulSymbols(Buffer.concat(chunks));
    if (!formFieldsAcceptable(body.toString("utf8"))) return send(res, 400, MESSAGES[400]);
    if (body.length > 0) req.unshift(body);
    req.headers["content-length"] = String(body.length);
    req.headers["content-type"] ??= URLENCODED;
    delete req.headers["transfer-encoding"];
    next();
  };
  req.on("readable", onReadable);
}

export function guardRequestBody(req: Request, res: Response, next: NextFunction) {
  // Every loader reads its query string as a form, so it gets the same bounds as a body.
  if (!formFieldsAcceptable(queryOf(req.originalUrl))) {
    if (BODYLESS_METHODS.has(req.method.toUpperCase())) return send(res, 400, MESSAGES[400]);
    return refuseAfterBody(req, res, 400);
  }
  const judged = judgeBody({ method: req.method, path: req.path, contentType: req.get("content-type"), contentLength: req.get("content-length") });
  if (judged.verdict === "pass") return next();
  if (judged.verdict === "read-form") return readForm(req, res, next, judged.typed);
  if (judged.verdict === "empty-form") {
    req.headers["content-type"] = URLENCODED;
    return next();
  }
  const declared = req.get("content-length");
  if (declared === undefined || Number(declared) <= DISCARD_LIMIT_BYTES) return refuseAfterBody(req, res, judged.status);
  res.set("Connection", "close");
  send(res, judged.status, judged.message);
}
