// The inquiry desk block shown on every public page: each channel, open now or not,
// when that changes, this period's hours, an announced change and coming closures.
import { useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import type { ChannelView, WeekView } from "~/domain/desk/desk-view";
import type { DeskView } from "~/models/desk.server";
import { formatDateTime, formatDays, formatInterval, formatLocalDate } from "~/utils/format";

export function DeskBlock({ desk }: { desk: DeskView }) {
  const { t } = useTranslation("desk");
  useRevalidateWhenStatusChanges(desk);
  return (
    <section aria-labelledby="desk-heading" className="desk" id="desk">
      <h2 id="desk-heading">{t("heading")}</h2>
      <p className="desk-intro">{desk.timeZone === "Asia/Tokyo" ? t("intro") : t("intro_tz", { timeZone: desk.timeZone })}</p>
      <div className="desk-channels">
        {desk.channels.map((channel) => (
          <ChannelCard key={channel.key} channel={channel} timeZone={desk.timeZone} />
        ))}
      </div>
    </section>
  );
}

/**
 * The page may come from a cache, or stay open for hours; once the earliest change of
 * state has passed, the loaders are asked again so "open now" never goes stale.
 */
function useRevalidateWhenStatusChanges(desk: DeskView) {
  const revalidator = useRevalidator();
  const nextChange = Math.min(...desk.channels.flatMap((channel) => (channel.changesAt ? [Date.parse(channel.changesAt)] : [])));
  useEffect(() => {
    if (!Number.isFinite(nextChange)) return;
    const wait = Math.max(0, nextChange - Date.now()) + 1_000;
    // Timers longer than ~24.8 days overflow; a page open that long revalidates daily.
    const timer = setTimeout(() => revalidator.revalidate(), Math.min(wait, 86_400_000));
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- revalidator changes identity on every state change
  }, [nextChange]);
}

function ChannelCard({ channel, timeZone }: { channel: ChannelView; timeZone: string }) {
  const { t, i18n } = useTranslation("desk");
  const href = channel.kind === "phone" ? `tel:${channel.contact.replace(/[^\d+]/g, "")}` : `mailto:${channel.contact}`;
  const changesAt = channel.changesAt ? formatDateTime(channel.changesAt, i18n.language, timeZone) : null;
  const headingId = `channel-${channel.key}`;
  return (
    <article className="channel" aria-labelledby={headingId}>
      <h3 id={headingId}>{channel.name}</h3>
      <p className="channel-contact">
        <span className="channel-contact-label">{t(`kind.${channel.kind}`)}</span> <a href={href}>{channel.contact}</a>
      </p>
      <p className={`channel-status ${channel.open ? "is-open" : "is-closed"}`} data-testid={`status-${channel.key}`}>
        <strong>{channel.open ? t("status.open") : t("status.closed")}</strong>{" "}
        <span>
          {changesAt === null
            ? channel.open
              ? ""
              : t("status.noUpcoming")
            : channel.open
              ? t("status.closesAt", { time: changesAt })
              : t("status.opensAt", { time: changesAt })}
        </span>
      </p>
      {channel.current ? <WeekTable week={channel.current} title={t("schedule.heading")} /> : null}
      {channel.upcoming ? (
        <WeekTable week={channel.upcoming} title={t("schedule.upcoming", { date: formatLocalDate(channel.upcoming.effectiveFrom, i18n.language) })} upcoming />
      ) : null}
      {channel.closures.length > 0 ? (
        <div className="channel-closures">
          <h4>{t("closures.heading")}</h4>
          <ul>
            {channel.closures.map((closure) => (
              <li key={closure.startsOn}>
                {t("closures.item", {
                  reason: closure.reason,
                  range: t("dateRange", {
                    ns: "common",
                    from: formatLocalDate(closure.startsOn, i18n.language),
                    to: formatLocalDate(closure.endsOn, i18n.language),
                  }),
                })}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </article>
  );
}

function WeekTable({ week, title, upcoming = false }: { week: WeekView; title: string; upcoming?: boolean }) {
  const { t, i18n } = useTranslation("desk");
  const hours = (intervals: WeekView["holidayIntervals"]) =>
    intervals.length === 0 ? t("schedule.closed") : intervals.map((interval) => formatInterval(interval, t)).join(", ");
  const holidays =
    week.holidayRule === "closed" ? t("schedule.closed") : week.holidayRule === "as-weekday" ? t("schedule.holidayAsWeekday") : hours(week.holidayIntervals);
  return (
    <div className={upcoming ? "week week-upcoming" : "week"}>
      <h4>
        {title}
        {!upcoming && week.effectiveUntil ? (
          <span className="week-until"> ({t("schedule.until", { date: formatLocalDate(week.effectiveUntil, i18n.language) })})</span>
        ) : null}
      </h4>
      <dl>
        {week.groups.map((group) => (
          <div key={group.days.join()} className="week-row">
            <dt>{formatDays(group.days, t)}</dt>
            <dd>{hours(group.intervals)}</dd>
          </div>
        ))}
        <div className="week-row">
          <dt>{t("schedule.holidays")}</dt>
          <dd>{holidays}</dd>
        </div>
      </dl>
    </div>
  );
}
