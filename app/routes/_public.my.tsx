// A verified customer's own page (from the mailbox link or a password sign-in): exactly
// which of their data was exposed, in which group and period, what to do about each, their
// account, and what they can do next.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CategoryTable } from "~/components/category-table";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormMessage } from "~/components/forms";
import { getConfig } from "~/config.server";
import { getLanguage, i18next } from "~/i18n/i18next.server";
import { endCustomerSession } from "~/models/customer-session.server";
import { getCustomerExposure, type ExposureView } from "~/models/customer-exposure.server";
import { listCustomerInquiries } from "~/models/inquiries/customer-thread.server";
import { formatDateTime, formatLocalDate } from "~/utils/format";
import { requireCustomer, requireSameOrigin } from "~/utils/guards.server";
import { titleOr } from "~/utils/page-title";

export const handle = { i18n: ["common", "desk", "check", "account", "inquiries"] };

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await requireCustomer(request);
  const language = await getLanguage(request);
  const [exposures, inquiries, t] = await Promise.all([
    getCustomerExposure(session.customerId, language),
    listCustomerInquiries(session.customerId),
    i18next.getFixedT(request, "check"),
  ]);
  const time = (iso: string) => formatDateTime(iso, language, getConfig().DESK_TIME_ZONE);
  const changedAt = session.passwordChangedAt;
  return {
    exposures,
    inquiries: inquiries.map((inquiry) => ({ ...inquiry, lastActivityAt: time(inquiry.lastActivityAt) })),
    passwordChanged: changedAt ? formatDateTime(changedAt, language, getConfig().DESK_TIME_ZONE) : null,
    justChanged: new URL(request.url).searchParams.get("password") === "changed",
    title: t("my.title"),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleOr(data?.title, matches);

export async function action({ request }: ActionFunctionArgs) {
  requireSameOrigin(request);
  return redirect("/", { headers: { "Set-Cookie": await endCustomerSession(request) } });
}

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
  const { exposures, inquiries, passwordChanged, justChanged } = useLoaderData<typeof loader>();
  const { t } = useTranslation("check");
  return (
    <>
      <h1>{t("my.title")}</h1>
      <FormMessage message={justChanged ? t("account:password.changed") : null} />
      {exposures.length === 0 ? <p>{t("my.none")}</p> : <p>{t("my.intro")}</p>}
      {exposures.map((exposure) => (
        <section key={exposure.groupKey} className="exposed-group" aria-labelledby={`exposure-${exposure.groupKey}`}>
          <h2 id={`exposure-${exposure.groupKey}`}>{exposure.groupName}</h2>
          <Period exposure={exposure} />
          <CategoryTable categories={exposure.categories} dataHeading={t("my.data")} actionHeading={t("my.action")} />
        </section>
      ))}
      <section aria-labelledby="account-heading">
        <h2 id="account-heading">{t("account:account.title")}</h2>
        <h3>{t("account:account.password")}</h3>
        {passwordChanged ? <p>{t("account:password.lastChanged", { time: passwordChanged })}</p> : null}
        <p>
          <a href="/my/password">{t("account:password.change")}</a>
        </p>
      </section>
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
      <section aria-labelledby="next-steps">
        <h2 id="next-steps">{t("my.nextSteps")}</h2>
        <ul>
          <li>{t("my.changePassword")}</li>
          <li>
            <a href="/my/deletion">{t("my.requestDeletion")}</a>
          </li>
          <li>{t("my.askQuestion")}</li>
        </ul>
      </section>
      <Form method="post">
        <button type="submit">{t("my.signOut")}</button>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
