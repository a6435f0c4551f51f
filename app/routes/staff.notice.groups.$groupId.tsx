// Editing an affected group. Changes show on the public notice at once (within its short cache).
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { EditorNav } from "~/components/notice-editor/editor-nav";
import { GroupForm } from "~/components/notice-editor/group-form";
import { AffectedGroupSchema } from "~/domain/notice/editor-schemas";
import { i18next } from "~/i18n/i18next.server";
import { getGroupForEdit, listCategoryChoices, updateGroup } from "~/models/affected-groups.server";
import { editorActor } from "~/models/editor-actor.server";
import styles from "~/styles/staff-notice.css";
import { requireStaff } from "~/utils/guards.server";
import { titleOr } from "~/utils/page-title";
import { notFound } from "~/utils/http-errors.server";

export const handle = { i18n: ["common", "staff", "staff-notice", "notice"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export async function loader(args: LoaderFunctionArgs) {
  await requireStaff(args, "publish:notice");
  const [group, choices, t] = await Promise.all([
    getGroupForEdit(args.params.groupId ?? ""),
    listCategoryChoices(),
    i18next.getFixedT(args.request, "staff-notice"),
  ]);
  if (!group) throw notFound();
  const { id, ...values } = group;
  return { id, values, choices, title: t("staff:pageTitle", { page: t("groups.editPageTitle") }) };
}

export async function action(args: ActionFunctionArgs) {
  const staff = await requireStaff(args, "publish:notice");
  const submission = parseWithZod(await args.request.formData(), { schema: AffectedGroupSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply(), saved: false }, { status: submission.status === "error" ? 400 : 200 });
  }
  const outcome = await updateGroup(editorActor(staff, args.context.clientAddress), args.params.groupId ?? "", submission.value);
  if (outcome.status === "not-found") throw notFound();
  if (outcome.status === "saved" || outcome.status === "unchanged") return { result: submission.reply(), saved: true };
  const fieldErrors: Record<string, string[]> =
    outcome.status === "key-taken" ? { key: ["staff-notice:errors.keyTaken"] } : { categoryIds: ["staff-notice:errors.unknownCategories"] };
  return data({ result: submission.reply({ fieldErrors }), saved: false }, { status: 409 });
}

export default function EditGroupPage() {
  const { id, values, choices } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, i18n } = useTranslation("staff-notice");
  return (
    <>
      <EditorNav />
      <h1>{t("groups.editTitle", { name: i18n.language === "ja" ? values.nameJa : values.nameEn })}</h1>
      <GroupForm choices={choices} defaultValue={values} lastResult={actionData?.result} saved={actionData?.saved} />
      <h2>{t("delete.heading")}</h2>
      <p>
        <Link to={`/staff/notice/groups/${id}/delete`}>{t("groups.delete")}</Link>
      </p>
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleOr(data?.title, matches);

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
