import { describe, expect, it } from "vitest";
import { requireSameOrigin, safeStaffRedirect } from "./guards.server";

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
