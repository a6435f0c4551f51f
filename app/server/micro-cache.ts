// A few seconds of in-process caching for public pages, so a rush on the notice page
// after the notification mail costs one render per language every few seconds instead
// of one per visitor. It behaves like a small shared cache in front of the app: only
// GET responses that declare `Cache-Control: public` and set no cookie are kept, keyed
// by everything they Vary on. Each hit gets this response's fresh CSP nonce (ADR 005).
import type { NextFunction, Request, Response } from "express";

const TTL_MS = 5_000;
/** While one request renders a fresh copy, others get the expired one for up to this long. */
const STALE_MS = 15_000;
const MAX_ENTRIES = 200;
const MAX_BODY_BYTES = 512 * 1024;

interface Entry {
  storedAt: number;
  status: number;
  headers: Record<string, string>;
  body: string;
  nonce: string;
  etag: string | undefined;
}

const entries = new Map<string, Entry>();
const refreshing = new Set<string>();

function keyOf(req: Request): string {
  // The public pages vary on exactly these (see app/utils/public-cache.ts).
  return JSON.stringify([req.originalUrl, req.get("accept-language") ?? "", req.get("cookie") ?? ""]);
}

function store(key: string, entry: Entry): void {
  if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!); // oldest first
  entries.set(key, entry);
}

function serve(entry: Entry, req: Request, res: Response): void {
  for (const [name, value] of Object.entries(entry.headers)) res.setHeader(name, value);
  if (entry.etag && req.get("if-none-match") === entry.etag) {
    res.status(304).end();
    return;
  }
  // This response's own nonce (already in its CSP header) replaces the stored page's.
  res.status(entry.status).send(entry.body.replaceAll(entry.nonce, res.locals.cspNonce as string));
}

export function publicPageMicroCache(req: Request, res: Response, next: NextFunction) {
  if (req.method !== "GET") return next();
  const key = keyOf(req);
  const cached = entries.get(key);
  const age = cached ? Date.now() - cached.storedAt : Infinity;
  if (cached && age < TTL_MS) return serve(cached, req, res);
  // One request renders; the rest of a rush keeps getting the previous copy meanwhile.
  if (cached && age < STALE_MS && refreshing.has(key)) return serve(cached, req, res);
  refreshing.add(key);
  res.on("close", () => refreshing.delete(key));
  // The app must render the whole page for it to be stored, so it is not told about the
  // asker's copy; that copy is compared with the fresh render here instead. A miss happens on
  // each instance every few seconds, and a CDN revalidating then must still get its 304.
  const askerCopy = req.get("if-none-match");
  delete req.headers["if-none-match"];
  const askerCopyIsCurrent = () => askerCopy !== undefined && res.statusCode === 200 && res.getHeader("ETag") === askerCopy;

  // Capture what the app sends, and keep it if it is a public page.
  const chunks: Buffer[] = [];
  let size = 0;
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => Response;
  const capture = (chunk: unknown) => {
    if (chunk === undefined || chunk === null || typeof chunk === "function") return;
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    size += buffer.length;
    if (size <= MAX_BODY_BYTES) chunks.push(Buffer.from(buffer));
  };
  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    capture(chunk);
    // Held back until the end, where the answer becomes a 304 (nothing is sent before then).
    if (askerCopyIsCurrent()) return true;
    return write(chunk, ...rest);
  }) as typeof res.write;
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    capture(chunk);
    const cacheControl = String(res.getHeader("Cache-Control") ?? "");
    if (res.statusCode === 200 && /\bpublic\b/.test(cacheControl) && !res.getHeader("Set-Cookie") && size <= MAX_BODY_BYTES) {
      const headers: Record<string, string> = {};
      for (const name of ["cache-control", "content-type", "etag", "vary"]) {
        const value = res.getHeader(name);
        if (value !== undefined) headers[name] = String(value);
      }
      store(key, {
        storedAt: Date.now(),
        status: 200,
        headers,
        body: Buffer.concat(chunks).toString("utf8"),
        nonce: res.locals.cspNonce as string,
        etag: headers.etag,
      });
    }
    if (askerCopyIsCurrent()) {
      res.status(304);
      return end();
    }
    return end(chunk, ...rest);
  }) as typeof res.end;
  next();
}
