// The one guard pattern: every staff loader and action calls requireStaff with its own
// permission, every customer page requireCustomer. A layout never protects its children
// (Remix runs loaders in parallel).
import { redirect, type AppLoadContext } from "@remix-run/node";
import { can, type Permission } from "~/domain/staff/permissions";
import { i18next } from "~/i18n/i18next.server";
import { recordAudit } from "~/models/audit.server";
import { getCustomerSession, type CustomerSessionInfo } from "~/models/customer-session.server";
import { getStaffSession, type StaffIdentity } from "~/models/staff-session.server";
import { clientHash } from "./client-address.server";

interface GuardArgs {
  request: Request;
  context: AppLoadContext;
}

/**
 * State-changing requests must come from our own pages. Browsers send Origin on every
 * POST; a cross-site one (or a cross-site fetch without it) is refused.
 */
export function requireSameOrigin(request: Request): void {
  if (request.method === "GET" || request.method === "HEAD") return;
  const origin = request.headers.get("Origin");
  const site = request.headers.get("Sec-Fetch-Site");
  const sameOrigin = origin ? origin === new URL(request.url).origin : site === null || site === "same-origin";
  if (!sameOrigin) throw new Response("Cross-site request refused", { status: 403 });
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
    throw new Response("Forbidden", { status: 403 });
  }
  return current.staff;
}

/**
 * A customer page: a live customer session, or off to the page saying it ended. Until a
 * customer whose leaked password was reset has chosen a new one, every customer page but
 * the password form sends them to it.
 */
export async function requireCustomer(request: Request, page: "any" | "password-form" = "any"): Promise<CustomerSessionInfo> {
  requireSameOrigin(request);
  const session = await getCustomerSession(request);
  if (!session) throw redirect("/check/ended");
  if (page !== "password-form" && session.mustChangePassword) throw redirect("/my/password");
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
      throw new Response(t("error.forbidden"), { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } });
    }
    throw error;
  }
}
