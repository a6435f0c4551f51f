// Where a campaign's people stand, and the time left at its pace. While it sends or is paused
// the figures are read again every second from their own address, so what the officer reads
// elsewhere on the page (an answer, a preview) stays; when someone else changes the campaign,
// the page itself is read again.
import { useFetcher, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import type { RecipientStatus } from "~/domain/notifications/status";
import type { CampaignProgress } from "~/models/notifications/recipients.server";

const ROWS: Array<[RecipientStatus, string]> = [
  ["sent", "progress.sent"],
  ["queued", "progress.queued"],
  ["waiting", "progress.waiting"],
  ["bounced", "progress.bounced"],
  ["failed", "progress.failed"],
  ["left-out", "progress.leftOutLater"],
  ["cancelled", "progress.cancelled"],
];

const REFRESH_MS = 1_000;

export function LiveProgress({
  campaignId,
  status,
  version,
  initial,
  inList,
  leftOut,
}: {
  campaignId: string;
  status: string;
  version: number;
  initial: CampaignProgress;
  inList: number;
  leftOut: number;
}) {
  const fetcher = useFetcher<{ version: number; progress: CampaignProgress | null }>();
  const revalidator = useRevalidator();
  const live = status === "sending" || status === "paused";
  const { load } = fetcher;
  useEffect(() => {
    if (!live || fetcher.state !== "idle") return;
    const timer = setTimeout(() => load(`/staff/notifications/${campaignId}/progress`), REFRESH_MS);
    return () => clearTimeout(timer);
  }, [live, fetcher.state, fetcher.data, load, campaignId]);
  const latest = fetcher.data;
  const newer = latest !== undefined && latest.version > version;
  useEffect(() => {
    if (newer && revalidator.state === "idle") revalidator.revalidate();
  }, [newer, revalidator]);
  return <Progress {...(latest?.progress && !newer ? latest.progress : initial)} inList={inList} leftOut={leftOut} paused={status === "paused"} />;
}

function Progress({ counts, minutesLeft, inList, leftOut, paused }: CampaignProgress & { inList: number; leftOut: number; paused: boolean }) {
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
