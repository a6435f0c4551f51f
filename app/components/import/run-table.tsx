// The recent import runs: file, where from, status, when, and the outcome in a few words.
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "~/utils/format";

export interface ImportRunRow {
  id: string;
  source: string;
  fileName: string;
  status: string;
  bytesTotal: number;
  bytesRead: number;
  errorCount: number;
  customersCreated: number;
  customersUpdated: number;
  exposuresWritten: number;
  linesSkipped: number;
  startedAt: Date;
}

export function ImportRunTable({ runs, timeZone }: { runs: ImportRunRow[]; timeZone: string }) {
  const { t, i18n } = useTranslation("staff-import");
  return (
    <div className="table-scroll">
      <table className="data">
        <caption>{t("runs.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("runs.file")}</th>
            <th scope="col">{t("runs.source")}</th>
            <th scope="col">{t("runs.status")}</th>
            <th scope="col">{t("runs.started")}</th>
            <th scope="col">{t("runs.result")}</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr key={run.id}>
              <th scope="row">
                <Link to={`/staff/import/${run.id}`}>{run.fileName}</Link>
              </th>
              <td>{t(`source.${run.source}`)}</td>
              <td>{t(`status.${run.status}`)}</td>
              <td>
                <time dateTime={new Date(run.startedAt).toISOString()}>{formatDateTime(run.startedAt, i18n.language, timeZone)}</time>
              </td>
              <td>{runSummary(run, t)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function runSummary(run: ImportRunRow, t: (key: string, values?: Record<string, unknown>) => string): string {
  if (run.status === "completed") {
    const counts = { created: run.customersCreated, updated: run.customersUpdated, exposures: run.exposuresWritten };
    return run.linesSkipped > 0 ? t("summary.completedSkipped", { ...counts, skipped: run.linesSkipped }) : t("summary.completed", counts);
  }
  if (run.status === "rejected") return t("summary.rejected", { count: run.errorCount });
  if (run.status === "reading") return t("summary.running", { percent: percentRead(run) });
  return "";
}

export function percentRead(run: { bytesRead: number; bytesTotal: number }): number {
  return run.bytesTotal > 0 ? Math.min(100, Math.floor((run.bytesRead / run.bytesTotal) * 100)) : 100;
}
