// The privacy officers' list of notifications to affected people (ADR 031), and where a new
// one is drafted.
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { getConfig } from "~/config.server";
import { getLanguage, i18next } from "~/i18n/i18next.server";
import { editorActor } from "~/models/editor-actor.server";
import { createCampaign, listCampaigns, newCreationKey } from "~/models/notifications/campaigns.server";
import { sentPerCampaign } from "~/models/notifications/recipients.server";
import styles from "~/styles/staff-notifications.css";
import { formatDateTime } from "~/utils/format";
import { requireStaff } from "~/utils/guards.server";
import { titleOr } from "~/utils/page-title";

export const handle = { i18n: ["common", "staff", "staff-notifications"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export async function loader(args: LoaderFunctionArgs) {
  await requireStaff(args, "notify:affected");
  const [campaigns, language, t] = await Promise.all([listCampaigns(), getLanguage(args.request), i18next.getFixedT(args.request, "staff-notifications")]);
  const timeZone = getConfig().DESK_TIME_ZONE;
  const sent = await sentPerCampaign();
  const rows = campaigns.map((campaign) => ({
    id: campaign.id,
    subject: language === "ja" ? campaign.texts.subjectJa : campaign.texts.subjectEn,
    status: campaign.status,
    createdAt: formatDateTime(campaign.createdAt, language, timeZone),
    sent: campaign.startedAt ? (sent.get(campaign.id) ?? 0) : null,
    inList: campaign.inList,
  }));
  // A new key for each view of the list: a second tap on "draft" sends the same one.
  return { rows, creationKey: newCreationKey(), title: t("staff:pageTitle", { page: t("title") }) };
}

export async function action(args: ActionFunctionArgs) {
  const staff = await requireStaff(args, "notify:affected");
  const formData = await args.request.formData();
  // Nothing else is asked of this page; anything else leaves the list as it is.
  const creationKey = formData.get("creationKey");
  if (formData.get("intent") !== "create" || typeof creationKey !== "string" || !/^[\w-]{16,64}$/.test(creationKey)) {
    return redirect("/staff/notifications");
  }
  const id = await createCampaign(editorActor(staff, args.context.clientAddress), creationKey);
  return redirect(`/staff/notifications/${id}`);
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleOr(data?.title, matches);

export default function NotificationsPage() {
  const { rows, creationKey } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("staff-notifications");
  const number = (value: number) => value.toLocaleString(i18n.language);
  return (
    <>
      <h1>{t("title")}</h1>
      <p>{t("list.intro")}</p>
      <Form method="post">
        <input type="hidden" name="intent" value="create" />
        <input type="hidden" name="creationKey" value={creationKey} />
        <button type="submit">{t("list.create")}</button>
      </Form>
      {rows.length === 0 ? (
        <p>{t("list.empty")}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <caption>{t("list.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("list.subject")}</th>
                <th scope="col">{t("list.status")}</th>
                <th scope="col">{t("list.createdAt")}</th>
                <th scope="col">{t("list.progress")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <td>
                    <Link to={`/staff/notifications/${row.id}`}>{row.subject || t("list.untitled")}</Link>
                  </td>
                  <td className="nowrap">{t(`status.${row.status}`)}</td>
                  <td>{row.createdAt}</td>
                  <td className="nowrap">{row.sent === null ? "–" : `${number(row.sent)} / ${number(row.inList)}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
