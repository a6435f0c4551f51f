// The entries of one page. The table is wider than a phone, so it scrolls sideways inside
// its own focusable region (keyboard users can scroll it too) instead of widening the page.
import { useTranslation } from "react-i18next";
import { formatDateTime } from "~/utils/format";

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
              <td>{entry.actorEmail ?? t("system")}</td>
              <td className="audit-nowrap">
                <code>{entry.action}</code>
              </td>
              <td>{entry.targetType ? `${entry.targetType} ${entry.targetId ?? ""}` : null}</td>
              <td className="audit-nowrap">{t(`result.${entry.result}`, { defaultValue: entry.result })}</td>
              <td className="audit-nowrap">
                <code>{entry.clientHash}</code>
              </td>
              {/* Stored JSON, shown as the text it is. */}
              <td className="audit-details">{entry.details ? <code>{entry.details}</code> : null}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
