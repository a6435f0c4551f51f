// Renders every document. Pages are rendered completely before sending (they are small
// and have no deferred data), which lets a page that declares itself public be given an
// ETag and answered with 304 when the browser or a CDN already holds it (ADR 005).
import { createHash } from "node:crypto";
import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { createInstance } from "i18next";
import { renderToPipeableStream } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { i18nOptions } from "~/i18n/config";
import { getLanguage } from "~/i18n/i18next.server";
import { carriesCustomerSession } from "~/models/customer-session.server";
import { logger } from "~/utils/logger.server";
import { NonceProvider } from "~/utils/nonce";

const RENDER_TIMEOUT_MS = 5_000;
export const streamTimeout = RENDER_TIMEOUT_MS;

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const i18n = createInstance();
  await i18n.use(initReactI18next).init({ ...i18nOptions, lng: await getLanguage(request) });
  const nonce = loadContext.cspNonce;

  const html = await renderDocument(
    <NonceProvider value={nonce}>
      <I18nextProvider i18n={i18n}>
        <RemixServer context={remixContext} url={request.url} nonce={nonce} abortDelay={RENDER_TIMEOUT_MS} />
      </I18nextProvider>
    </NonceProvider>,
    nonce,
    (error) => {
      responseStatusCode = 500;
      logger.error({ err: error, url: request.url }, "render error");
    },
  );

  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  applyCachePolicy(responseHeaders, request);
  if (responseStatusCode === 200 && isPublic(responseHeaders)) {
    // The nonce differs on every response; everything else decides whether it changed.
    const etag = `W/"${createHash("sha256").update(html.replaceAll(nonce, "")).digest("base64url").slice(0, 27)}"`;
    responseHeaders.set("ETag", etag);
    if (request.headers.get("If-None-Match") === etag) {
      return new Response(null, { status: 304, headers: responseHeaders });
    }
  }
  return new Response(html, { status: responseStatusCode, headers: responseHeaders });
}

function renderDocument(app: React.ReactElement, nonce: string, onError: (error: unknown) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const { pipe, abort } = renderToPipeableStream(app, {
      nonce,
      onAllReady() {
        const chunks: Buffer[] = [];
        const body = new PassThrough();
        // React reuses its write buffer, so each chunk is copied before the next write.
        body.on("data", (chunk: Uint8Array) => chunks.push(Buffer.from(chunk)));
        // React 18.3 can leave NUL padding where its internal buffer wraps mid-character
        // (facebook/react#31134); NUL is never valid in HTML, so it is dropped.
        body.on("end", () => resolve(Buffer.concat(chunks).toString("utf8").replaceAll("\u0000", "")));
        body.on("error", reject);
        pipe(body);
      },
      onShellError: reject,
      onError,
    });
    setTimeout(abort, RENDER_TIMEOUT_MS + 1_000);
  });
}

function isPublic(headers: Headers): boolean {
  return /\bpublic\b/.test(headers.get("Cache-Control") ?? "");
}

/**
 * Nothing that sets a cookie may be stored by a shared cache, and pages that don't declare
 * themselves public (staff pages, anything personal) are not stored anywhere. Neither is a
 * page for a signed-in customer: its header shows who is signed in.
 */
function applyCachePolicy(headers: Headers, request: Request): void {
  if (headers.has("Set-Cookie") || !headers.has("Cache-Control") || carriesCustomerSession(request)) {
    headers.set("Cache-Control", "private, no-store");
  }
}

export function handleError(error: unknown, { request }: { request: Request }) {
  // Aborted requests and 404s for unknown URLs are ordinary traffic, not errors.
  if (request.signal.aborted || (isRouteErrorResponse(error) && error.status === 404)) return;
  logger.error({ err: error, url: request.url }, "request error");
}
