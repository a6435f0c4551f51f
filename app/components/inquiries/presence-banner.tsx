// Who else has the inquiry open and what changed since this page was loaded, refreshed
// every few seconds from the presence route while the page is open.
import { Link, useFetcher } from "@remix-run/react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";

export interface PresenceView {
  version: number;
  viewers: Array<{ name: string }>;
  recentReply: { author: string; at: string; kind: "reply" | "note" } | null;
}

const CHECK_IN_MS = 10_000;

export function PresenceBanner({ reference, loaded, loadedVersion }: { reference: string; loaded: PresenceView; loadedVersion: number }) {
  const { t } = useTranslation("staff-inquiries");
  const fetcher = useFetcher<PresenceView>();
  const { load } = fetcher;
  useEffect(() => {
    const timer = setInterval(() => load(`/staff/inquiries/${reference}/presence`), CHECK_IN_MS);
    return () => clearInterval(timer);
  }, [reference, load]);
  const presence = fetcher.data ?? loaded;
  const changed = presence.version !== loadedVersion;
  if (presence.viewers.length === 0 && !presence.recentReply && !changed) return null;
  return (
    <div className="presence" role="status">
      {presence.viewers.length > 0 ? <p>{t("presence.viewing", { names: presence.viewers.map((viewer) => viewer.name).join(", ") })}</p> : null}
      {presence.recentReply ? (
        <p>
          {t(presence.recentReply.kind === "note" ? "presence.recentNote" : "presence.recentReply", {
            name: presence.recentReply.author,
            time: presence.recentReply.at,
          })}
        </p>
      ) : null}
      {changed ? (
        <p>
          {t("presence.changed")} <Link to=".">{t("presence.reload")}</Link>
        </p>
      ) : null}
    </div>
  );
}
