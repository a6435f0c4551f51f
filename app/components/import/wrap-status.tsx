// The wrap job's run as the import page shows it: how many leaked password hashes are
// wrapped of how many, at what rate, when it will be done, and its last error.
import { useTranslation } from "react-i18next";
import { formatDateTime } from "~/utils/format";

export interface WrapStatusView {
  running: boolean;
  startedAt: string | null;
  finishedAt: string | null;
  total: number;
  done: number;
  lastError: string | null;
  /** Hashes per second over the run so far; null before a run. */
  rate: number | null;
  /** Seconds left at that rate, while running. */
  secondsLeft: number | null;
}

export function WrapStatus({ wrap, timeZone }: { wrap: WrapStatusView; timeZone: string }) {
  const { t, i18n } = useTranslation("staff-import");
  const at = (iso: string) => formatDateTime(iso, i18n.language, timeZone);
  const numbers = new Intl.NumberFormat(i18n.language);
  if (!wrap.startedAt) return <p>{t("wrap.never")}</p>;
  return (
    <>
      <p role="status">
        {wrap.running
          ? t("wrap.running", { done: numbers.format(wrap.done), total: numbers.format(wrap.total) })
          : wrap.finishedAt
            ? t("wrap.finished", { at: at(wrap.finishedAt), done: numbers.format(wrap.done) })
            : t("wrap.waiting")}
      </p>
      {wrap.running ? (
        <>
          <progress max={Math.max(wrap.total, 1)} value={wrap.done} aria-label={t("wrap.progressLabel")} />
          <p>
            {t("wrap.rate", { rate: (wrap.rate ?? 0).toFixed(1) })}
            {wrap.secondsLeft !== null ? ` ${t("wrap.eta", { minutes: Math.ceil(wrap.secondsLeft / 60) })}` : null}
          </p>
        </>
      ) : null}
      <p>{t("wrap.started", { at: at(wrap.startedAt) })}</p>
      {wrap.lastError ? <p className="field-error">{t("wrap.lastError", { error: wrap.lastError })}</p> : null}
    </>
  );
}
