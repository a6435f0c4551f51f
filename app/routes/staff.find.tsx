// Finding a record by its reference, typed however the customer read it out (lower case,
// full-width, with or without hyphens): straight to the inquiry or deletion request when one
// the staff member may open matches, otherwise the box again with what was not found.
import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormMessage } from "~/components/forms";
import { ReferenceFinder, TYPED_REFERENCE_MAX } from "~/components/reference-finder";
import { referencesReadFrom } from "~/domain/inquiries/reference";
import { i18next } from "~/i18n/i18next.server";
import { findableBy, findByReference } from "~/models/find-by-reference.server";
import { requireStaff } from "~/utils/guards.server";
import { titleOr } from "~/utils/page-title";

export const handle = { i18n: ["common", "staff"] };

export async function loader(args: LoaderFunctionArgs) {
  const staff = await requireStaff(args, "find:by-reference");
  const t = await i18next.getFixedT(args.request, "staff");
  const title = t("pageTitle", { page: t("find.title") });
  const typed = (new URL(args.request.url).searchParams.get("reference") ?? "").slice(0, TYPED_REFERENCE_MAX).trim();
  const may = findableBy(staff.role);
  if (typed === "") return { typed, finds: may.kind, outcome: null, title };
  const references = referencesReadFrom(typed);
  const page = await findByReference(references, may);
  if (page) throw redirect(page);
  return { typed, finds: may.kind, outcome: references.length === 0 ? ("notAReference" as const) : (`notFound.${may.kind}` as const), title };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleOr(data?.title, matches);

export default function FindByReferencePage() {
  const { typed, finds, outcome } = useLoaderData<typeof loader>();
  const { t } = useTranslation("staff");
  const { search } = useLocation();
  return (
    <>
      <h1>{t("find.title")}</h1>
      {outcome ? <FormMessage message={t(`find.${outcome}`, { typed })} error /> : null}
      {/* Each search is a new form, holding what was typed for it. */}
      <ReferenceFinder key={search} finds={finds} typed={typed} />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
