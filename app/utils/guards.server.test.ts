import { describe, expect, it } from "vitest";
import { CROSS_SITE_REFUSAL } from "~/domain/same-origin";
import { MAX_RETURN_PATH, requireSameOrigin, safeStaffRedirect } from "./guards.server";

describe("safeStaffRedirect", () => {
  it.each(["/staff", "/staff/audit", "/staff/audit?action=staff.sign-in&result=ok", "/staff/notice/new"])("keeps %s", (path) => {
    expect(safeStaffRedirect(path)).toBe(path);
  });

  it.each([
    "https://evil.example/",
    "//evil.example/x",
    "/staff//evil.example",
    "/staff/../etc",
    "/\\evil.example",
    "javascript:alert(1)",
    "/",
    "/notices/1",
    42,
    null,
  ])("replaces %s with /staff", (value) => {
    expect(safeStaffRedirect(value)).toBe("/staff");
  });

  it("keeps a way back up to the limit, and refuses a longer one", () => {
    const filters = "/staff/audit?actor=";
    const longest = filters + "a".repeat(MAX_RETURN_PATH - filters.length);
    expect(safeStaffRedirect(longest)).toBe(longest);
    expect(safeStaffRedirect(`${longest}a`)).toBe("/staff");
  });
});

describe("requireSameOrigin", () => {
  const post = (headers: Record<string, string>) => new Request("http://127.0.0.1:3000/staff/members", { method: "POST", headers });

  it("applies the one rule to the request's own URL (the rule's cases: app/domain/same-origin.test.ts)", () => {
    expect(() => requireSameOrigin(post({ Origin: "http://127.0.0.1:3000" }))).not.toThrow();
    expect(() => requireSameOrigin(post({ Origin: "https://127.0.0.1:3000" }))).toThrow();
    expect(() => requireSameOrigin(new Request("http://127.0.0.1:3000/staff", { headers: { Origin: "https://evil.example" } }))).not.toThrow();
  });

  it("refuses with the server's bilingual 403", async () => {
    const refusal = (() => {
      try {
        requireSameOrigin(post({ Origin: "null" }));
      } catch (thrown) {
        return thrown as Response;
      }
      throw new Error("not refused");
    })();
    expect(refusal.status).toBe(403);
    expect(await refusal.text()).toBe(CROSS_SITE_REFUSAL);
  });
});
