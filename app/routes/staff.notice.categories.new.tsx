// Adding a data category. It appears on the notice once a group lists it.
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { CategoryForm } from "~/components/notice-editor/category-form";
import { EditorNav } from "~/components/notice-editor/editor-nav";
import { DataCategorySchema } from "~/domain/notice/editor-schemas";
import { i18next } from "~/i18n/i18next.server";
import { createCategory } from "~/models/affected-groups.server";
import { editorActor } from "~/models/editor-actor.server";
import styles from "~/styles/staff-notice.css";
import { requireStaff } from "~/utils/guards.server";
import { titleOr } from "~/utils/page-title";

export const handle = { i18n: ["common", "staff", "staff-notice", "notice"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export async function loader(args: LoaderFunctionArgs) {
  await requireStaff(args, "publish:notice");
  const t = await i18next.getFixedT(args.request, "staff-notice");
  return { title: t("staff:pageTitle", { page: t("categories.newTitle") }) };
}

export async function action(args: ActionFunctionArgs) {
  const staff = await requireStaff(args, "publish:notice");
  const submission = parseWithZod(await args.request.formData(), { schema: DataCategorySchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply() }, { status: submission.status === "error" ? 400 : 200 });
  }
  const outcome = await createCategory(editorActor(staff, args.context.clientAddress), submission.value);
  if (outcome.status === "saved") throw redirect("/staff/notice/categories");
  return data({ result: submission.reply({ fieldErrors: { key: ["staff-notice:errors.keyTaken"] } }) }, { status: 409 });
}

export default function NewCategoryPage() {
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("staff-notice");
  return (
    <>
      <EditorNav />
      <h1>{t("categories.newTitle")}</h1>
      <CategoryForm lastResult={actionData?.result} />
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleOr(data?.title, matches);

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
