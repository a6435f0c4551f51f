// One import run: live progress while it works (the page revalidates every second), then
// its outcome: the counts, or every bad line with its reason, a hundred to a page; a completed
// run lists the same way the lines it skipped because their people were erased on request.
import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ImportIssueTable } from "~/components/import/issue-table";
import { useLiveRevalidation } from "~/components/use-live-revalidation";
import { isLiveStatus } from "~/domain/import/run-status";
import { percentRead } from "~/components/import/run-table";
import { getConfig } from "~/config.server";
import { i18next } from "~/i18n/i18next.server";
import { countRunIssues, getRun, listRunIssues, retireStaleRuns } from "~/models/import/runs.server";
import { formatDateTime } from "~/utils/format";
import { requireStaff } from "~/utils/guards.server";
import { titleOr } from "~/utils/page-title";
import { notFound } from "~/utils/http-errors.server";

export const handle = { i18n: ["common", "staff", "staff-import"] };
export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

const PAGE_SIZE = 100;

export async function loader(args: LoaderFunctionArgs) {
  await requireStaff(args, "manage:affected-records");
  // The page polls a live run: one whose process died reads as abandoned once its heartbeat is stale.
  await retireStaleRuns();
  const run = await getRun(args.params.runId ?? "");
  if (!run) throw notFound();
  const listed = run.status === "rejected" || (run.status === "completed" && run.linesSkipped > 0);
  // A line can have several problems: the pages count problems, not lines.
  const pages = listed ? Math.max(1, Math.ceil((await countRunIssues(run.id)) / PAGE_SIZE)) : 1;
  const asked = Number(new URL(args.request.url).searchParams.get("page") ?? "1");
  const page = Number.isInteger(asked) ? Math.min(Math.max(asked, 1), pages) : 1;
  const issues = listed ? await listRunIssues(run.id, { skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE }) : [];
  const t = await i18next.getFixedT(args.request, "staff-import");
  return { title: t("staff:pageTitle", { page: t("run.title", { file: run.fileName }) }), run, issues, page, pages, timeZone: getConfig().DESK_TIME_ZONE };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleOr(data?.title, matches);

function megabytes(bytes: number): string {
  return `${(bytes / 1_048_576).toFixed(1)} MB`;
}

export default function ImportRunPage() {
  const { run, issues, page, pages, timeZone } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("staff-import");
  const live = isLiveStatus(run.status);
  useLiveRevalidation(live);
  const when = (date: Date) => formatDateTime(date, i18n.language, timeZone);
  return (
    <>
      <p>
        <Link to="/staff/import">{t("run.back")}</Link>
      </p>
      <h1>{t("run.title", { file: run.fileName })}</h1>
      <p>
        {t("run.started", { at: when(run.startedAt) })}
        {run.finishedAt ? ` / ${t("run.finished", { at: when(run.finishedAt) })}` : null}
      </p>
      <p role="status" data-testid="import-status">
        <strong>{t(`status.${run.status}`)}</strong>
      </p>
      {live ? (
        <>
          <progress max={100} value={percentRead(run)} aria-label={t("run.progressLabel")} />
          <p>{t("run.progress", { read: megabytes(run.bytesRead), total: megabytes(run.bytesTotal), lines: run.linesRead, bad: run.errorCount })}</p>
          <p>{t("run.live")}</p>
        </>
      ) : null}
      {run.status === "completed" ? (
        <p className="form-message" data-testid="import-outcome">
          {t("run.completed", {
            created: run.customersCreated,
            updated: run.customersUpdated,
            exposures: run.exposuresWritten,
            lines: run.linesRead,
          })}
        </p>
      ) : null}
      {run.status === "completed" && run.linesSkipped > 0 ? (
        <>
          <p data-testid="import-skipped">{t("run.skipped", { count: run.linesSkipped })}</p>
          <ImportIssueTable issues={issues} page={page} pages={pages} kind="skipped" />
        </>
      ) : null}
      {run.status === "failed" ? <p className="form-message is-error">{t("run.failed", { failure: run.failure ?? "" })}</p> : null}
      {run.status === "abandoned" ? <p className="form-message is-error">{t("run.abandoned")}</p> : null}
      {run.status === "rejected" ? (
        <>
          <p className="form-message is-error" data-testid="import-outcome">
            {t("run.rejected", { count: run.errorCount })}
          </p>
          <ImportIssueTable issues={issues} page={page} pages={pages} />
        </>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
