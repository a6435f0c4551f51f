// A new reply template (admins).
import { parseWithZod } from "@conform-to/zod/v4";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { TemplateForm } from "~/components/inquiries/template-form";
import { ReplyTemplateSchema } from "~/domain/inquiries/settings-forms";
import { i18next } from "~/i18n/i18next.server";
import { editorActor } from "~/models/editor-actor.server";
import { saveReplyTemplate } from "~/models/inquiries/settings.server";
import { requireStaff } from "~/utils/guards.server";
import { titleOr } from "~/utils/page-title";

export const handle = { i18n: ["common", "staff", "staff-inquiries"] };

export async function loader(args: LoaderFunctionArgs) {
  await requireStaff(args, "manage:settings");
  const t = await i18next.getFixedT(args.request, "staff-inquiries");
  return { title: t("staff:pageTitle", { page: t("template.newTitle") }) };
}

export async function action(args: ActionFunctionArgs) {
  const staff = await requireStaff(args, "manage:settings");
  const submission = parseWithZod(await args.request.formData(), { schema: ReplyTemplateSchema });
  if (submission.status !== "success") return { result: submission.reply() };
  await saveReplyTemplate(null, submission.value, editorActor(staff, args.context.clientAddress));
  return redirect("/staff/inquiry-settings?done=template-saved");
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleOr(data?.title, matches);

export default function NewTemplatePage() {
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("staff-inquiries");
  return (
    <>
      <p>
        <Link to="/staff/inquiry-settings">{t("template.back")}</Link>
      </p>
      <h1>{t("template.newTitle")}</h1>
      <TemplateForm lastResult={actionData?.result} />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
