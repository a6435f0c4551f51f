import type { NextFunction, Request, Response } from "express";
import { describe, expect, it, vi } from "vitest";
import { CROSS_SITE_REFUSAL, refuseCrossSiteWrites } from "./same-origin";

/** Runs the middleware on a request to http://127.0.0.1:3000; "next" or the refusal's status. */
function outcome(method: string, headers: Record<string, string>, protocol = "http"): "next" | number {
  const lower = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
  const req = { method, protocol, get: (name: string) => lower[name.toLowerCase()] ?? (name.toLowerCase() === "host" ? "127.0.0.1:3000" : undefined) };
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
  refuseCrossSiteWrites(req as unknown as Request, res as unknown as Response, next as NextFunction);
  if (next.mock.calls.length > 0) return "next";
  expect(res.send).toHaveBeenCalledWith(CROSS_SITE_REFUSAL);
  return status!;
}

describe("refuseCrossSiteWrites", () => {
  it("lets the portal's own pages post", () => {
    expect(outcome("POST", { Origin: "http://127.0.0.1:3000" })).toBe("next");
    expect(outcome("POST", { "Sec-Fetch-Site": "same-origin" })).toBe("next");
    // Behind a TLS-terminating proxy (trusted, so Express's protocol is https).
    expect(outcome("POST", { Origin: "https://desk.example.jp", "X-Forwarded-Host": "desk.example.jp" }, "https")).toBe("next");
  });

  it.each<Record<string, string>>([
    { Origin: "http://evil.example" },
    { Origin: "null" },
    { Origin: "http://127.0.0.1:3001" },
    { Origin: "https://127.0.0.1:3000" },
    { Origin: "not a url" },
    { "Sec-Fetch-Site": "cross-site" },
    { "Sec-Fetch-Site": "same-site" },
    { "Sec-Fetch-Site": "none" },
  ])("refuses a post with %o", (headers) => {
    expect(outcome("POST", headers)).toBe(403);
    expect(outcome("DELETE", headers)).toBe(403);
  });

  it("leaves a request with neither header to the routes' guard, and reads alone", () => {
    expect(outcome("POST", {})).toBe("next");
    expect(outcome("GET", { Origin: "http://evil.example", "Sec-Fetch-Site": "cross-site" })).toBe("next");
  });
});
