// One revision of the notice: its label, date, summary, timeline and the company's
// and customers' actions. The HTML fields come sanitised from the server (ADR 004).
import { useTranslation } from "react-i18next";
import type { RevisionView } from "~/models/notice.server";
import { formatDate, formatDateTime } from "~/utils/format";
import { RevisionLabel } from "./revision-label";

/**
 * Ordered for a worried reader: what happened, what of theirs was exposed (children),
 * what to do now, what the company did, then the detailed timeline. The title comes first,
 * then (`lead`) what people most often came for.
 */
export function RevisionBody({
  revision,
  timeZone,
  lead,
  children,
  idPrefix = "",
}: {
  revision: RevisionView;
  timeZone: string;
  /** Right under the title: the public notice puts the "Am I affected?" form here. */
  lead?: React.ReactNode;
  children?: React.ReactNode;
  /** Keeps ids unique when several revisions share a page (the staff preview shows two). */
  idPrefix?: string;
}) {
  const { t, i18n } = useTranslation("notice");
  return (
    <article className="revision" aria-labelledby={`${idPrefix}revision-title`}>
      <p className="revision-meta">
        <span className="revision-label">
          <RevisionLabel revision={revision} />
        </span>{" "}
        <time dateTime={revision.publishedAt}>{t("published", { date: formatDate(revision.publishedAt, i18n.language, timeZone) })}</time>
      </p>
      <h1 id={`${idPrefix}revision-title`}>{revision.title}</h1>
      {lead}
      <section aria-labelledby={`${idPrefix}summary-heading`}>
        <h2 id={`${idPrefix}summary-heading`}>{t("summary")}</h2>
        <div className="prose" dangerouslySetInnerHTML={{ __html: revision.summaryHtml }} />
      </section>
      {children}
      <section aria-labelledby={`${idPrefix}customer-actions-heading`}>
        <h2 id={`${idPrefix}customer-actions-heading`}>{t("customerActions")}</h2>
        <div className="prose" dangerouslySetInnerHTML={{ __html: revision.customerActionsHtml }} />
      </section>
      <section aria-labelledby={`${idPrefix}actions-taken-heading`}>
        <h2 id={`${idPrefix}actions-taken-heading`}>{t("actionsTaken")}</h2>
        <div className="prose" dangerouslySetInnerHTML={{ __html: revision.actionsTakenHtml }} />
      </section>
      {revision.timeline.length > 0 ? (
        <section aria-labelledby={`${idPrefix}timeline-heading`}>
          <h2 id={`${idPrefix}timeline-heading`}>{t("timeline")}</h2>
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
