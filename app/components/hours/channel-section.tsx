// One channel on the business-hours page: name and contact, its schedules, its closures
// and the preview of the next days.
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { ChannelOverview, ClosureSummary, Period, ScheduleSummary } from "~/domain/hours-editor/overview";
import { useDateRange } from "./date-range";
import { PreviewTable } from "./preview-table";
import { WeekSummary } from "./week-summary";

export function PeriodTag({ period }: { period: Period }) {
  const { t } = useTranslation("staff-hours");
  return <span className={`hours-tag is-${period}`}>{t(`period.${period}`)}</span>;
}

function ScheduleItem({ schedule }: { schedule: ScheduleSummary }) {
  const { t } = useTranslation("staff-hours");
  const dateRange = useDateRange();
  const range = dateRange(schedule.effectiveFrom, schedule.effectiveUntil);
  const headingId = `schedule-${schedule.id}`;
  return (
    <article className={`hours-schedule is-${schedule.period}`} aria-labelledby={headingId}>
      <h4 id={headingId}>
        <PeriodTag period={schedule.period} /> {range}
      </h4>
      <WeekSummary groups={schedule.groups} holidayRule={schedule.holidayRule} holidayIntervals={schedule.holidayIntervals} />
      <p className="hours-actions">
        <Link to={`/staff/hours/schedules/${schedule.id}/edit`} aria-label={`${t("schedules.edit")}${t("schedules.which", { range })}`}>
          {t("schedules.edit")}
        </Link>
        <Link to={`/staff/hours/schedules/${schedule.id}/delete`} aria-label={`${t("schedules.delete")}${t("schedules.which", { range })}`}>
          {t("schedules.delete")}
        </Link>
      </p>
    </article>
  );
}

export function ClosureList({ closures, emptyText }: { closures: ClosureSummary[]; emptyText: string }) {
  const { t, i18n } = useTranslation("staff-hours");
  const dateRange = useDateRange();
  if (closures.length === 0) return <p>{emptyText}</p>;
  return (
    <ul className="hours-closures">
      {closures.map((closure) => {
        const range = dateRange(closure.startsOn, closure.endsOn);
        const reason = i18n.language === "ja" ? closure.reasonJa : closure.reasonEn;
        return (
          <li key={closure.id} className={`is-${closure.period}`}>
            <PeriodTag period={closure.period} /> {t("closures.item", { range, reason })}{" "}
            <Link to={`/staff/hours/closures/${closure.id}/delete`} aria-label={`${t("closures.delete")}${t("closures.which", { range, reason })}`}>
              {t("closures.delete")}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

export function ChannelSection({ channel, today }: { channel: ChannelOverview; today: string }) {
  const { t, i18n } = useTranslation("staff-hours");
  const name = i18n.language === "ja" ? channel.nameJa : channel.nameEn;
  const headingId = `channel-${channel.key}`;
  return (
    <section className="hours-channel" aria-labelledby={headingId} id={`hours-${channel.key}`}>
      <h2 id={headingId}>{name}</h2>
      <p className="hours-contact">
        <span>{t("channel.contact", { kind: t(`kind.${channel.kind}`), contact: channel.contact })}</span>{" "}
        <Link to={`/staff/hours/channels/${channel.key}/edit`} aria-label={`${t("channel.edit")}${t("channel.which", { name })}`}>
          {t("channel.edit")}
        </Link>
      </p>

      <h3>{t("schedules.heading")}</h3>
      {channel.schedules.length === 0 ? (
        <p>{t("schedules.none")}</p>
      ) : (
        <div className="hours-schedules">
          {channel.schedules.map((schedule) => (
            <ScheduleItem key={schedule.id} schedule={schedule} />
          ))}
        </div>
      )}
      <p>
        <Link className="button" to={`/staff/hours/channels/${channel.key}/schedules/new`} aria-label={`${t("schedules.add")}${t("channel.which", { name })}`}>
          {t("schedules.add")}
        </Link>
      </p>

      <h3>{t("closures.heading")}</h3>
      <ClosureList closures={channel.closures} emptyText={t("closures.none")} />
      <p>
        <Link to={`/staff/hours/closures/new?channel=${channel.key}`} aria-label={`${t("closures.addForChannel")}${t("channel.which", { name })}`}>
          {t("closures.addForChannel")}
        </Link>
      </p>

      <h3>{t("preview.heading", { days: channel.preview.length })}</h3>
      <PreviewTable channelName={name} days={channel.preview} today={today} />
    </section>
  );
}
