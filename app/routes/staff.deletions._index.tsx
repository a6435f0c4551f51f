// The privacy officer's queue of deletion requests: nearest deadline first, with overdue
// flags, counts per status, filters in the URL and the manifest downloads.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ReferenceFinder } from "~/components/reference-finder";
import { QueuePager, StatusCounts } from "~/components/queue-navigation";
import { getConfig } from "~/config.server";
import { daysLeft, lastDayOf } from "~/domain/deletions/deadline";
import { deletionQueueSearch, parseDeletionQueueFilter } from "~/domain/deletions/queue-filter";
import { DELETION_STATUSES, isOpen, isOverdue } from "~/domain/deletions/status";
import { getLanguage, i18next } from "~/i18n/i18next.server";
import { getDeletionQueue } from "~/models/deletions/staff-requests.server";
import { formatDateTime, formatLocalDate } from "~/utils/format";
import { findsOf } from "~/models/find-by-reference.server";
import { requireStaff } from "~/utils/guards.server";
import { titleOr } from "~/utils/page-title";

export const handle = { i18n: ["common", "staff", "staff-deletions", "deletion"] };

export async function loader(args: LoaderFunctionArgs) {
  const staff = await requireStaff(args, "decide:deletion");
  const filter = parseDeletionQueueFilter(new URL(args.request.url).searchParams);
  const now = new Date();
  const [page, language, t] = await Promise.all([getDeletionQueue(filter, now), getLanguage(args.request), i18next.getFixedT(args.request, "staff-deletions")]);
  const timeZone = getConfig().DESK_TIME_ZONE;
  return {
    title: t("staff:pageTitle", { page: t("queue.title") }),
    finds: findsOf(staff.role),
    filter: { status: filter.status, overdue: filter.overdue },
    laterPage: filter.cursor !== null,
    search: { first: deletionQueueSearch(filter), next: page.next ? deletionQueueSearch(filter, { cursor: page.next }) : null },
    statusLinks: Object.fromEntries(DELETION_STATUSES.map((status) => [status, deletionQueueSearch(filter, { status, overdue: false })])),
    overdueLink: deletionQueueSearch(filter, { status: "open", overdue: true }),
    counts: page.counts,
    overdue: page.overdue,
    rows: page.rows.map((row) => ({
      reference: row.reference,
      status: row.status,
      language: row.language,
      decidedBy: row.decidedBy,
      receivedAt: formatDateTime(row.receivedAt, language, timeZone),
      lastDay: formatLocalDate(lastDayOf(row.dueAt, timeZone), language, { withYear: true }),
      // Only a request still open counts down; one that ended has no deadline left.
      daysLeft: isOpen(row.status) ? daysLeft(row.dueAt, now, timeZone) : null,
      overdue: isOverdue(row, now),
    })),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleOr(data?.title, matches);

function Deadline({ lastDay, left, overdue }: { lastDay: string; left: number | null; overdue: boolean }) {
  const { t } = useTranslation("staff-deletions");
  if (left === null) return <>{lastDay}</>;
  const label = overdue ? t("queue.overdue", { count: Math.max(-left, 1) }) : left === 0 ? t("queue.dueToday") : t("queue.daysLeft", { count: left });
  return (
    <>
      {lastDay} · <span className={overdue ? "is-overdue" : undefined}>{label}</span>
    </>
  );
}

export default function DeletionQueuePage() {
  const { finds, filter, laterPage, search, statusLinks, overdueLink, counts, overdue, rows } = useLoaderData<typeof loader>();
  const { t } = useTranslation("staff-deletions");
  const { search: query } = useLocation();
  return (
    <>
      <h1>{t("queue.title")}</h1>
      <p>{t("queue.intro")}</p>
      {finds ? <ReferenceFinder finds={finds} /> : null}
      <StatusCounts
        heading={t("queue.countsLabel")}
        statuses={DELETION_STATUSES.map((status) => ({
          status,
          to: statusLinks[status]!,
          label: t("queue.count", { status: t(`deletion:state.${status}.label`), count: counts[status] }),
        }))}
        overdue={{ to: overdueLink, count: overdue, label: t("queue.overdueCount", { count: overdue }) }}
      />
      {/* Keyed on the query: a count or pager link to this same page must rebuild the selects from it. */}
      <Form method="get" className="queue-filters" aria-label={t("queue.filtersLabel")} key={query}>
        <label>
          {t("queue.status")}
          <select name="status" defaultValue={filter.status}>
            <option value="open">{t("queue.open")}</option>
            {DELETION_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`deletion:state.${status}.label`)}
              </option>
            ))}
            <option value="all">{t("queue.all")}</option>
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
              <th scope="col">{t("queue.status")}</th>
              <th scope="col">{t("queue.received")}</th>
              <th scope="col">{t("queue.deadline")}</th>
              <th scope="col">{t("queue.language")}</th>
              <th scope="col">{t("queue.decidedBy")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.reference}>
                <td>
                  <Link to={`/staff/deletions/${row.reference}`}>{row.reference}</Link>
                </td>
                <td>{t(`deletion:state.${row.status}.label`)}</td>
                <td>{row.receivedAt}</td>
                <td>
                  <Deadline lastDay={row.lastDay} left={row.daysLeft} overdue={row.overdue} />
                </td>
                <td>{row.language === "en" ? "English" : "日本語"}</td>
                <td>{row.decidedBy ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <QueuePager next={search.next} first={laterPage ? search.first : null} labels={{ next: t("queue.nextPage"), first: t("queue.firstPage") }} />
      <section aria-labelledby="manifest-heading">
        <h2 id="manifest-heading">{t("queue.manifest")}</h2>
        <ul>
          <li>
            <a href="/staff/deletions/manifest?format=jsonl" download>
              {t("queue.downloadJsonl")}
            </a>
          </li>
          <li>
            <a href="/staff/deletions/manifest?format=csv" download>
              {t("queue.downloadCsv")}
            </a>
          </li>
        </ul>
        <p>{t("queue.manifestAudited")}</p>
      </section>
      <p>
        <Link to="/staff/deletions/settings">{t("queue.settings")}</Link>
      </p>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
