import { describe, expect, it } from "vitest";
import { can, isRole, PERMISSIONS, permissionsOf, ROLES } from "./permissions";

describe("permissions", () => {
  it("gives each role only its own work", () => {
    expect(can("agent", "answer:inquiry")).toBe(true);
    expect(can("agent", "decide:deletion")).toBe(false);
    expect(can("agent", "publish:notice")).toBe(false);
    expect(can("privacy-officer", "decide:deletion")).toBe(true);
    expect(can("privacy-officer", "manage:staff")).toBe(false);
    // The notification to each person is the privacy officers' alone: it unseals every address.
    expect(can("privacy-officer", "notify:affected")).toBe(true);
    expect(can("admin", "notify:affected")).toBe(false);
    expect(can("agent", "notify:affected")).toBe(false);
    expect(can("admin", "manage:staff")).toBe(true);
    expect(can("admin", "read:audit-log")).toBe(true);
    // Admins run the desk; they don't read customers' data or decide deletions.
    expect(can("admin", "view:customer-data")).toBe(false);
    expect(can("admin", "decide:deletion")).toBe(false);
    // Nor find records by reference: they open none.
    expect(can("admin", "find:by-reference")).toBe(false);
  });

  it("denies everything to an unknown role", () => {
    expect(isRole("root")).toBe(false);
    for (const permission of PERMISSIONS) expect(can("root", permission)).toBe(false);
    expect(permissionsOf("root")).toEqual([]);
  });

  it("lets every role reach the staff home, and grants every permission to some role", () => {
    for (const role of ROLES) expect(can(role, "view:staff-home")).toBe(true);
    for (const permission of PERMISSIONS)
      expect(
        ROLES.some((role) => can(role, permission)),
        permission,
      ).toBe(true);
  });
});
