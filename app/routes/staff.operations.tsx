// The administrator's view of how the portal runs: the outbox, each background loop, the
// jobs' progress and the checks waiting for their answer. It shows no personal data (no
// recipient, no mail body, no file name; error messages are redacted), so opening it is
// not a view of personal data and is not written to the audit log; a refused attempt is,
// by the guard. Prometheus reads the same figures from /metrics (app/server/metrics.ts).
import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { DeletionProgress, ImportProgress, LoopTable, WebhookProgress, WrapProgress } from "~/components/operations/jobs-section";
import { OutboxSection } from "~/components/operations/outbox-section";
import { CountTable, useAgeText, useNumber } from "~/components/operations/parts";
import { getConfig } from "~/config.server";
import { i18next } from "~/i18n/i18next.server";
import { getOperationsOverview } from "~/models/operations/overview.server";
import { formatDateTime } from "~/utils/format";
import { requireStaff } from "~/utils/guards.server";
import { titleOr } from "~/utils/page-title";

export const handle = { i18n: ["common", "staff", "operations", "staff-import"] };
export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

export async function loader(args: LoaderFunctionArgs) {
  await requireStaff(args, "view:operations");
  const now = new Date();
  const [overview, t] = await Promise.all([getOperationsOverview(now), i18next.getFixedT(args.request, "operations")]);
  return { title: t("staff:pageTitle", { page: t("title") }), now, overview, timeZone: getConfig().DESK_TIME_ZONE };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleOr(data?.title, matches);

export default function OperationsPage() {
  const { now, overview, timeZone } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("operations");
  const number = useNumber();
  const age = useAgeText();
  return (
    <>
      <h1>{t("title")}</h1>
      <p>
        {t("intro", { at: formatDateTime(now, i18n.language, timeZone) })} <Link to=".">{t("refresh")}</Link>
      </p>
      <OutboxSection outbox={overview.outbox} timeZone={timeZone} />
      <section aria-labelledby="loops-heading">
        <h2 id="loops-heading">{t("loops.heading")}</h2>
        <p>{t("loops.intro")}</p>
        <LoopTable loops={overview.loops} timeZone={timeZone} />
        <WrapProgress wrap={overview.wrap} timeZone={timeZone} />
        <ImportProgress imports={overview.imports} timeZone={timeZone} />
        <DeletionProgress overview={overview} />
        <WebhookProgress overview={overview} timeZone={timeZone} />
      </section>
      <section aria-labelledby="checks-heading">
        <h2 id="checks-heading">{t("checks.heading")}</h2>
        <CountTable
          caption={t("checks.countsLabel")}
          testId="check-counts"
          rows={[
            [t("checks.waiting"), number(overview.checks.waiting)],
            [t("checks.oldest"), age(overview.checks.oldestWaitingMs)],
          ]}
        />
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
