// Where a deletion request stands, as dates and the decision: the same facts on the
// customer's status page and the privacy officer's page (which adds its own first).
import { useTranslation } from "react-i18next";

export interface RequestFactsView {
  receivedAt: string | null;
  lastDay: string;
  reviewStartedAt: string | null;
  decidedAt: string | null;
  executeAfter: string | null;
  completedAt: string | null;
  cancelledAt: string | null;
  /** The refusal's ground, in the reader's language. */
  ground: string | null;
}

export function Fact({ label, value }: { label: string; value: string | null }) {
  if (!value) return null;
  return (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  );
}

export function RequestFacts({ request, children }: { request: RequestFactsView; children?: React.ReactNode }) {
  const { t } = useTranslation("deletion");
  return (
    <dl className="thread-facts">
      {children}
      <Fact label={t("status.receivedAt")} value={request.receivedAt} />
      <Fact label={t("status.deadline")} value={request.lastDay} />
      <Fact label={t("status.reviewStartedAt")} value={request.reviewStartedAt} />
      <Fact label={t("status.decidedAt")} value={request.decidedAt} />
      <Fact label={t("status.executeAfter")} value={request.executeAfter} />
      <Fact label={t("status.completedAt")} value={request.completedAt} />
      <Fact label={t("status.cancelledAt")} value={request.cancelledAt} />
      <Fact label={t("status.ground")} value={request.ground} />
    </dl>
  );
}
