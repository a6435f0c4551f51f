// Every staff route for every role and for an anonymous client: the expected 200 / 403 /
// redirect, for reads and for writes. It fails when a route is added without an
// expectation here, so no page can be shipped without its permission being checked.
import { readdirSync, existsSync } from "node:fs";
import { expect, test, type APIRequestContext } from "@playwright/test";
import type { Permission, Role } from "../../app/domain/staff/permissions";
import { PORT } from "../../playwright.config";
import { signInAs } from "../support/staff";

const ORIGIN = `http://127.0.0.1:${PORT}`;

// Who may use each permission, written out here independently of the app's own table.
const HOLDERS: Record<Permission, Role[]> = {
  "view:staff-home": ["agent", "privacy-officer", "admin"],
  "answer:inquiry": ["agent"],
  "find:by-reference": ["agent", "privacy-officer"],
  "view:customer-data": ["agent", "privacy-officer"],
  "decide:deletion": ["privacy-officer"],
  "notify:affected": ["privacy-officer"],
  "manage:affected-records": ["privacy-officer"],
  "view:figures": ["privacy-officer", "admin"],
  "export:reports": ["privacy-officer", "admin"],
  "view:operations": ["admin"],
  "manage:staff": ["admin"],
  "publish:notice": ["admin"],
  "manage:hours": ["admin"],
  "manage:settings": ["admin"],
  "read:audit-log": ["admin"],
};

type Guarded = { path: string; permission: Permission; okStatus?: number; writes?: boolean };
type Open = { path: string; open: true };

// Route module → a URL it serves. Ids that don't exist answer 404 to those allowed in.
const ROUTES: Record<string, Guarded | Open | null> = {
  staff: null, // the layout: no URL of its own
  "staff._index": { path: "/staff", permission: "view:staff-home" },
  "staff.login": { path: "/staff/login", open: true },
  "staff.logout": { path: "/staff/logout", open: true },
  "staff.enrol.$token": { path: "/staff/enrol/not-a-real-token", open: true },
  // Any address in the back office no page answers: the same 404 for everyone, checked below.
  "staff.$": { path: "/staff/no-such-page", open: true },
  "staff.members": { path: "/staff/members", permission: "manage:staff", writes: true },
  "staff.audit": { path: "/staff/audit", permission: "read:audit-log" },
  "staff.audit.export": { path: "/staff/audit/export", permission: "read:audit-log" },
  "staff.import._index": { path: "/staff/import", permission: "manage:affected-records", writes: true },
  "staff.import.$runId": { path: "/staff/import/no-such-id", permission: "manage:affected-records", okStatus: 404 },
  "staff.hours._index": { path: "/staff/hours", permission: "manage:hours" },
  "staff.hours.channels.$key.edit": { path: "/staff/hours/channels/phone/edit", permission: "manage:hours", writes: true },
  "staff.hours.channels.$key.schedules.new": { path: "/staff/hours/channels/phone/schedules/new", permission: "manage:hours", writes: true },
  "staff.hours.closures.new": { path: "/staff/hours/closures/new", permission: "manage:hours", writes: true },
  "staff.hours.closures.$id.delete": { path: "/staff/hours/closures/no-such-id/delete", permission: "manage:hours", okStatus: 404, writes: true },
  "staff.hours.schedules.$id.edit": { path: "/staff/hours/schedules/no-such-id/edit", permission: "manage:hours", okStatus: 404, writes: true },
  "staff.hours.schedules.$id.delete": { path: "/staff/hours/schedules/no-such-id/delete", permission: "manage:hours", okStatus: 404, writes: true },
  "staff.figures[.csv]": { path: "/staff/figures.csv", permission: "export:reports" },
  "staff.report": { path: "/staff/report", permission: "export:reports" },
  "staff.operations": { path: "/staff/operations", permission: "view:operations" },
  "staff.deletions._index": { path: "/staff/deletions", permission: "decide:deletion" },
  "staff.deletions.$reference": { path: "/staff/deletions/DR-0000-0000", permission: "decide:deletion", okStatus: 404, writes: true },
  "staff.deletions.settings": { path: "/staff/deletions/settings", permission: "decide:deletion", writes: true },
  "staff.deletions.manifest": { path: "/staff/deletions/manifest", permission: "decide:deletion" },
  "staff.find": { path: "/staff/find", permission: "find:by-reference" },
  "staff.notifications._index": { path: "/staff/notifications", permission: "notify:affected", writes: true },
  "staff.notifications.$id": { path: "/staff/notifications/no-such-id", permission: "notify:affected", okStatus: 404, writes: true },
  "staff.notifications.$id_.progress": { path: "/staff/notifications/no-such-id/progress", permission: "notify:affected", okStatus: 404 },
  "staff.inquiries._index": { path: "/staff/inquiries", permission: "answer:inquiry" },
  "staff.inquiries.$reference": { path: "/staff/inquiries/MD-0000-0000", permission: "answer:inquiry", okStatus: 404, writes: true },
  "staff.inquiries.$reference_.presence": { path: "/staff/inquiries/MD-0000-0000/presence", permission: "answer:inquiry", okStatus: 404 },
  "staff.inquiry-settings._index": { path: "/staff/inquiry-settings", permission: "manage:settings", writes: true },
  "staff.inquiry-settings.templates.new": { path: "/staff/inquiry-settings/templates/new", permission: "manage:settings", writes: true },
  "staff.inquiry-settings.templates.$id": { path: "/staff/inquiry-settings/templates/no-such-id", permission: "manage:settings", okStatus: 404, writes: true },
  "staff.notice._index": { path: "/staff/notice", permission: "publish:notice" },
  "staff.notice.new": { path: "/staff/notice/new", permission: "publish:notice", writes: true },
  "staff.notice.$number": { path: "/staff/notice/1", permission: "publish:notice", writes: true },
  "staff.notice.$number_.publish": { path: "/staff/notice/999/publish", permission: "publish:notice", okStatus: 404, writes: true },
  "staff.notice.groups._index": { path: "/staff/notice/groups", permission: "publish:notice" },
  "staff.notice.groups.new": { path: "/staff/notice/groups/new", permission: "publish:notice", writes: true },
  "staff.notice.groups.$groupId": { path: "/staff/notice/groups/no-such-id", permission: "publish:notice", okStatus: 404, writes: true },
  "staff.notice.groups.$groupId_.delete": { path: "/staff/notice/groups/no-such-id/delete", permission: "publish:notice", okStatus: 404, writes: true },
  "staff.notice.categories._index": { path: "/staff/notice/categories", permission: "publish:notice" },
  "staff.notice.categories.new": { path: "/staff/notice/categories/new", permission: "publish:notice", writes: true },
  "staff.notice.categories.$categoryId": { path: "/staff/notice/categories/no-such-id", permission: "publish:notice", okStatus: 404, writes: true },
  "staff.notice.categories.$categoryId_.delete": {
    path: "/staff/notice/categories/no-such-id/delete",
    permission: "publish:notice",
    okStatus: 404,
    writes: true,
  },
};

