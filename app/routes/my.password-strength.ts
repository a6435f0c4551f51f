// The strength meter's question while a customer types a new password: the same rules as
// the form (app/domain/passwords/customer-policy.ts), without the hashing ones. Only for a
// live customer session (401 otherwise, never a redirect), and only by POST, so the
// password never lands in a URL or a log.
import type { ActionFunctionArgs } from "@remix-run/node";
import { getCustomerSession } from "~/models/customer-session.server";
import { passwordStrengthFor } from "~/models/customer-password.server";
import { requireSameOrigin } from "~/utils/guards.server";
import { notFound } from "~/utils/http-errors.server";

export async function action({ request }: ActionFunctionArgs) {
  requireSameOrigin(request);
  const session = await getCustomerSession(request);
  if (!session) return Response.json({ error: "no session" }, { status: 401 });
  const password = (await request.formData()).get("password");
  if (typeof password !== "string" || password.length === 0 || password.length > 1024) return Response.json({ score: 0, problem: null });
  return Response.json(await passwordStrengthFor(session.customerId, password));
}

export function loader() {
  throw notFound();
}
