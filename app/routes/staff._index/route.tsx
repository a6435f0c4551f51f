// The staff home: a welcome, and the dashboard of how the response is going, by what the
// viewer may see. Agents get the inquiry figures they work on; privacy officers and admins
// every figure, the CSV export and the regulator's summary. The figures are counts: no
// customer's personal data is read or shown here.
import { data, type HeadersFunction, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ReferenceFinder } from "~/components/reference-finder";
import { getConfig } from "~/config.server";
import { periodQuery } from "~/domain/dashboard/period-query";
import { can } from "~/domain/staff/permissions";
import { i18next } from "~/i18n/i18next.server";
import { readFigures } from "~/models/dashboard/figures.server";
import { findsOf } from "~/models/find-by-reference.server";
import { requireStaff } from "~/utils/guards.server";
import { titleOr } from "~/utils/page-title";
import { Dashboard } from "./dashboard";
import { PeriodForm } from "./period-form";
import styles from "./dashboard.css";

export const handle = { i18n: ["common", "staff", "dashboard", "staff-notifications"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

export async function loader(args: LoaderFunctionArgs) {
  const staff = await requireStaff(args, "view:staff-home");
  const t = await i18next.getFixedT(args.request, "staff");
  const timeZone = getConfig().DESK_TIME_ZONE;
  const now = new Date();
  const sections = { inquiries: can(staff.role, "answer:inquiry"), everything: can(staff.role, "view:figures") };
  const base = {
    title: t("pageTitle", { page: t("nav.home") }),
    name: staff.displayName,
    timeZone,
    canExport: can(staff.role, "export:reports"),
    finds: findsOf(staff.role),
  };

  const query = periodQuery(new URL(args.request.url).searchParams, now, timeZone);
  if (!query.valid) {
    // The form shows what was typed with its errors; no figures for a period that isn't one.
    return data({ ...base, result: query.submission.reply(), period: query.period, figures: null }, { status: 400 });
  }
  const { period, submission } = query;
  const figures = await readFigures({ period, timeZone, now, sections });
  return data({ ...base, result: submission?.reply() ?? null, period, figures });
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleOr(data?.title, matches);

export default function StaffHome() {
  const { name, timeZone, canExport, finds, result, period, figures } = useLoaderData<typeof loader>();
  const { t } = useTranslation("staff");
  const { search } = useLocation();
  return (
    <>
      <h1>{t("home.heading", { name })}</h1>
      <p>{t("home.intro")}</p>
      {finds ? <ReferenceFinder finds={finds} /> : null}
      {figures || result ? (
        <>
          {/* A new query string is a new form: its values and errors come from that query. */}
          <PeriodForm key={search} lastResult={result} period={period} />
          {figures ? <Dashboard figures={figures} timeZone={timeZone} canExport={canExport} /> : null}
        </>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
