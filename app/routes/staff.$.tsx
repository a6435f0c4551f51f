// Any address in the back office that no page answers: "page not found" inside the back
// office's header. Nothing is there to protect, so no guard: the same 404 for everyone.
import type { MetaFunction } from "@remix-run/node";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { titleOr } from "~/utils/page-title";
import { notFound } from "~/utils/http-errors.server";

export const handle = { i18n: ["common", "staff"] };

export function loader(): never {
  throw notFound();
}

export function action(): never {
  throw notFound();
}

export const meta: MetaFunction = ({ matches }) => titleOr(undefined, matches);

export default function StaffNotFound() {
  return null;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
