import { expect, test } from "@playwright/test";

test("every response carries the security headers, with an enforced nonce CSP", async ({ request }) => {
  for (const path of ["/", "/notices/1", "/healthz", "/favicon.ico", "/no-such-page"]) {
    const headers = (await request.get(path)).headers();
    const csp = headers["content-security-policy"];
    expect(csp, path).toBeDefined();
    expect(headers["content-security-policy-report-only"], path).toBeUndefined();
    expect(csp, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}'/);
    expect(csp, path).not.toContain("unsafe-inline");
    expect(csp, path).not.toContain("unsafe-eval");
    expect(csp, path).toContain("frame-ancestors 'none'");
    expect(csp, path).toContain("object-src 'none'");
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["x-frame-options"], path).toBe("DENY");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"], path).toContain("camera=()");
    expect(headers["x-powered-by"], path).toBeUndefined();
    // Plain http here: HSTS would be wrong.
    expect(headers["strict-transport-security"], path).toBeUndefined();
  }
});

test("HSTS is sent once the request came over TLS through a trusted proxy", async ({ request }) => {
  const headers = (await request.get("/healthz", { headers: { "X-Forwarded-Proto": "https" } })).headers();
  expect(headers["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
});

test("each page gets a fresh nonce, used by its scripts, and the app hydrates under the CSP", async ({ page, request }) => {
  const nonces = new Set<string>();
  for (let i = 0; i < 3; i++) {
    const csp = (await request.get("/")).headers()["content-security-policy"]!;
    nonces.add(/'nonce-([^']+)'/.exec(csp)![1]!);
  }
  expect(nonces.size).toBe(3);

  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/.test(message.text())) violations.push(message.text());
  });
  const response = await page.goto("/");
  const nonce = /'nonce-([^']+)'/.exec(response!.headers()["content-security-policy"]!)![1];
  const inlineScripts = await page.locator("script:not([src])").count();
  expect(inlineScripts).toBeGreaterThan(0);
  // Browsers hide nonce attributes from the DOM; the raw HTML shows them.
  const html = await response!.text();
  const scriptTags = html.match(/<script\b[^>]*>/g) ?? [];
  for (const tag of scriptTags) expect(tag).toContain(`nonce="${nonce}"`);
  // Hydrated: client-side navigation works (the revision link is handled by the router).
  await page.waitForFunction(() => (window as unknown as { __remixRouter?: unknown }).__remixRouter !== undefined);
  expect(violations).toEqual([]);
});

test("the notice page can be cached by a CDN and revalidated with its ETag", async ({ request }) => {
  const first = await request.get("/", { headers: { "Accept-Language": "ja" } });
  const headers = first.headers();
  expect(headers["cache-control"]).toBe("public, max-age=30, stale-while-revalidate=30");
  expect(headers.vary).toMatch(/Accept-Language, Cookie/);
  const etag = headers.etag!;
  expect(etag).toMatch(/^W\/".+"$/);
  // The nonce changes on every response; the ETag does not.
  const second = await request.get("/", { headers: { "Accept-Language": "ja" } });
  expect(second.headers().etag).toBe(etag);

  const revalidated = await request.get("/", { headers: { "Accept-Language": "ja", "If-None-Match": etag } });
  expect(revalidated.status()).toBe(304);
  // A fresh CSP on a 304 would replace the stored page's and block its scripts.
  expect(revalidated.headers()["content-security-policy"]).toBeUndefined();

  const english = await request.get("/", { headers: { "Accept-Language": "en" } });
  expect(english.headers().etag).not.toBe(etag);
});

test("a response that sets the language cookie is never stored by a shared cache", async ({ request }) => {
  const response = await request.get("/?lng=en");
  expect(response.headers()["set-cookie"]).toMatch(/^lng=.*HttpOnly.*SameSite=Lax/);
  expect(response.headers()["cache-control"]).toBe("private, no-store");
  expect(response.headers().etag).toBeUndefined();
});

test("pages served from the server's short cache still carry their own nonce", async ({ request }) => {
  const seen = new Set<string>();
  for (let i = 0; i < 4; i++) {
    const response = await request.get("/notices/2", { headers: { "Accept-Language": "en" } });
    const nonce = /'nonce-([^']+)'/.exec(response.headers()["content-security-policy"]!)![1]!;
    const html = await response.text();
    const scriptTags = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scriptTags.length).toBeGreaterThan(0);
    for (const tag of scriptTags) expect(tag).toContain(`nonce="${nonce}"`);
    seen.add(nonce);
  }
  expect(seen.size).toBe(4);
});
