import { useTranslation } from "react-i18next";
import type { RevisionSummary } from "~/models/notice.server";
import { formatDate } from "~/utils/format";
import { RevisionLabel } from "./revision-label";

/** Every published revision, newest first, each at its own URL. */
export function RevisionList({ revisions, currentNumber, timeZone }: { revisions: RevisionSummary[]; currentNumber: number | null; timeZone: string }) {
  const { t, i18n } = useTranslation("notice");
  return (
    <nav aria-labelledby="revisions-heading" className="revisions">
      <h2 id="revisions-heading">{t("revisions")}</h2>
      <ol>
        {revisions.map((revision) => (
          <li key={revision.number}>
            <a href={`/notices/${revision.number}`} aria-current={revision.number === currentNumber ? "page" : undefined}>
              <RevisionLabel revision={revision} />
              <time dateTime={revision.publishedAt}>{t("listItemDate", { date: formatDate(revision.publishedAt, i18n.language, timeZone) })}</time>
              {revision.title}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
