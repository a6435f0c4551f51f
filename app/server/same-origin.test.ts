import type { NextFunction, Request, Response } from "express";
import { describe, expect, it, vi } from "vitest";
import { CROSS_SITE_REFUSAL } from "~/domain/same-origin";
import { ownOriginOf, refuseCrossSiteWrites } from "./same-origin";

/** A request to Host 127.0.0.1:3000 as Express presents it; `protocol` as Express read it. */
function request(method: string, headers: Record<string, string>, protocol = "http"): Request {
  const lower = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
  const all: Record<string, string> = { host: "127.0.0.1:3000", ...lower };
  return { method, protocol, get: (name: string) => all[name.toLowerCase()] } as unknown as Request;
}

/** Runs the middleware; "next" or the refusal's status. */
function outcome(req: Request, trustProxyHops = 0): "next" | number {
  let status: number | null = null;
  const res = {
    status(code: number) {
      status = code;
      return this;
    },
    type() {
      return this;
    },
    send: vi.fn(),
  };
  const next = vi.fn();
  refuseCrossSiteWrites(trustProxyHops)(req, res as unknown as Response, next as NextFunction);
  if (next.mock.calls.length > 0) return "next";
  expect(res.send).toHaveBeenCalledWith(CROSS_SITE_REFUSAL);
  return status!;
}

describe("ownOriginOf", () => {
  it("is the connection's scheme and Host when no proxy is trusted, whatever forwarded headers say", () => {
    expect(ownOriginOf(request("POST", {}), 0)).toBe("http://127.0.0.1:3000");
    expect(ownOriginOf(request("POST", { "X-Forwarded-Host": "evil.example" }), 0)).toBe("http://127.0.0.1:3000");
  });

  it("behind a trusted proxy, is the scheme it forwarded and its first forwarded host, else the Host it kept", () => {
    // docs/deployment.md's nginx: Host kept, X-Forwarded-Proto sent (Express then reads https).
    expect(ownOriginOf(request("POST", { Host: "desk.example.jp" }, "https"), 1)).toBe("https://desk.example.jp");
    expect(ownOriginOf(request("POST", { "X-Forwarded-Host": "desk.example.jp, inner.lan" }, "https"), 1)).toBe("https://desk.example.jp");
    expect(ownOriginOf(request("POST", { "X-Forwarded-Host": "desk.example.jp:8443" }, "https"), 2)).toBe("https://desk.example.jp:8443");
  });
});

describe("refuseCrossSiteWrites", () => {
  it("lets the portal's own pages post, directly and behind a TLS-terminating proxy", () => {
    expect(outcome(request("POST", { Origin: "http://127.0.0.1:3000" }))).toBe("next");
    expect(outcome(request("POST", { "Sec-Fetch-Site": "same-origin" }))).toBe("next");
    expect(outcome(request("POST", { Origin: "https://desk.example.jp", Host: "desk.example.jp" }, "https"), 1)).toBe("next");
    expect(outcome(request("POST", { Origin: "https://desk.example.jp", "X-Forwarded-Host": "desk.example.jp" }, "https"), 1)).toBe("next");
  });

  it("refuses another origin, including one a forwarded header names without a trusted proxy", () => {
    expect(outcome(request("POST", { Origin: "http://evil.example" }))).toBe(403);
    expect(outcome(request("POST", { Origin: "null" }))).toBe(403);
    expect(outcome(request("POST", { Origin: "https://127.0.0.1:3000" }))).toBe(403);
    expect(outcome(request("POST", { Origin: "http://evil.example", "X-Forwarded-Host": "evil.example" }))).toBe(403);
    // Behind the proxy, plain http from the visitor's side is another origin than https.
    expect(outcome(request("POST", { Origin: "http://desk.example.jp", Host: "desk.example.jp" }, "https"), 1)).toBe(403);
  });

  it("leaves reads alone", () => {
    expect(outcome(request("GET", { Origin: "http://evil.example", "Sec-Fetch-Site": "cross-site" }))).toBe("next");
  });
});
