// Editing a data category: its label and recommended action show on the public notice
// for every group that lists it.
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { CategoryForm } from "~/components/notice-editor/category-form";
import { EditorNav } from "~/components/notice-editor/editor-nav";
import { DataCategorySchema } from "~/domain/notice/editor-schemas";
import { i18next } from "~/i18n/i18next.server";
import { getCategoryForEdit, updateCategory } from "~/models/affected-groups.server";
import { editorActor } from "~/models/editor-actor.server";
import styles from "~/styles/staff-notice.css";
import { requireStaff } from "~/utils/guards.server";
import { titleOr } from "~/utils/page-title";
import { notFound } from "~/utils/http-errors.server";

export const handle = { i18n: ["common", "staff", "staff-notice", "notice"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export async function loader(args: LoaderFunctionArgs) {
  await requireStaff(args, "publish:notice");
  const [category, t] = await Promise.all([getCategoryForEdit(args.params.categoryId ?? ""), i18next.getFixedT(args.request, "staff-notice")]);
  if (!category) throw notFound();
  const { id, ...values } = category;
  return { id, values, title: t("staff:pageTitle", { page: t("categories.editPageTitle") }) };
}

export async function action(args: ActionFunctionArgs) {
  const staff = await requireStaff(args, "publish:notice");
  const submission = parseWithZod(await args.request.formData(), { schema: DataCategorySchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply(), saved: false }, { status: submission.status === "error" ? 400 : 200 });
  }
  const outcome = await updateCategory(editorActor(staff, args.context.clientAddress), args.params.categoryId ?? "", submission.value);
  if (outcome.status === "not-found") throw notFound();
  if (outcome.status === "key-taken") {
    return data({ result: submission.reply({ fieldErrors: { key: ["staff-notice:errors.keyTaken"] } }), saved: false }, { status: 409 });
  }
  return { result: submission.reply(), saved: true };
}

export default function EditCategoryPage() {
  const { id, values } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, i18n } = useTranslation("staff-notice");
  return (
    <>
      <EditorNav />
      <h1>{t("categories.editTitle", { name: i18n.language === "ja" ? values.labelJa : values.labelEn })}</h1>
      <CategoryForm defaultValue={values} lastResult={actionData?.result} saved={actionData?.saved} />
      <h2>{t("delete.heading")}</h2>
      <p>
        <Link to={`/staff/notice/categories/${id}/delete`}>{t("categories.delete")}</Link>
      </p>
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleOr(data?.title, matches);

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
