import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { requireStaff } from "~/utils/guards.server";

export const handle = { i18n: ["common", "staff"] };

export async function loader(args: LoaderFunctionArgs) {
  const staff = await requireStaff(args, "view:staff-home");
  return { name: staff.displayName };
}

export const meta: MetaFunction = () => [{ title: "Madoguchi staff" }];

export default function StaffHome() {
  const { name } = useLoaderData<typeof loader>();
  const { t } = useTranslation("staff");
  return (
    <>
      <h1>{t("home.heading", { name })}</h1>
      <p>{t("home.intro")}</p>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
