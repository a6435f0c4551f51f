// The strength meter's question while a customer types a new password: the same rules as
// the form (app/domain/passwords/customer-policy.ts), without the hashing ones. Only for a
// customer session, and only by POST, so the password never lands in a URL or a log.
import type { ActionFunctionArgs } from "@remix-run/node";
import { passwordStrengthFor } from "~/models/customer-password.server";
import { requireCustomer } from "~/utils/guards.server";

export async function action({ request }: ActionFunctionArgs) {
  const session = await requireCustomer(request, "password-form");
  const password = (await request.formData()).get("password");
  if (typeof password !== "string" || password.length === 0 || password.length > 1024) return { score: 0, problem: null };
  return passwordStrengthFor(session.customerId, password);
}

export function loader() {
  throw new Response("Not found", { status: 404 });
}
