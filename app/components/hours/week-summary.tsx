// One schedule's week as the public desk block shows it ("月〜金 9:00〜18:00", "祝日 休業").
import { useTranslation } from "react-i18next";
import type { OpenInterval, WeekdayGroup } from "~/domain/business-hours";
import type { HolidayRuleKind } from "~/domain/desk/desk-view";
import { formatDays, formatInterval } from "~/utils/format";

export function WeekSummary({
  groups,
  holidayRule,
  holidayIntervals,
}: {
  groups: WeekdayGroup[];
  holidayRule: HolidayRuleKind;
  holidayIntervals: OpenInterval[];
}) {
  const { t } = useTranslation("staff-hours");
  const hours = (intervals: OpenInterval[]) =>
    intervals.length === 0 ? t("week.closed") : intervals.map((interval) => formatInterval(interval, t)).join(", ");
  const holidays = holidayRule === "closed" ? t("week.closed") : holidayRule === "as-weekday" ? t("week.holidayAsWeekday") : hours(holidayIntervals);
  return (
    <dl className="hours-week">
      {groups.map((group) => (
        <div key={group.days.join()} className="hours-week-row">
          <dt>{formatDays(group.days, t)}</dt>
          <dd>{hours(group.intervals)}</dd>
        </div>
      ))}
      <div className="hours-week-row">
        <dt>{t("week.holidays")}</dt>
        <dd>{holidays}</dd>
      </div>
    </dl>
  );
}
