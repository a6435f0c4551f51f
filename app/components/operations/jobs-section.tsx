// Background work on the operations view: each loop's last clean run and last failure, then
// the progress of the jobs that have some: the wrap job, imports, deletions and their webhook.
import { useTranslation } from "react-i18next";
import { percentDone } from "~/domain/operations/age";
import type { OperationsOverview } from "~/models/operations/overview.server";
import { formatDateTime } from "~/utils/format";
import { CountTable, Progress, useNumber, When } from "./parts";

type Props = { overview: OperationsOverview; timeZone: string };

export function LoopTable({ loops, timeZone }: { loops: OperationsOverview["loops"]; timeZone: string }) {
  const { t } = useTranslation("operations");
  const number = useNumber();
  return (
    <div className="table-scroll">
      <table className="data" data-testid="loops">
        <caption>{t("loops.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("loops.loop")}</th>
            <th scope="col">{t("loops.lastSuccess")}</th>
            <th scope="col">{t("loops.lastFailure")}</th>
            <th scope="col">{t("loops.failures")}</th>
            <th scope="col">{t("loops.lastError")}</th>
          </tr>
        </thead>
        <tbody>
          {loops.map((loop) => (
            <tr key={loop.name}>
              <th scope="row">{t(`loops.name.${loop.name}`)}</th>
              <td>{loop.lastSuccessAt ? <When at={loop.lastSuccessAt} timeZone={timeZone} /> : t("loops.never")}</td>
              <td>{loop.lastFailureAt ? <When at={loop.lastFailureAt} timeZone={timeZone} /> : t("loops.never")}</td>
              <td>{number(loop.failures)}</td>
              <td className="plain-text">{loop.lastError ?? t("none")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function WrapProgress({ wrap, timeZone }: { wrap: OperationsOverview["wrap"]; timeZone: string }) {
  const { t, i18n } = useTranslation("operations");
  const at = (date: Date | string) => formatDateTime(date, i18n.language, timeZone);
  const number = useNumber();
  const percent = percentDone(wrap.done, wrap.total);
  return (
    <section aria-labelledby="wrap-heading">
      <h3 id="wrap-heading">{t("wrap.heading")}</h3>
      {!wrap.startedAt ? (
        <p>{t("wrap.never")}</p>
      ) : (
        <>
          <p data-testid="wrap-state">
            {wrap.running ? t("wrap.running") : t("wrap.idle")}{" "}
            <Progress
              percent={percent}
              label={t("wrap.progressLabel")}
              text={t("wrap.progress", { done: number(wrap.done), total: number(wrap.total), percent })}
            />
          </p>
          <p>
            {t("wrap.started", { at: at(wrap.startedAt) })}
            {wrap.finishedAt ? ` / ${t("wrap.finished", { at: at(wrap.finishedAt) })}` : null}
          </p>
          {wrap.lastError ? <p className="field-error">{t("wrap.lastError", { error: wrap.lastError })}</p> : null}
        </>
      )}
    </section>
  );
}

function size(bytes: number, t: (key: string, values: Record<string, unknown>) => string): string {
  return bytes < 1_048_576 ? t("bytes.kb", { value: (bytes / 1024).toFixed(0) }) : t("bytes.mb", { value: (bytes / 1_048_576).toFixed(1) });
}

export function ImportProgress({ imports, timeZone }: { imports: OperationsOverview["imports"]; timeZone: string }) {
  const { t, i18n } = useTranslation("operations");
  const number = useNumber();
  return (
    <section aria-labelledby="imports-heading">
      <h3 id="imports-heading">{t("imports.heading")}</h3>
      {imports.length === 0 ? (
        <p>{t("imports.none")}</p>
      ) : (
        <div className="table-scroll">
          <table className="data" data-testid="imports">
            <caption>{t("imports.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("imports.started")}</th>
                <th scope="col">{t("imports.source")}</th>
                <th scope="col">{t("imports.status")}</th>
                <th scope="col">{t("imports.progress")}</th>
                <th scope="col">{t("imports.lines")}</th>
                <th scope="col">{t("imports.errors")}</th>
                <th scope="col">{t("imports.failure")}</th>
              </tr>
            </thead>
            <tbody>
              {imports.map((run) => {
                const percent = run.bytesTotal > 0 ? percentDone(run.bytesRead, run.bytesTotal) : 100;
                return (
                  <tr key={run.id}>
                    <th scope="row">
                      <When at={run.startedAt} timeZone={timeZone} />
                    </th>
                    <td>{t(`staff-import:source.${run.source}`)}</td>
                    <td>{t(`staff-import:status.${run.status}`)}</td>
                    <td>
                      <Progress
                        percent={percent}
                        label={t("imports.progressLabel", { at: formatDateTime(run.startedAt, i18n.language, timeZone) })}
                        text={t("imports.percent", { percent, read: size(run.bytesRead, t), total: size(run.bytesTotal, t) })}
                      />
                    </td>
                    <td>{number(run.linesRead)}</td>
                    <td>{number(run.errorCount)}</td>
                    <td className="plain-text">{run.failure ?? t("none")}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function DeletionProgress({ overview }: Pick<Props, "overview">) {
  const { t } = useTranslation("operations");
  const number = useNumber();
  const { deletions } = overview;
  return (
    <section aria-labelledby="deletions-heading">
      <h3 id="deletions-heading">{t("deletions.heading")}</h3>
      <CountTable
        caption={t("deletions.countsLabel")}
        testId="deletion-counts"
        rows={[
          [t("deletions.scheduled"), number(deletions.scheduled)],
          [t("deletions.due"), <span className={deletions.due > 0 ? "is-overdue" : undefined}>{number(deletions.due)}</span>],
          [t("deletions.executing"), number(deletions.executing)],
          [t("deletions.completedLastDay"), number(deletions.completedLastDay)],
        ]}
      />
    </section>
  );
}

export function WebhookProgress({ overview, timeZone }: Props) {
  const { t, i18n } = useTranslation("operations");
  const number = useNumber();
  const { webhook } = overview;
  return (
    <section aria-labelledby="webhook-heading">
      <h3 id="webhook-heading">{t("webhook.heading")}</h3>
      {webhook.configured ? null : <p>{t("webhook.notConfigured")}</p>}
      <CountTable
        caption={t("webhook.countsLabel")}
        testId="webhook-counts"
        rows={[
          [t("webhook.pending"), number(webhook.pending)],
          [t("webhook.retrying"), number(webhook.retrying)],
        ]}
      />
      {webhook.lastError && webhook.nextAttemptAt ? (
        <p className="field-error">
          {t("webhook.lastError", { error: webhook.lastError, at: formatDateTime(webhook.nextAttemptAt, i18n.language, timeZone) })}
        </p>
      ) : null}
    </section>
  );
}
