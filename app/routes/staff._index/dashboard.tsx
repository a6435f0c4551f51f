// The dashboard's sections: each figure as a label and a number, the charts with their
// tables, and the exports. Only the sections the loader filled are shown.
import { useTranslation } from "react-i18next";
import { TimeChart } from "~/components/dashboard/time-chart";
import { peakOf } from "~/domain/dashboard/chart-scale";
import { formatDuration, percentOf, type DashboardFigures } from "~/domain/dashboard/figures";
import { formatDateTime, formatLocalDate, formatShortLocalDate } from "~/utils/format";

interface Figure {
  label: string;
  value: string;
  /** A second line under the value, such as a share. */
  note?: string;
}

export function FigureList({ figures, label }: { figures: Figure[]; label: string }) {
  return (
    <dl className="figure-list" aria-label={label}>
      {figures.map((figure) => (
        <div key={figure.label} className="figure">
          <dt>{figure.label}</dt>
          <dd>
            <span className="figure-value">{figure.value}</span>
            {figure.note ? <span className="figure-note">{figure.note}</span> : null}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** Number and duration formats of the reader's language. */
export function useFigureFormat() {
  const { t, i18n } = useTranslation("dashboard");
  const numbers = new Intl.NumberFormat(i18n.language === "ja" ? "ja-JP" : "en-GB", { maximumFractionDigits: 1 });
  return {
    language: i18n.language,
    count: (value: number) => numbers.format(value),
    minutes: (value: number) => formatDuration(value, t),
    /** `part` of `whole` in percent, or null when there is no whole to share (nothing imported yet). */
    share: (part: number, whole: number) => {
      const percent = percentOf(part, whole);
      return percent === null ? null : numbers.format(percent);
    },
  };
}

export function Dashboard({ figures, timeZone, canExport }: { figures: DashboardFigures; timeZone: string; canExport: boolean }) {
  const { t } = useTranslation("dashboard");
  const format = useFigureFormat();
  const { period } = figures;
  const weekly = period.bucketDays === 7;
  const labels = period.buckets.map((day) => formatShortLocalDate(day, format.language));
  const rowLabels = period.buckets.map((day) => formatLocalDate(day, format.language, { withYear: weekly }));
  const dayOf = (index: number | undefined) => (index === undefined ? "" : formatLocalDate(period.buckets[index] ?? "", format.language));
  const query = `from=${period.from}&to=${period.to}`;
  return (
    <section className="dashboard" aria-labelledby="dashboard-heading">
      <h2 id="dashboard-heading">{t("heading")}</h2>
      <p>
        {t("period.shown", {
          from: formatLocalDate(period.from, format.language, { withYear: true }),
          to: formatLocalDate(period.to, format.language, { withYear: true }),
        })}{" "}
        {t("intro", { asOf: formatDateTime(figures.asOf, format.language, timeZone), timeZone })} {weekly ? t("period.perWeek") : t("period.perDay")}
      </p>

      {canExport ? (
        <section aria-labelledby="dashboard-export" className="dashboard-export">
          <h3 id="dashboard-export">{t("export.heading")}</h3>
          <ul>
            <li>
              {/* Plain links: the CSV is a download, the summary a page of its own to print. */}
              <a href={`/staff/figures.csv?${query}`} download>
                {t("export.csv")}
              </a>
            </li>
            <li>
              <a href={`/staff/report?${query}&language=ja`} hrefLang="ja">
                {t("export.reportJa")}
              </a>
            </li>
            <li>
              <a href={`/staff/report?${query}&language=en`} hrefLang="en">
                {t("export.reportEn")}
              </a>
            </li>
          </ul>
          <p className="field-hint">{t("export.hint")}</p>
        </section>
      ) : null}

      {figures.affected ? (
        <section aria-labelledby="dashboard-affected">
          <h3 id="dashboard-affected">{t("affected.heading")}</h3>
          <FigureList label={t("affected.heading")} figures={[{ label: t("affected.people"), value: format.count(figures.affected.people) }]} />
          <div className="dashboard-tables">
            <RecordsTable
              caption={t("affected.byGroup")}
              heading={t("affected.group")}
              rows={figures.affected.byGroup.map((group) => ({
                key: group.key,
                name: format.language === "ja" ? group.nameJa : group.nameEn,
                value: group.records,
              }))}
            />
            <RecordsTable
              caption={t("affected.byCategory")}
              heading={t("affected.category")}
              rows={figures.affected.byCategory.map((category) => ({
                key: category.key,
                name: format.language === "ja" ? category.nameJa : category.nameEn,
                value: category.records,
              }))}
            />
          </div>
          <p className="field-hint">{t("affected.note")}</p>
        </section>
      ) : null}

      {figures.checks ? (
        <section aria-labelledby="dashboard-checks">
          <h3 id="dashboard-checks">{t("checks.heading")}</h3>
          <FigureList
            label={t("checks.heading")}
            figures={[
              {
                label: t("checks.checkedTotal"),
                value: format.count(figures.checks.checkedTotal),
                note: shareNote(figures.affected && format.share(figures.checks.checkedTotal, figures.affected.people), (percent) =>
                  t("checks.share", { percent }),
                ),
              },
              { label: t("checks.checkedInPeriod"), value: format.count(figures.checks.checkedInPeriod) },
            ]}
          />
          <TimeChart
            kind="bars"
            title={t("checks.chart")}
            description={t("checks.chartDescription", {
              total: format.count(figures.checks.checkedInPeriod),
              max: format.count(peakOf(figures.checks.perBucket)?.value ?? 0),
              day: dayOf(peakOf(figures.checks.perBucket)?.index),
            })}
            labels={labels}
            rowLabels={rowLabels}
            weekly={weekly}
            series={[{ name: t("checks.chart"), values: figures.checks.perBucket }]}
            format={format.count}
          />
        </section>
      ) : null}

      {figures.passwords ? (
        <section aria-labelledby="dashboard-passwords">
          <h3 id="dashboard-passwords">{t("passwords.heading")}</h3>
          <FigureList
            label={t("passwords.heading")}
            figures={[
              { label: t("passwords.changedTotal"), value: format.count(figures.passwords.changedTotal) },
              { label: t("passwords.changedInPeriod"), value: format.count(figures.passwords.changedInPeriod) },
              { label: t("passwords.accounts"), value: format.count(figures.passwords.accountsWithLeakedPassword) },
              {
                label: t("passwords.leakedChanged"),
                value: format.count(figures.passwords.accountsWithLeakedPassword - figures.passwords.leakedOnly),
                note: shareNote(
                  format.share(figures.passwords.accountsWithLeakedPassword - figures.passwords.leakedOnly, figures.passwords.accountsWithLeakedPassword),
                  (percent) => `${percent}%`,
                ),
              },
              { label: t("passwords.leakedOnly"), value: format.count(figures.passwords.leakedOnly) },
            ]}
          />
          <TimeChart
            kind="line"
            title={t("passwords.chart")}
            description={t("passwords.chartDescription", {
              last: format.count(figures.passwords.changedByBucketEnd.at(-1) ?? 0),
              accounts: format.count(figures.passwords.accountsWithLeakedPassword),
              percent: format.share(figures.passwords.changedByBucketEnd.at(-1) ?? 0, figures.passwords.accountsWithLeakedPassword) ?? "0",
            })}
            labels={labels}
            rowLabels={rowLabels}
            weekly={weekly}
            top={figures.passwords.accountsWithLeakedPassword}
            series={[{ name: t("passwords.series"), values: figures.passwords.changedByBucketEnd }]}
            format={format.count}
          />
        </section>
      ) : null}

      {figures.inquiries ? (
        <section aria-labelledby="dashboard-inquiries">
          <h3 id="dashboard-inquiries">{t("inquiries.heading")}</h3>
          <FigureList
            label={t("inquiries.heading")}
            figures={[
              { label: t("inquiries.received"), value: format.count(figures.inquiries.receivedInPeriod) },
              { label: t("inquiries.answered"), value: format.count(figures.inquiries.answeredInPeriod) },
              { label: t("inquiries.open"), value: format.count(figures.inquiries.openNow) },
              { label: t("inquiries.waiting"), value: format.count(figures.inquiries.waitingOnCustomerNow) },
              { label: t("inquiries.overdue"), value: format.count(figures.inquiries.overdueNow) },
              {
                label: t("inquiries.median"),
                value:
                  figures.inquiries.medianFirstResponseMinutes === null
                    ? t("inquiries.medianNone")
                    : format.minutes(figures.inquiries.medianFirstResponseMinutes),
              },
            ]}
          />
          <TimeChart
            kind="bars"
            title={t("inquiries.chart")}
            description={t("inquiries.chartDescription", {
              received: format.count(figures.inquiries.receivedInPeriod),
              answered: format.count(figures.inquiries.answeredInPeriod),
            })}
            labels={labels}
            rowLabels={rowLabels}
            weekly={weekly}
            series={[
              { name: t("inquiries.seriesReceived"), values: figures.inquiries.receivedPerBucket },
              { name: t("inquiries.seriesAnswered"), values: figures.inquiries.answeredPerBucket },
            ]}
            format={format.count}
          />
          <TimeChart
            kind="line"
            title={t("inquiries.backlogChart")}
            description={t("inquiries.backlogDescription", {
              first: format.count(figures.inquiries.awaitingFirstAnswerByBucketEnd[0] ?? 0),
              last: format.count(figures.inquiries.awaitingFirstAnswerByBucketEnd.at(-1) ?? 0),
              max: format.count(peakOf(figures.inquiries.awaitingFirstAnswerByBucketEnd)?.value ?? 0),
              day: dayOf(peakOf(figures.inquiries.awaitingFirstAnswerByBucketEnd)?.index),
            })}
            labels={labels}
            rowLabels={rowLabels}
            weekly={weekly}
            series={[{ name: t("inquiries.seriesBacklog"), values: figures.inquiries.awaitingFirstAnswerByBucketEnd }]}
            format={format.count}
          />
        </section>
      ) : null}

      {figures.deletions ? (
        <section aria-labelledby="dashboard-deletions">
          <h3 id="dashboard-deletions">{t("deletions.heading")}</h3>
          <FigureList
            label={t("deletions.heading")}
            figures={[
              { label: t("deletions.received"), value: format.count(figures.deletions.receivedInPeriod) },
              { label: t("deletions.completed"), value: format.count(figures.deletions.completedInPeriod) },
              { label: t("deletions.refused"), value: format.count(figures.deletions.refusedInPeriod) },
              { label: t("deletions.open"), value: format.count(figures.deletions.openNow) },
              { label: t("deletions.overdue"), value: format.count(figures.deletions.overdueNow) },
            ]}
          />
        </section>
      ) : null}

      {figures.notifications ? <NotificationSection figures={figures.notifications} /> : null}
    </section>
  );
}

const CAMPAIGN_COLUMNS = ["inList", "sent", "bounced", "failed", "pending", "leftOut"] as const;

/** How far the notification to each person has reached: people once each, then each campaign. */
function NotificationSection({ figures }: { figures: NonNullable<DashboardFigures["notifications"]> }) {
  const { t } = useTranslation("dashboard");
  const format = useFigureFormat();
  const { people } = figures;
  const share = (part: number) => shareNote(format.share(part, people.listed), (percent) => t("notifications.share", { percent }));
  return (
    <section aria-labelledby="dashboard-notifications">
      <h3 id="dashboard-notifications">{t("notifications.heading")}</h3>
      <FigureList
        label={t("notifications.heading")}
        figures={[
          { label: t("notifications.listed"), value: format.count(people.listed) },
          { label: t("notifications.mailed"), value: format.count(people.mailed), note: share(people.mailed) },
          { label: t("notifications.unreachable"), value: format.count(people.unreachable), note: share(people.unreachable) },
        ]}
      />
      {figures.campaigns.length > 0 ? (
        <div className="table-scroll">
          <table className="count-table">
            <caption>{t("notifications.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("notifications.subject")}</th>
                {CAMPAIGN_COLUMNS.map((figure) => (
                  <th scope="col" key={figure}>
                    {t(`notifications.column.${figure}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {figures.campaigns.map((campaign) => (
                <tr key={campaign.key}>
                  <th scope="row">
                    {t("notifications.campaignName", {
                      subject: format.language === "ja" ? campaign.nameJa : campaign.nameEn,
                      status: t(`staff-notifications:status.${campaign.status}`),
                    })}
                  </th>
                  {CAMPAIGN_COLUMNS.map((figure) => (
                    <td key={figure}>{format.count(campaign[figure])}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t("notifications.none")}</p>
      )}
      <p>{t("notifications.unreachableNote")}</p>
    </section>
  );
}

/** A share's line under a figure, left out when there is nothing to share. */
function shareNote(percent: string | null | undefined, words: (percent: string) => string): string | undefined {
  return percent ? words(percent) : undefined;
}

function RecordsTable({ caption, heading, rows }: { caption: string; heading: string; rows: Array<{ key: string; name: string; value: number }> }) {
  const { t } = useTranslation("dashboard");
  const format = useFigureFormat();
  return (
    <table className="count-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{heading}</th>
          <th scope="col">{t("affected.records")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.name}</th>
            <td>{format.count(row.value)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
