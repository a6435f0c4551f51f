// How an inquiry stands against its due time, as staff read it in the queue and the thread.
import { useTranslation } from "react-i18next";
import type { SlaStanding } from "~/domain/inquiries/sla";

export function businessDuration(minutes: number, t: (key: string, options?: Record<string, unknown>) => string): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return t("duration.minutes", { count: rest });
  if (rest === 0) return t("duration.hours", { count: hours });
  return t("duration.hoursMinutes", { hours, minutes: rest });
}

export function SlaBadge({ standing }: { standing: SlaStanding }) {
  const { t } = useTranslation("staff-inquiries");
  if (standing.kind === "stopped") return <span>{t("sla.stopped")}</span>;
  const duration = businessDuration(standing.businessMinutes, t);
  return standing.overdue ? <strong className="is-overdue">{t("sla.overdue", { duration })}</strong> : <span>{t("sla.remaining", { duration })}</span>;
}
