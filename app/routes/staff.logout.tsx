// Sign-out: revokes this browser's session row and clears the cookie.
import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { endStaffSession } from "~/models/staff-session.server";
import { clientHash } from "~/utils/client-address.server";
import { requireSameOrigin } from "~/utils/guards.server";

export async function loader() {
  return redirect("/staff");
}

export async function action({ request, context }: ActionFunctionArgs) {
  requireSameOrigin(request);
  const clearCookie = await endStaffSession(request, clientHash(context.clientAddress));
  return redirect("/staff/login", { headers: { "Set-Cookie": clearCookie } });
}
