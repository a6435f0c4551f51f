// The short cache in front of the public pages, with a real HTTP server: a page rendered by
// a stand-in for the app (a public page with an ETag, written in two chunks, as Remix does).
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publicPageMicroCache } from "./micro-cache";

const ETAG = 'W/"page-v1"';
let renders = 0;
let server: Server;
let origin: string;

beforeAll(async () => {
  const app = express();
  app.use((_req, res, next) => {
    res.locals.cspNonce = `nonce-${renders}-${Math.random()}`;
    next();
  });
  app.use(publicPageMicroCache);
  app.get("/page", (req, res) => {
    renders++;
    res.setHeader("Cache-Control", "public, max-age=30");
    res.setHeader("ETag", ETAG);
    // Like the app, which answers 304 itself when it is told about a current copy.
    if (req.get("if-none-match") === ETAG) return void res.status(304).end();
    res.status(200);
    res.write(`<p nonce="${res.locals.cspNonce as string}">the notice, `);
    res.end("in full</p>");
  });
  await new Promise<void>((resolve) => {
    server = app.listen(0, "127.0.0.1", resolve);
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("the public pages' short cache", () => {
  it("answers 304 to a copy that is still current when the page was not cached yet, and keeps the page", async () => {
    // A query string of its own: a key nothing else has cached.
    const url = `${origin}/page?first=conditional`;
    const before = renders;
    const revalidated = await fetch(url, { headers: { "If-None-Match": ETAG } });
    expect(revalidated.status).toBe(304);
    expect(await revalidated.text()).toBe("");
    expect(revalidated.headers.get("etag")).toBe(ETAG);

    // The page rendered for that 304 was stored: the next visitor gets it without a render.
    const full = await fetch(url);
    expect(full.status).toBe(200);
    expect(await full.text()).toMatch(/^<p nonce="[^"]+">the notice, in full<\/p>$/);
    expect(renders).toBe(before + 1);
  });

  it("answers a stale copy with the whole page, cached or not", async () => {
    const url = `${origin}/page?first=stale`;
    for (let n = 0; n < 2; n++) {
      const response = await fetch(url, { headers: { "If-None-Match": 'W/"page-v0"' } });
      expect(response.status).toBe(200);
      expect(await response.text()).toContain("the notice, in full");
    }
  });

  it("answers 304 from the cache too", async () => {
    const url = `${origin}/page?first=unconditional`;
    expect((await fetch(url)).status).toBe(200);
    const before = renders;
    expect((await fetch(url, { headers: { "If-None-Match": ETAG } })).status).toBe(304);
    expect(renders).toBe(before);
  });
});
