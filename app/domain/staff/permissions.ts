// Who may do what in the back office. Least privilege: each role gets only what its job
// needs, and every loader and action checks its own permission (STYLE.md, one guard).
export const ROLES = ["agent", "privacy-officer", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  "view:staff-home",
  "answer:inquiry",
  "find:by-reference",
  "view:customer-data",
  "decide:deletion",
  "notify:affected",
  "manage:affected-records",
  "view:figures",
  "export:reports",
  "view:operations",
  "manage:staff",
  "publish:notice",
  "manage:hours",
  "manage:settings",
  "read:audit-log",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const GRANTS: Record<Role, readonly Permission[]> = {
  // Finding a record by the reference a customer reads out: for the roles that open inquiries
  // or deletion requests, and it finds only what the role may open.
  agent: ["view:staff-home", "answer:inquiry", "find:by-reference", "view:customer-data"],
  "privacy-officer": [
    "view:staff-home",
    "find:by-reference",
    "view:customer-data",
    "decide:deletion",
    // Drafting, approving (another officer's draft) and sending the notification to each person.
    "notify:affected",
    "manage:affected-records",
    "view:figures",
    "export:reports",
  ],
  // The figures are counts without personal data: management (through the admin) reads and
  // exports them too. The operations view is the admin's alone.
  admin: [
    "view:staff-home",
    "view:figures",
    "export:reports",
    "view:operations",
    "manage:staff",
    "publish:notice",
    "manage:hours",
    "manage:settings",
    "read:audit-log",
  ],
};

export function isRole(value: unknown): value is Role {
  return ROLES.includes(value as Role);
}

export function can(role: string, permission: Permission): boolean {
  return isRole(role) && GRANTS[role].includes(permission);
}

export function permissionsOf(role: string): readonly Permission[] {
  return isRole(role) ? GRANTS[role] : [];
}
