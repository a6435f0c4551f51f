// The affected groups the notice lists, each with the kinds of data exposed for it.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { EditorNav } from "~/components/notice-editor/editor-nav";
import { i18next } from "~/i18n/i18next.server";
import { listGroupsForStaff } from "~/models/affected-groups.server";
import styles from "~/styles/staff-notice.css";
import { requireStaff } from "~/utils/guards.server";
import { titleOr } from "~/utils/page-title";

export const handle = { i18n: ["common", "staff", "staff-notice", "notice"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export async function loader(args: LoaderFunctionArgs) {
  await requireStaff(args, "publish:notice");
  const [groups, t] = await Promise.all([listGroupsForStaff(), i18next.getFixedT(args.request, "staff-notice")]);
  return { groups, title: t("staff:pageTitle", { page: t("groups.title") }) };
}

export default function GroupsPage() {
  const { groups } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("staff-notice");
  const ja = i18n.language === "ja";
  return (
    <>
      <EditorNav />
      <h1>{t("groups.title")}</h1>
      <p>{t("groups.intro")}</p>
      <p>
        <Link className="button" to="/staff/notice/groups/new">
          {t("groups.add")}
        </Link>
      </p>
      {groups.length === 0 ? (
        <p>{t("groups.none")}</p>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t("groups.name")}</th>
              <th scope="col">{t("field.key")}</th>
              <th scope="col">{t("groups.categories")}</th>
              <th scope="col">{t("groups.customers")}</th>
            </tr>
          </thead>
          <tbody>
            {groups.map((group) => (
              <tr key={group.id}>
                <th scope="row">
                  <Link to={`/staff/notice/groups/${group.id}`}>{ja ? group.nameJa : group.nameEn}</Link>
                </th>
                <td>
                  <code>{group.key}</code>
                </td>
                <td>
                  {group.categories.map(({ category }) => (ja ? category.labelJa : category.labelEn)).join(t("listSeparator")) || t("groups.noneSelected")}
                </td>
                <td>{t("groups.customerCount", { customers: group._count.exposures.toLocaleString(i18n.language) })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleOr(data?.title, matches);

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
