// The inquiry queue: answers owed, soonest due first, with filters, counts per status and
// a cursor to the next page (the URL holds it all, so a view can be shared and reloaded).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AgentOptions, StatusOptions } from "~/components/inquiries/options";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ReferenceFinder } from "~/components/reference-finder";
import { QueuePager, StatusCounts } from "~/components/queue-navigation";
import { SlaBadge } from "~/components/inquiries/business-time";
import { getConfig } from "~/config.server";
import { INQUIRY_CATEGORIES, INQUIRY_STATUSES } from "~/domain/inquiries/categories";
import { parseQueueFilter, queueSearch } from "~/domain/inquiries/queue-filter";
import { getLanguage, i18next } from "~/i18n/i18next.server";
import { getQueuePage } from "~/models/inquiries/queue.server";
import { listAssignableStaff } from "~/models/inquiries/staff-inquiry.server";
import { formatDateTime } from "~/utils/format";
import { findsOf } from "~/models/find-by-reference.server";
import { requireStaff } from "~/utils/guards.server";
import { titleOr } from "~/utils/page-title";

export const handle = { i18n: ["common", "staff", "staff-inquiries", "inquiries"] };

export async function loader(args: LoaderFunctionArgs) {
  const staff = await requireStaff(args, "answer:inquiry");
  const filter = parseQueueFilter(new URL(args.request.url).searchParams);
  const [page, agents, language, t] = await Promise.all([
    getQueuePage(filter, staff.id),
    listAssignableStaff(),
    getLanguage(args.request),
    i18next.getFixedT(args.request, "staff-inquiries"),
  ]);
  const time = (iso: string) => formatDateTime(iso, language, getConfig().DESK_TIME_ZONE);
  return {
    title: t("staff:pageTitle", { page: t("queue.title") }),
    finds: findsOf(staff.role),
    filter: { ...filter, cursor: null },
    laterPage: filter.cursor !== null,
    search: { first: queueSearch(filter), next: page.next ? queueSearch(filter, { cursor: page.next }) : null },
    statusLinks: Object.fromEntries(INQUIRY_STATUSES.map((status) => [status, queueSearch(filter, { status, overdue: false })])),
    overdueLink: queueSearch(filter, { status: "owed", overdue: true }),
    counts: page.counts,
    overdue: page.overdue,
    agents,
    rows: page.rows.map((row) => ({ ...row, dueAt: row.dueAt && time(row.dueAt), lastActivityAt: time(row.lastActivityAt) })),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleOr(data?.title, matches);

export default function InquiryQueuePage() {
  const { finds, filter, laterPage, search, statusLinks, overdueLink, counts, overdue, agents, rows } = useLoaderData<typeof loader>();
  const { t } = useTranslation("staff-inquiries");
  const { search: query } = useLocation();
  return (
    <>
      <h1>{t("queue.title")}</h1>
      {finds ? <ReferenceFinder finds={finds} /> : null}
      <StatusCounts
        heading={t("queue.countsLabel")}
        statuses={INQUIRY_STATUSES.map((status) => ({
          status,
          to: statusLinks[status]!,
          label: t("queue.count", { status: t(`inquiries:status.${status}`), count: counts[status] }),
        }))}
        overdue={{ to: overdueLink, count: overdue, label: t("queue.overdueCount", { count: overdue }) }}
      />
      {/* Keyed on the query: a count or pager link to this same page must rebuild the selects from it. */}
      <Form method="get" className="queue-filters" aria-label={t("queue.filtersLabel")} key={query}>
        <label>
          {t("queue.status")}
          <select name="status" defaultValue={filter.status}>
            <option value="owed">{t("queue.owed")}</option>
            <StatusOptions statuses={INQUIRY_STATUSES} />
            <option value="all">{t("queue.all")}</option>
          </select>
        </label>
        <label>
          {t("queue.category")}
          <select name="category" defaultValue={filter.category ?? ""}>
            <option value="">{t("queue.any")}</option>
            {INQUIRY_CATEGORIES.map((category) => (
              <option key={category} value={category}>
                {t(`inquiries:category.${category}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("queue.language")}
          <select name="language" defaultValue={filter.language ?? ""}>
            <option value="">{t("queue.any")}</option>
            <option value="ja">日本語</option>
            <option value="en">English</option>
          </select>
        </label>
        <label>
          {t("queue.assignee")}
          <select name="assignee" defaultValue={filter.assignee ?? ""}>
            <option value="">{t("queue.anyone")}</option>
            <option value="me">{t("queue.me")}</option>
            <option value="none">{t("queue.unassigned")}</option>
            <AgentOptions agents={agents} />
          </select>
        </label>
        <label>
          <input type="checkbox" name="overdue" value="1" defaultChecked={filter.overdue} /> {t("queue.overdueOnly")}
        </label>
        <button type="submit">{t("queue.apply")}</button>
      </Form>
      {rows.length === 0 ? (
        <p>{t("queue.empty")}</p>
      ) : (
        <table className="queue-table">
          <caption>{t("queue.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("queue.reference")}</th>
              <th scope="col">{t("queue.category")}</th>
              <th scope="col">{t("queue.language")}</th>
              <th scope="col">{t("queue.status")}</th>
              <th scope="col">{t("queue.assignee")}</th>
              <th scope="col">{t("queue.due")}</th>
              <th scope="col">{t("queue.lastActivity")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.reference}>
                <td>
                  <Link to={`/staff/inquiries/${row.reference}`}>{row.reference}</Link>
                </td>
                <td>{t(`inquiries:category.${row.category}`)}</td>
                <td>{row.language === "en" ? "English" : "日本語"}</td>
                <td>{t(`inquiries:status.${row.status}`)}</td>
                <td>{row.assignee ?? t("queue.unassigned")}</td>
                <td>
                  {row.dueAt ? <>{row.dueAt} · </> : null}
                  <SlaBadge standing={row.standing} />
                </td>
                <td>{row.lastActivityAt}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <QueuePager next={search.next} first={laterPage ? search.first : null} labels={{ next: t("queue.nextPage"), first: t("queue.firstPage") }} />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
