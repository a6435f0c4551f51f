import { describe, expect, it } from "vitest";
import { comesFromOwnPages, type RequestSource } from "./same-origin";

const OWN = "https://desk.example.jp";
const post = (headers: Partial<RequestSource>): RequestSource => ({ method: "POST", origin: null, fetchSite: null, ...headers });

describe("comesFromOwnPages", () => {
  it("lets the portal's own pages post", () => {
    expect(comesFromOwnPages(post({ origin: OWN }), OWN)).toBe(true);
    expect(comesFromOwnPages(post({ origin: OWN, fetchSite: "same-origin" }), OWN)).toBe(true);
    expect(comesFromOwnPages(post({ fetchSite: "same-origin" }), OWN)).toBe(true);
    // The default port is no part of an origin as browsers send it.
    expect(comesFromOwnPages(post({ origin: OWN }), "https://desk.example.jp:443")).toBe(true);
    expect(comesFromOwnPages(post({ origin: "http://127.0.0.1:3000" }), "http://127.0.0.1:3000")).toBe(true);
  });

  it.each<Partial<RequestSource>>([
    { origin: "https://evil.example" },
    { origin: "null" },
    { origin: "null", fetchSite: "same-origin" },
    { origin: "" },
    { origin: "not a url" },
    // Another scheme or another port of the same host: another origin.
    { origin: "http://desk.example.jp" },
    { origin: "https://desk.example.jp:8443" },
    { origin: "https://sub.desk.example.jp" },
    { fetchSite: "cross-site" },
    { fetchSite: "same-site" },
    { fetchSite: "none" },
    // A matching Origin does not outweigh a browser saying the request is cross-site.
    { origin: OWN, fetchSite: "cross-site" },
  ])("refuses a write with %o", (headers) => {
    expect(comesFromOwnPages(post(headers), OWN)).toBe(false);
    expect(comesFromOwnPages({ ...post(headers), method: "DELETE" }, OWN)).toBe(false);
  });

  it("lets through a write with neither header: no browser's form post", () => {
    expect(comesFromOwnPages(post({}), OWN)).toBe(true);
  });

  it("leaves reads alone, whatever their origin", () => {
    for (const method of ["GET", "HEAD", "OPTIONS", "get"]) {
      expect(comesFromOwnPages({ method, origin: "https://evil.example", fetchSite: "cross-site" }, OWN)).toBe(true);
    }
  });
});
