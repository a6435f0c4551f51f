// The one guard pattern: every staff loader and action calls requireStaff with its own
// permission, every customer page requireCustomer. A layout never protects its children
// (Remix runs loaders in parallel).
import { redirect, type AppLoadContext } from "@remix-run/node";
import { ROLE_REFUSAL } from "~/domain/error-page";
import { comesFromOwnPages, CROSS_SITE_REFUSAL } from "~/domain/same-origin";
import { can, type Permission } from "~/domain/staff/permissions";
import { i18next } from "~/i18n/i18next.server";
import { recordAudit } from "~/models/audit.server";
import { getCustomerSession, type CustomerSessionInfo } from "~/models/customer-session.server";
import { getStaffSession, type StaffIdentity } from "~/models/staff-session.server";
import { clientHash } from "./client-address.server";
import { forbidden } from "./http-errors.server";

interface GuardArgs {
  request: Request;
  context: AppLoadContext;
}

/**
 * State-changing requests must come from our own pages (app/domain/same-origin.ts), judged
 * against the origin of the URL Remix built for the request. The HTTP server has already
 * refused the cross-site ones; this keeps a route protected however it is reached.
 */
export function requireSameOrigin(request: Request): void {
  const source = { method: request.method, origin: request.headers.get("Origin"), fetchSite: request.headers.get("Sec-Fetch-Site") };
  if (!comesFromOwnPages(source, new URL(request.url).origin)) {
    throw new Response(CROSS_SITE_REFUSAL, { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
}

/** Only paths inside the back office, so a sign-in link can't send anyone elsewhere. */
/**
 * The longest way back kept in a sign-in link. A page's own filters fit many times over; a
 * longer one (hostile, or pasted) would make a Location header bigger than a proxy in front
 * accepts, and the proxy would answer 502. Past it, the way back is the page without its query.
 */
export const MAX_RETURN_PATH = 1_024;

export function safeStaffRedirect(value: unknown): string {
  return typeof value === "string" &&
    value.length <= MAX_RETURN_PATH &&
    /^\/staff(\/[\w\-/.]*)?(\?[\w=&%\-.]*)?$/.test(value) &&
    !value.includes("//") &&
    !value.includes("..")
    ? value
    : "/staff";
}

export async function requireStaff({ request, context }: GuardArgs, permission: Permission): Promise<StaffIdentity> {
  requireSameOrigin(request);
  const current = await getStaffSession(request);
  const url = new URL(request.url);
  if (!current) {
    const back = url.pathname + url.search;
    throw redirect(`/staff/login?redirectTo=${encodeURIComponent(safeStaffRedirect(back.length <= MAX_RETURN_PATH ? back : url.pathname))}`);
  }
  if (!can(current.staff.role, permission)) {
    await recordAudit({
      actor: current.staff,
      action: "access.denied",
      target: { type: "route", id: url.pathname },
      clientHash: clientHash(context.clientAddress),
      result: "denied",
      details: { permission, method: request.method },
    });
    // Marked as the role's refusal, so the page says so (app/domain/error-page.ts).
    throw forbidden(ROLE_REFUSAL);
  }
  return current.staff;
}

/**
 * A customer page: a live customer session, or off to the page saying it ended. A customer
 * whose leaked password was reset reaches every page too (what leaked, the desk, deletion):
 * /my puts the new password first, and only signing in with a password waits for it.
 */
export async function requireCustomer(request: Request): Promise<CustomerSessionInfo> {
  requireSameOrigin(request);
  const session = await getCustomerSession(request);
  if (!session) throw redirect("/check/ended");
  return session;
}

/**
 * For a file download: a link to a file has no page around it to show the error boundary
 * in, so requireStaff's refusal is said in words, in the reader's language.
 */
export async function requireStaffForFile(args: GuardArgs, permission: Permission): Promise<StaffIdentity> {
  try {
    return await requireStaff(args, permission);
  } catch (error) {
    if (error instanceof Response && error.status === 403) {
      const t = await i18next.getFixedT(args.request, "common");
      throw new Response(t("error.role.bodyNoRole"), { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } });
    }
    throw error;
  }
}
