// Layout of every public page: header with the language switcher (and, for a signed-in
// customer, who is signed in and the way out), the page, and the inquiry desk block
// (app/components/public-shell.tsx).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PublicShell } from "~/components/public-shell";
import { getLanguage } from "~/i18n/i18next.server";
import { getCustomerSession } from "~/models/customer-session.server";
import { getDeskView } from "~/models/desk.server";
import { getOrganizationName } from "~/models/organization.server";
import { titleOr } from "~/utils/page-title";

export const handle = { i18n: ["common", "desk"] };

export async function loader({ request }: LoaderFunctionArgs) {
  const language = await getLanguage(request);
  const [organization, desk, session] = await Promise.all([getOrganizationName(language), getDeskView(language), getCustomerSession(request)]);
  return { organization, desk, signedInAs: session?.maskedAddress ?? null };
}

export const meta: MetaFunction = ({ matches }) => titleOr(undefined, matches);

export default function PublicLayout() {
  const { organization, desk, signedInAs } = useLoaderData<typeof loader>();
  return (
    <PublicShell organization={organization} desk={desk} signedInAs={signedInAs}>
      <Outlet />
    </PublicShell>
  );
}

/** This layout's own loader failed (the database away): the shell without what it reads. */
export function ErrorBoundary() {
  return (
    <PublicShell organization={null} desk={null} signedInAs={null}>
      <GeneralErrorBoundary />
    </PublicShell>
  );
}
