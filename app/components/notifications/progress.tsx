// Where a campaign's people stand, and the time left at its pace; refreshed while it sends.
import { useTranslation } from "react-i18next";
import type { RecipientStatus } from "~/domain/notifications/status";

const ROWS: Array<[RecipientStatus, string]> = [
  ["sent", "progress.sent"],
  ["queued", "progress.queued"],
  ["waiting", "progress.waiting"],
  ["bounced", "progress.bounced"],
  ["failed", "progress.failed"],
  ["left-out", "progress.leftOutLater"],
  ["cancelled", "progress.cancelled"],
];

export function Progress({
  counts,
  inList,
  leftOut,
  minutesLeft,
  paused,
}: {
  counts: Record<RecipientStatus, number>;
  inList: number;
  leftOut: number;
  minutesLeft: number | null;
  paused: boolean;
}) {
  const { t, i18n } = useTranslation("staff-notifications");
  const number = (value: number) => value.toLocaleString(i18n.language);
  return (
    <section aria-labelledby="progress-heading">
      <h2 id="progress-heading">{t("progress.heading")}</h2>
      <table className="progress-table">
        <caption className="visually-hidden">{t("progress.caption")}</caption>
        <tbody>
          <tr>
            <th scope="row">{t("progress.inList")}</th>
            <td data-testid="progress-in-list">{number(inList)}</td>
          </tr>
          {ROWS.map(([status, label]) => (
            <tr key={status}>
              <th scope="row">{t(label)}</th>
              <td data-testid={`progress-${status}`}>{number(counts[status])}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">{t("progress.leftOut")}</th>
            <td data-testid="progress-left-out">{number(leftOut)}</td>
          </tr>
        </tbody>
      </table>
      {paused ? <p>{t("progress.pausedNote")}</p> : null}
      {minutesLeft !== null ? <p>{minutesLeft > 0 ? t("progress.timeLeft", { count: minutesLeft }) : t("progress.timeLeftNone")}</p> : null}
    </section>
  );
}
