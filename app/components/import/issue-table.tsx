// A page of a run's line issues, each reason explained in the reader's language: a rejected
// file's bad lines, or the lines a completed run left out (kind "skipped").
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { issueMessage } from "~/domain/import/reasons";

export function ImportIssueTable({
  issues,
  page,
  pages,
  kind = "errors",
}: {
  issues: Array<{ line: number; reason: string; detail: string | null }>;
  page: number;
  pages: number;
  kind?: "errors" | "skipped";
}) {
  const { t } = useTranslation("staff-import");
  return (
    <>
      <div className="table-scroll">
        <table className="data" data-testid="import-issues">
          <caption>{t(kind === "skipped" ? "run.skippedCaption" : "run.errorsCaption", { page, pages })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("run.line")}</th>
              <th scope="col">{t(kind === "skipped" ? "run.skippedReason" : "run.problem")}</th>
            </tr>
          </thead>
          <tbody>
            {issues.map((issue) => {
              const { key, values } = issueMessage(issue.reason, issue.detail);
              return (
                <tr key={`${issue.line}-${issue.reason}`}>
                  <th scope="row">{issue.line}</th>
                  <td>
                    {t(key, values)} <code>{issue.reason}</code>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {pages > 1 ? (
        <nav aria-label={t("run.errorsCaption", { page, pages })}>
          {page > 1 ? <Link to={`?page=${page - 1}`}>{t("run.previous")}</Link> : null}{" "}
          {page < pages ? <Link to={`?page=${page + 1}`}>{t("run.next")}</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
