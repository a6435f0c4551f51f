// One revision of the notice: its label, date, summary, timeline and the company's
// and customers' actions. The HTML fields come sanitised from the server (ADR 004).
import { useTranslation } from "react-i18next";
import type { RevisionView } from "~/models/notice.server";
import { formatDate, formatDateTime } from "~/utils/format";
import { RevisionLabel } from "./revision-label";

/**
 * Ordered for a worried reader: what happened, what of theirs was exposed (children),
 * what to do now, what the company did, then the detailed timeline.
 */
export function RevisionBody({
  revision,
  timeZone,
  children,
}: {
  revision: RevisionView;
  timeZone: string;
  children?: React.ReactNode;
}) {
  const { t, i18n } = useTranslation("notice");
  return (
    <article className="revision" aria-labelledby="revision-title">
      <p className="revision-meta">
        <span className="revision-label">
          <RevisionLabel revision={revision} />
        </span>{" "}
        <time dateTime={revision.publishedAt}>
          {t("published", { date: formatDate(revision.publishedAt, i18n.language, timeZone) })}
        </time>
      </p>
      <h1 id="revision-title">{revision.title}</h1>
      <section aria-labelledby="summary-heading">
        <h2 id="summary-heading">{t("summary")}</h2>
        <div className="prose" dangerouslySetInnerHTML={{ __html: revision.summaryHtml }} />
      </section>
      {children}
      <section aria-labelledby="customer-actions-heading">
        <h2 id="customer-actions-heading">{t("customerActions")}</h2>
        <div className="prose" dangerouslySetInnerHTML={{ __html: revision.customerActionsHtml }} />
      </section>
      <section aria-labelledby="actions-taken-heading">
        <h2 id="actions-taken-heading">{t("actionsTaken")}</h2>
        <div className="prose" dangerouslySetInnerHTML={{ __html: revision.actionsTakenHtml }} />
      </section>
      {revision.timeline.length > 0 ? (
        <section aria-labelledby="timeline-heading">
          <h2 id="timeline-heading">{t("timeline")}</h2>
          <ol className="timeline">
            {revision.timeline.map((entry) => (
              <li key={entry.occurredAt + entry.text}>
                <time dateTime={entry.occurredAt}>{formatDateTime(entry.occurredAt, i18n.language, timeZone)}</time>
                <span>{entry.text}</span>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </article>
  );
}
