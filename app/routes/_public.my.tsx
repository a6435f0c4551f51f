// A verified customer's own page (from the mailbox link or a password sign-in): exactly
// which of their data was exposed, in which group and period, what to do about each, their
// account, and what they can do next.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CategoryTable } from "~/components/category-table";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormMessage } from "~/components/forms";
import { getConfig } from "~/config.server";
import { getLanguage, i18next } from "~/i18n/i18next.server";
import { getCustomerExposure, type ExposureView } from "~/models/customer-exposure.server";
import { listCustomerRequests } from "~/models/deletions/requests.server";
import { deletionStatusPath } from "~/models/deletions/status-link.server";
import { isOpen } from "~/domain/deletions/status";
import { listCustomerInquiries } from "~/models/inquiries/customer-thread.server";
import { formatDateTime, formatLocalDate } from "~/utils/format";
import { requireCustomer } from "~/utils/guards.server";
import { titleOr } from "~/utils/page-title";

export const handle = { i18n: ["common", "desk", "check", "account", "inquiries", "deletion"] };

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await requireCustomer(request);
  const language = await getLanguage(request);
  const [exposures, inquiries, deletions, t] = await Promise.all([
    getCustomerExposure(session.customerId, language),
    listCustomerInquiries(session.customerId),
    listCustomerRequests(session.customerId),
    i18next.getFixedT(request, "check"),
  ]);
  const time = (at: string | Date) => formatDateTime(at, language, getConfig().DESK_TIME_ZONE);
  const changedAt = session.passwordChangedAt;
  return {
    exposures,
    inquiries: inquiries.map((inquiry) => ({ ...inquiry, lastActivityAt: time(inquiry.lastActivityAt) })),
    deletions: deletions.map((each) => ({
      reference: each.reference,
      path: deletionStatusPath(each.reference),
      status: each.status,
      receivedAt: time(each.receivedAt),
    })),
    deletionOpen: deletions.some((each) => isOpen(each.status)),
    passwordChanged: changedAt ? formatDateTime(changedAt, language, getConfig().DESK_TIME_ZONE) : null,
    mustChangePassword: session.mustChangePassword,
    justChanged: new URL(request.url).searchParams.get("password") === "changed",
    title: t("my.title"),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleOr(data?.title, matches);

function Period({ exposure }: { exposure: ExposureView }) {
  const { t, i18n } = useTranslation("check");
  const date = (value: string) => formatLocalDate(value, i18n.language, { withYear: true });
  const { periodFrom: from, periodUntil: until } = exposure;
  if (from && until) return <p>{t("my.period", { range: t("common:dateRange", { from: date(from), to: date(until) }) })}</p>;
  if (from) return <p>{t("my.periodFrom", { from: date(from) })}</p>;
  if (until) return <p>{t("my.periodUntil", { until: date(until) })}</p>;
  return null;
}

export default function MyExposure() {
  const { exposures, inquiries, deletions, deletionOpen, passwordChanged, mustChangePassword, justChanged } = useLoaderData<typeof loader>();
  const { t } = useTranslation("check");
  return (
    <>
      <h1>{t("my.title")}</h1>
      <FormMessage message={justChanged ? t("account:password.changed") : null} />
      {/* The leaked password was reset: the new one is the first thing to do, not a gate before
          seeing what leaked, asking the desk or asking for deletion. */}
      {mustChangePassword ? (
        <section className="first-step" aria-labelledby="first-step-heading">
          <h2 id="first-step-heading">{t("account:firstStep.title")}</h2>
          <p>{t("account:firstStep.why")}</p>
          <p>
            <a className="button" href="/my/password">
              {t("account:password.submit")}
            </a>
          </p>
          <p>{t("account:firstStep.meanwhile")}</p>
        </section>
      ) : null}
      {exposures.length === 0 ? <p>{t("my.none")}</p> : <p>{t("my.intro")}</p>}
      {exposures.map((exposure) => (
        <section key={exposure.groupKey} className="exposed-group" aria-labelledby={`exposure-${exposure.groupKey}`}>
          <h2 id={`exposure-${exposure.groupKey}`}>{exposure.groupName}</h2>
          <Period exposure={exposure} />
          <CategoryTable categories={exposure.categories} dataHeading={t("my.data")} actionHeading={t("my.action")} />
        </section>
      ))}
      {mustChangePassword ? null : (
        <section aria-labelledby="account-heading">
          <h2 id="account-heading">{t("account:account.title")}</h2>
          <h3>{t("account:account.password")}</h3>
          {passwordChanged ? <p>{t("account:password.lastChanged", { time: passwordChanged })}</p> : null}
          <p>
            <a href="/my/password">{t("account:password.change")}</a>
          </p>
        </section>
      )}
      <section aria-labelledby="inquiries-heading">
        <h2 id="inquiries-heading">{t("inquiries:my.title")}</h2>
        {inquiries.length === 0 ? (
          <p>{t("inquiries:my.empty")}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{t("inquiries:my.reference")}</th>
                <th scope="col">{t("inquiries:my.category")}</th>
                <th scope="col">{t("inquiries:my.status")}</th>
                <th scope="col">{t("inquiries:my.updated")}</th>
              </tr>
            </thead>
            <tbody>
              {inquiries.map((inquiry) => (
                <tr key={inquiry.reference}>
                  <td>
                    <a href={`/inquiries/${inquiry.reference}`}>{inquiry.reference}</a>
                  </td>
                  <td>{t(`inquiries:category.${inquiry.category}`)}</td>
                  <td>{t(`inquiries:status.${inquiry.status}`)}</td>
                  <td>{inquiry.lastActivityAt}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <p>
          <a href="/inquiries/new">{t("inquiries:my.new")}</a>
        </p>
      </section>
      {deletions.length > 0 ? (
        <section aria-labelledby="deletions-heading">
          <h2 id="deletions-heading">{t("my.deletions")}</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("deletion:status.reference")}</th>
                <th scope="col">{t("my.deletionStatus")}</th>
                <th scope="col">{t("deletion:status.receivedAt")}</th>
              </tr>
            </thead>
            <tbody>
              {deletions.map((each) => (
                <tr key={each.reference}>
                  <td>
                    <a href={each.path}>{each.reference}</a>
                  </td>
                  <td>{t(`deletion:state.${each.status}.label`)}</td>
                  <td>{each.receivedAt}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      <section aria-labelledby="next-steps">
        <h2 id="next-steps">{t("my.nextSteps")}</h2>
        <ul>
          <li>{t("my.changePassword")}</li>
          {/* One open request at most: while it runs, the table above leads to it. */}
          {deletionOpen ? null : (
            <li>
              <a href="/my/deletion">{t("my.requestDeletion")}</a>
            </li>
          )}
          <li>{t("my.askQuestion")}</li>
        </ul>
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
