// The next days of one channel exactly as customers will see them: the date, whether it is
// a public holiday or closed, and the hours.
import { useTranslation } from "react-i18next";
import type { PreviewDay } from "~/domain/hours-editor/overview";
import { formatInterval, formatLocalDate } from "~/utils/format";

export function PreviewTable({ channelName, days, today }: { channelName: string; days: PreviewDay[]; today: string }) {
  const { t, i18n } = useTranslation("staff-hours");
  const ja = i18n.language === "ja";
  return (
    <div className="hours-preview-wrap">
      <table className="data hours-preview">
        <caption>{t("preview.caption", { name: channelName, days: days.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("preview.date")}</th>
            <th scope="col">{t("preview.hours")}</th>
          </tr>
        </thead>
        <tbody>
          {days.map((day) => (
            <tr key={day.date} className={day.closure || day.intervals.length === 0 ? "is-closed" : undefined}>
              <th scope="row">
                {formatLocalDate(day.date, i18n.language)}
                {day.date === today ? <span className="hours-tag">{t("preview.today")}</span> : null}
                {day.holiday ? <span className="hours-tag">{t("preview.holiday")}</span> : null}
              </th>
              <td>
                {day.closure
                  ? t("preview.closure", { reason: ja ? day.closure.reasonJa : day.closure.reasonEn })
                  : day.intervals.length === 0
                    ? t("preview.noHours")
                    : day.intervals.map((interval) => formatInterval(interval, t)).join(", ")}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