function routeModules(): string[] {
  const dir = "app/routes";
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.name === "staff.tsx" || entry.name.startsWith("staff."))
    .flatMap((entry) => {
      if (entry.isDirectory()) return existsSync(`${dir}/${entry.name}/route.tsx`) || existsSync(`${dir}/${entry.name}/route.ts`) ? [entry.name] : [];
      return [entry.name.replace(/\.tsx?$/, "")];
    })
    .filter((name) => !name.endsWith(".test"));
}

test("every staff route has an expectation, and every expectation a route", () => {
  expect(routeModules().sort()).toEqual(Object.keys(ROUTES).sort());
});

const guarded = Object.entries(ROUTES).filter((entry): entry is [string, Guarded] => entry[1] !== null && !("open" in entry[1]));

async function status(request: APIRequestContext, method: "GET" | "POST", path: string) {
  const response =
    method === "GET"
      ? await request.get(path, { maxRedirects: 0 })
      : await request.post(path, { maxRedirects: 0, headers: { Origin: ORIGIN }, form: { intent: "walker" } });
  return { status: response.status(), location: response.headers().location ?? "" };
}

test("an anonymous client is sent to sign in from every guarded route, reads and writes", async ({ request }) => {
  for (const [, route] of guarded) {
    const read = await status(request, "GET", route.path);
    expect(read.status, route.path).toBe(302);
    expect(read.location, route.path).toBe(`/staff/login?redirectTo=${encodeURIComponent(route.path)}`);
    if (route.writes) expect((await status(request, "POST", route.path)).status, `POST ${route.path}`).toBe(302);
  }
  for (const path of ["/staff/login", "/staff/enrol/not-a-real-token"]) {
    expect((await status(request, "GET", path)).status, path).toBe(200);
  }
  expect((await status(request, "GET", "/staff/no-such-page")).status).toBe(404);
});

for (const role of ["agent", "privacy-officer", "admin"] as const) {
  test(`a signed-in ${role} gets exactly what the role allows`, async ({ context }) => {
    test.setTimeout(90_000);
    await signInAs(context, role);
    for (const [name, route] of guarded) {
      const allowed = HOLDERS[route.permission].includes(role);
      const read = await status(context.request, "GET", route.path);
      expect(read.status, `${role} GET ${route.path} (${name})`).toBe(allowed ? (route.okStatus ?? 200) : 403);
      // Forbidden writes are refused before anything is read from the form.
      if (route.writes && !allowed) {
        expect((await status(context.request, "POST", route.path)).status, `${role} POST ${route.path}`).toBe(403);
      }
    }
    expect((await status(context.request, "GET", "/staff/no-such-page")).status).toBe(404);
    // Signed in, the sign-in page sends staff home.
    const login = await status(context.request, "GET", "/staff/login");
    expect([login.status, login.location]).toEqual([302, "/staff"]);
  });
}
