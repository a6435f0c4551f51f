// Sign-out: revokes this browser's session row and clears the cookie.
import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { recordAudit } from "~/models/audit.server";
import { endStaffSession, getStaffSession } from "~/models/staff-session.server";
import { clientHash } from "~/utils/client-address.server";
import { requireSameOrigin } from "~/utils/guards.server";

export async function loader() {
  return redirect("/staff");
}

export async function action({ request, context }: ActionFunctionArgs) {
  requireSameOrigin(request);
  const current = await getStaffSession(request);
  const clearCookie = await endStaffSession(request);
  if (current) {
    await recordAudit({
      actor: current.staff,
      action: "staff.sign-out",
      clientHash: clientHash(context.clientAddress),
      result: "ok",
    });
  }
  return redirect("/staff/login", { headers: { "Set-Cookie": clearCookie } });
}
