// The one-page summary for the regulator's report, in Japanese or in English whatever the
// reader's own language: worded on the server in the summary's language, and laid out to
// print on one sheet. Opening it is recorded in the audit log, like the CSV export.
import { data, redirect, type HeadersFunction, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { getConfig } from "~/config.server";
import { periodQuery } from "~/domain/dashboard/period-query";
import { summarySections } from "~/domain/dashboard/summary";
import { isLanguage } from "~/i18n/config";
import { getLanguage, i18next } from "~/i18n/i18next.server";
import { recordAudit } from "~/models/audit.server";
import { readFigures } from "~/models/dashboard/figures.server";
import { getOrganizationName } from "~/models/organization.server";
import { clientHash } from "~/utils/client-address.server";
import { formatFullDateTime, formatLocalDate } from "~/utils/format";
import { requireStaff } from "~/utils/guards.server";
import { PrintButton } from "./print-button";
import styles from "./report.css";
import { titleOr } from "~/utils/page-title";

export const handle = { i18n: ["common", "staff", "dashboard", "staff-notifications"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

export async function loader(args: LoaderFunctionArgs) {
  const staff = await requireStaff(args, "export:reports");
  const { searchParams } = new URL(args.request.url);
  const timeZone = getConfig().DESK_TIME_ZONE;
  const now = new Date();
  const requested = searchParams.get("language");
  const language = isLanguage(requested) ? requested : await getLanguage(args.request);
  const query = periodQuery(searchParams, now, timeZone);
  // The dashboard explains a bad period next to its fields, in the reader's language.
  if (!query.valid) throw redirect(`/staff?${searchParams}`);
  const { period } = query;
  await recordAudit({
    actor: staff,
    action: "report.summary",
    clientHash: clientHash(args.context.clientAddress),
    result: "ok",
    details: { from: period.from, to: period.to, language },
  });
  const figures = await readFigures({ period, timeZone, now, sections: { inquiries: true, everything: true } });
  const t = await i18next.getFixedT(language, "dashboard");
  const numbers = new Intl.NumberFormat(language === "ja" ? "ja-JP" : "en-GB", { maximumFractionDigits: 1 });
  return data({
    language,
    title: t("report.title"),
    organization: await getOrganizationName(language),
    periodText: t("report.periodValue", {
      from: formatLocalDate(period.from, language, { withYear: true }),
      to: formatLocalDate(period.to, language, { withYear: true }),
      timeZone,
    }),
    asOf: `${formatFullDateTime(now, language, timeZone)} (${timeZone})`,
    words: {
      organization: t("report.organization"),
      period: t("report.period"),
      asOf: t("report.asOf"),
      note: t("report.note"),
      figure: t("report.figure"),
      value: t("report.value"),
    },
    sections: summarySections(figures, { t, count: (value) => numbers.format(value), language }),
    backTo: `/staff?from=${period.from}&to=${period.to}`,
  });
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleOr(data?.title, matches);

export default function RegulatorSummary() {
  const { language, title, organization, periodText, asOf, words, sections, backTo } = useLoaderData<typeof loader>();
  const { t } = useTranslation("dashboard");
  return (
    <>
      <nav className="report-actions" aria-label={t("report.title")}>
        <Link to={backTo}>{t("report.back")}</Link>
        <PrintButton label={t("report.print")} />
      </nav>
      <article className="report" lang={language}>
        <h1>{title}</h1>
        <dl className="report-facts">
          <div>
            <dt>{words.organization}</dt>
            <dd>{organization}</dd>
          </div>
          <div>
            <dt>{words.period}</dt>
            <dd>{periodText}</dd>
          </div>
          <div>
            <dt>{words.asOf}</dt>
            <dd>{asOf}</dd>
          </div>
        </dl>
        {sections.map((section) => (
          <table key={section.heading} className="report-table">
            <caption>{section.heading}</caption>
            <thead>
              <tr>
                <th scope="col">{words.figure}</th>
                <th scope="col">{words.value}</th>
              </tr>
            </thead>
            <tbody>
              {section.rows.map((row) => (
                <tr key={row.label}>
                  <th scope="row">{row.label}</th>
                  <td>{row.value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
        <p className="report-note">{words.note}</p>
      </article>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
