import { describe, expect, it } from "vitest";
import { MAX_RETURN_PATH, requireSameOrigin, safeStaffRedirect } from "./guards.server";

describe("safeStaffRedirect", () => {
  it.each(["/staff", "/staff/audit", "/staff/audit?action=staff.sign-in&result=ok", "/staff/notice/new"])("keeps %s", (path) => {
    expect(safeStaffRedirect(path)).toBe(path);
  });

  it.each(["https://evil.example/", "//evil.example/x", "/staff//evil.example", "/staff/../etc", "/\\evil.example", "javascript:alert(1)", "/", "/notices/1", 42, null])(
    "replaces %s with /staff",
    (value) => {
      expect(safeStaffRedirect(value)).toBe("/staff");
    },
  );

  it("keeps a way back up to the limit, and refuses a longer one", () => {
    const filters = "/staff/audit?actor=";
    const longest = filters + "a".repeat(MAX_RETURN_PATH - filters.length);
    expect(safeStaffRedirect(longest)).toBe(longest);
    expect(safeStaffRedirect(`${longest}a`)).toBe("/staff");
  });
});

describe("requireSameOrigin", () => {
  const post = (headers: Record<string, string>) => new Request("http://127.0.0.1:3000/staff/members", { method: "POST", headers });

  it("lets our own pages post", () => {
    expect(() => requireSameOrigin(post({ Origin: "http://127.0.0.1:3000" }))).not.toThrow();
    expect(() => requireSameOrigin(post({ "Sec-Fetch-Site": "same-origin" }))).not.toThrow();
  });

  it("refuses another origin, or a cross-site fetch without Origin", () => {
    expect(() => requireSameOrigin(post({ Origin: "https://evil.example" }))).toThrow();
    expect(() => requireSameOrigin(post({ Origin: "null" }))).toThrow();
    expect(() => requireSameOrigin(post({ "Sec-Fetch-Site": "cross-site" }))).toThrow();
  });

  it("leaves reads alone", () => {
    expect(() => requireSameOrigin(new Request("http://127.0.0.1:3000/staff", { headers: { Origin: "https://evil.example" } }))).not.toThrow();
  });
});
