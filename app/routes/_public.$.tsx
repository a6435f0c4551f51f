// Any address no public page answers: "page not found" inside the site's header, with the
// desk's contacts, in the reader's language (without this route the root answered, with
// none of them).
import type { MetaFunction } from "@remix-run/node";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { titleOr } from "~/utils/page-title";
import { notFound } from "~/utils/http-errors.server";

export const handle = { i18n: ["common", "desk"] };

export function loader(): never {
  throw notFound();
}

/** A post to an address nobody answers is the same 404, not a 405. */
export function action(): never {
  throw notFound();
}

export const meta: MetaFunction = ({ matches }) => titleOr(undefined, matches);

export default function NotFound() {
  return null;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
