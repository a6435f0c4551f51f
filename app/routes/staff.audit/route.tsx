// The audit log for administrators: newest first, filtered, 50 entries a page. Reading the
// log is itself logged, with the filters used, so an investigator can see who looked at what.
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type HeadersFunction, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { getConfig } from "~/config.server";
import { auditLogFilter } from "~/domain/audit/log-filter";
import { auditLogSearch, AuditLogQuerySchema, type AuditLogQuery } from "~/domain/audit/log-query";
import { i18next } from "~/i18n/i18next.server";
import { recordAudit } from "~/models/audit.server";
import { listAuditPage } from "~/models/audit-log.server";
import { clientHash } from "~/utils/client-address.server";
import { requireStaff } from "~/utils/guards.server";
import { AuditEntryTable } from "./entry-table";
import { AuditFilterForm } from "./filter-form";
import styles from "./audit.css";
import { titleOr } from "~/utils/page-title";

export const handle = { i18n: ["common", "staff", "staff-audit"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
// Who did what, from where: nothing a browser or a proxy should keep.
export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

const PAGE_SIZE = 50;

export async function loader(args: LoaderFunctionArgs) {
  const staff = await requireStaff(args, "read:audit-log");
  const submission = parseWithZod(new URL(args.request.url).searchParams, { schema: AuditLogQuerySchema });
  // Every view is on record with the filters asked for, and before the read, so it is logged
  // even if the read fails. Filters that can't be used show nothing and are logged as failed.
  await recordAudit({
    actor: staff,
    action: "audit.view",
    clientHash: clientHash(args.context.clientAddress),
    result: submission.status === "success" ? "ok" : "failed",
    details: submission.status === "success" ? submission.value : submission.payload,
  });
  const t = await i18next.getFixedT(args.request, "staff-audit");
  const timeZone = getConfig().DESK_TIME_ZONE;
  if (submission.status !== "success") {
    return data({ title: t("staff:pageTitle", { page: t("title") }), timeZone, result: submission.reply(), query: null, page: null }, { status: 400 });
  }
  const { before, ...filters } = submission.value;
  const page = await listAuditPage(auditLogFilter(filters, timeZone), before, PAGE_SIZE);
  return data({ title: t("staff:pageTitle", { page: t("title") }), timeZone, result: submission.reply(), query: submission.value, page });
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleOr(data?.title, matches);

export default function AuditLogPage() {
  const { timeZone, result, query, page } = useLoaderData<typeof loader>();
  const { t } = useTranslation("staff-audit");
  const { search } = useLocation();
  return (
    <>
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      {/* A new query string is a new form: its values and errors come from that query. */}
      <AuditFilterForm key={search} lastResult={result} timeZone={timeZone} />
      {query && page ? (
        <>
          <p className="audit-export">
            {/* A plain link: the file is a download, not a page to navigate to. */}
            <a href={`/staff/audit/export${auditLogSearch({ ...query, before: undefined })}`}>{t("export")}</a>
          </p>
          {page.entries.length > 0 ? <AuditEntryTable entries={page.entries} timeZone={timeZone} /> : <p>{t("empty")}</p>}
          <PageLinks query={query} olderBefore={page.olderBefore} />
        </>
      ) : null}
    </>
  );
}

/** Pages run newest first: back to the newest entries, and on to older ones. */
function PageLinks({ query, olderBefore }: { query: AuditLogQuery; olderBefore: number | null }) {
  const { t } = useTranslation("staff-audit");
  if (query.before === undefined && olderBefore === null) return null;
  return (
    <nav className="audit-pagination" aria-label={t("pagination.label")}>
      {query.before !== undefined ? <Link to={`/staff/audit${auditLogSearch({ ...query, before: undefined })}`}>{t("pagination.newest")}</Link> : null}
      {olderBefore !== null ? <Link to={`/staff/audit${auditLogSearch({ ...query, before: olderBefore })}`}>{t("pagination.older")}</Link> : null}
    </nav>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
