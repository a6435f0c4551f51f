// The outbox on the operations view: how much mail waits in each state, how long the oldest
// has waited, and the latest failures by kind of mail (never a recipient or a body).
import { useTranslation } from "react-i18next";
import type { OperationsOverview } from "~/models/operations/overview.server";
import { CountTable, useAgeText, useNumber, When } from "./parts";

type Outbox = OperationsOverview["outbox"];

export function OutboxSection({ outbox, timeZone }: { outbox: Outbox; timeZone: string }) {
  const { t } = useTranslation("operations");
  const number = useNumber();
  const age = useAgeText();
  return (
    <section aria-labelledby="outbox-heading">
      <h2 id="outbox-heading">{t("outbox.heading")}</h2>
      {outbox.smtpConfigured ? null : <p className="form-message">{t("outbox.noSmtp")}</p>}
      <CountTable
        caption={t("outbox.countsLabel")}
        testId="outbox-counts"
        rows={[
          [t("outbox.queued"), number(outbox.queued)],
          [t("outbox.retrying"), number(outbox.retrying)],
          [t("outbox.sending"), number(outbox.sending)],
          [t("outbox.failed"), <span className={outbox.failed > 0 ? "is-overdue" : undefined}>{number(outbox.failed)}</span>],
          [t("outbox.sentLastDay"), number(outbox.sentLastDay)],
          [t("outbox.oldest"), outbox.oldestWaitingMs === null ? t("none") : t("outbox.oldestAge", { age: age(outbox.oldestWaitingMs) })],
        ]}
      />
      <h3>{t("outbox.failuresHeading")}</h3>
      {outbox.failures.length === 0 ? (
        <p>{t("outbox.noFailures")}</p>
      ) : (
        <div className="table-scroll">
          <table className="data" data-testid="outbox-failures">
            <caption>{t("outbox.failuresCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("outbox.template")}</th>
                <th scope="col">{t("outbox.status")}</th>
                <th scope="col">{t("outbox.attempts")}</th>
                <th scope="col">{t("outbox.nextAttempt")}</th>
                <th scope="col">{t("outbox.lastError")}</th>
              </tr>
            </thead>
            <tbody>
              {outbox.failures.map((failure) => (
                <tr key={failure.id}>
                  <th scope="row">
                    <code>{failure.template}</code>
                  </th>
                  <td>{t(`outbox.state.${failure.status === "failed" ? "failed" : "queued"}`)}</td>
                  <td>{number(failure.attempts)}</td>
                  <td>
                    <When at={failure.nextAttemptAt} timeZone={timeZone} />
                  </td>
                  <td className="plain-text">{failure.lastError}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
