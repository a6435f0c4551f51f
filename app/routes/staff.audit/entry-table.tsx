// The entries of one page: actions by name, times and the instants in details in the desk's
// zone, details folded away until asked for. The table fits a desktop page; on a phone it
// scrolls sideways inside its own focusable region (keyboard users can scroll it too)
// instead of widening the page.
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { auditDetailItems, type DetailValue } from "~/domain/audit/details";
import { formatDateTime, formatFullDateTime } from "~/utils/format";
import { auditActionName } from "./action-name";

export interface AuditEntryRow {
  sequence: number;
  at: Date;
  actorEmail: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  clientHash: string | null;
  result: string;
  details: string | null;
}

export function AuditEntryTable({ entries, timeZone }: { entries: AuditEntryRow[]; timeZone: string }) {
  const { t, i18n } = useTranslation("staff-audit");
  const captionId = "audit-table-caption";
  return (
    <div className="audit-table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="data audit-table">
        <caption id={captionId}>{t("table.caption")}</caption>
        <thead>
          <tr>
            {(["sequence", "at", "actor", "action", "target", "result", "clientHash", "details"] as const).map((column) => (
              <th key={column} scope="col">
                {t(`table.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.sequence}>
              <th scope="row">{entry.sequence}</th>
              <td className="audit-nowrap">
                <time dateTime={entry.at.toISOString()}>{formatDateTime(entry.at, i18n.language, timeZone)}</time>
              </td>
              <td>{entry.actorEmail ? <EmailAddress address={entry.actorEmail} /> : t("system")}</td>
              <td>{auditActionName(entry.action, t)}</td>
              <td className="audit-target">{entry.targetType ? `${entry.targetType} ${entry.targetId ?? ""}` : null}</td>
              <td className="audit-nowrap">{t(`result.${entry.result}`, { defaultValue: entry.result })}</td>
              {/* A hash is read by matching, not word by word: it may break anywhere. */}
              <td className="audit-hash">
                <code>{entry.clientHash}</code>
              </td>
              <td className="audit-details">
                <EntryDetails details={entry.details} timeZone={timeZone} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** An address may break before its "@" rather than widen the table. */
function EmailAddress({ address }: { address: string }) {
  const at = address.lastIndexOf("@");
  if (at <= 0) return <>{address}</>;
  return (
    <>
      {address.slice(0, at)}
      <wbr />
      {address.slice(at)}
    </>
  );
}

/** Closed by default; a <details> opens without script and says whether it is open. */
function EntryDetails({ details, timeZone }: { details: string | null; timeZone: string }) {
  const { t, i18n } = useTranslation("staff-audit");
  const items = auditDetailItems(details);
  if (!items) return null;
  return (
    <details>
      <summary>{t("details.summary")}</summary>
      {/* Text that was never a JSON object has no keys to list. */}
      {items.length === 1 && items[0]!.key === "" ? (
        <p>
          <DetailText value={items[0]!.value} language={i18n.language} timeZone={timeZone} t={t} />
        </p>
      ) : (
        <dl>
          {items.map(({ key, value }) => (
            <div key={key}>
              <dt>
                <code>{key}</code>
              </dt>
              <dd>
                <DetailText value={value} language={i18n.language} timeZone={timeZone} t={t} />
              </dd>
            </div>
          ))}
        </dl>
      )}
    </details>
  );
}

function DetailText({ value, language, timeZone, t }: { value: DetailValue; language: string; timeZone: string; t: TFunction }) {
  // With the year: a detail may name a day months away, such as when a deletion will run.
  if (value.kind === "instant") return <time dateTime={value.iso}>{formatFullDateTime(value.iso, language, timeZone)}</time>;
  if (value.kind === "none") return <>{t("details.empty")}</>;
  return <>{value.text}</>;
}
