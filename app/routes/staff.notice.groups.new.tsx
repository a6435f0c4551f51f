// Adding an affected group.
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { EditorNav } from "~/components/notice-editor/editor-nav";
import { GroupForm } from "~/components/notice-editor/group-form";
import { AffectedGroupSchema } from "~/domain/notice/editor-schemas";
import { i18next } from "~/i18n/i18next.server";
import { createGroup, listCategoryChoices } from "~/models/affected-groups.server";
import { editorActor } from "~/models/editor-actor.server";
import styles from "~/styles/staff-notice.css";
import { requireStaff } from "~/utils/guards.server";
import { titleOr } from "~/utils/page-title";

export const handle = { i18n: ["common", "staff", "staff-notice", "notice"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export async function loader(args: LoaderFunctionArgs) {
  await requireStaff(args, "publish:notice");
  const [choices, t] = await Promise.all([listCategoryChoices(), i18next.getFixedT(args.request, "staff-notice")]);
  return { choices, title: t("staff:pageTitle", { page: t("groups.newTitle") }) };
}

export async function action(args: ActionFunctionArgs) {
  const staff = await requireStaff(args, "publish:notice");
  const submission = parseWithZod(await args.request.formData(), { schema: AffectedGroupSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply() }, { status: submission.status === "error" ? 400 : 200 });
  }
  const outcome = await createGroup(editorActor(staff, args.context.clientAddress), submission.value);
  if (outcome.status === "saved") throw redirect("/staff/notice/groups");
  const fieldErrors: Record<string, string[]> =
    outcome.status === "key-taken" ? { key: ["staff-notice:errors.keyTaken"] } : { categoryIds: ["staff-notice:errors.unknownCategories"] };
  return data({ result: submission.reply({ fieldErrors }) }, { status: 409 });
}

export default function NewGroupPage() {
  const { choices } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("staff-notice");
  return (
    <>
      <EditorNav />
      <h1>{t("groups.newTitle")}</h1>
      <GroupForm choices={choices} lastResult={actionData?.result} />
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleOr(data?.title, matches);

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
