// The kinds of personal data the notice names, with the groups that list each one.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { EditorNav } from "~/components/notice-editor/editor-nav";
import { i18next } from "~/i18n/i18next.server";
import { listCategoriesForStaff } from "~/models/affected-groups.server";
import styles from "~/styles/staff-notice.css";
import { requireStaff } from "~/utils/guards.server";
import { titleOr } from "~/utils/page-title";

export const handle = { i18n: ["common", "staff", "staff-notice", "notice"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export async function loader(args: LoaderFunctionArgs) {
  await requireStaff(args, "publish:notice");
  const [categories, t] = await Promise.all([listCategoriesForStaff(), i18next.getFixedT(args.request, "staff-notice")]);
  return { categories, title: t("staff:pageTitle", { page: t("categories.title") }) };
}

export default function CategoriesPage() {
  const { categories } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("staff-notice");
  const ja = i18n.language === "ja";
  return (
    <>
      <EditorNav />
      <h1>{t("categories.title")}</h1>
      <p>{t("categories.intro")}</p>
      <p>
        <Link className="button" to="/staff/notice/categories/new">
          {t("categories.add")}
        </Link>
      </p>
      {categories.length === 0 ? (
        <p>{t("categories.none")}</p>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t("categories.label")}</th>
              <th scope="col">{t("field.key")}</th>
              <th scope="col">{t("categories.groups")}</th>
            </tr>
          </thead>
          <tbody>
            {categories.map((category) => (
              <tr key={category.id}>
                <th scope="row">
                  <Link to={`/staff/notice/categories/${category.id}`}>{ja ? category.labelJa : category.labelEn}</Link>
                </th>
                <td>
                  <code>{category.key}</code>
                </td>
                <td>{category.groups.map(({ group }) => (ja ? group.nameJa : group.nameEn)).join(t("listSeparator")) || t("categories.unused")}</td>
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
