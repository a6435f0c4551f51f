// Editing or deleting a reply template (admins).
import { parseWithZod } from "@conform-to/zod/v4";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { TemplateForm } from "~/components/inquiries/template-form";
import { ReplyTemplateSchema } from "~/domain/inquiries/settings-forms";
import { i18next } from "~/i18n/i18next.server";
import { editorActor } from "~/models/editor-actor.server";
import { deleteReplyTemplate, getReplyTemplate, saveReplyTemplate } from "~/models/inquiries/settings.server";
import { requireStaff } from "~/utils/guards.server";
import { titleOr } from "~/utils/page-title";
import { notFound } from "~/utils/http-errors.server";

export const handle = { i18n: ["common", "staff", "staff-inquiries"] };

export async function loader(args: LoaderFunctionArgs) {
  await requireStaff(args, "manage:settings");
  const template = await getReplyTemplate(args.params.id ?? "");
  if (!template) throw notFound();
  const t = await i18next.getFixedT(args.request, "staff-inquiries");
  return { template, title: t("staff:pageTitle", { page: t("template.editTitle") }) };
}

export async function action(args: ActionFunctionArgs) {
  const staff = await requireStaff(args, "manage:settings");
  const id = args.params.id ?? "";
  const actor = editorActor(staff, args.context.clientAddress);
  const formData = await args.request.formData();
  if (formData.get("intent") === "delete") {
    if (!(await deleteReplyTemplate(id, actor))) throw notFound();
    return redirect("/staff/inquiry-settings?done=template-deleted");
  }
  const submission = parseWithZod(formData, { schema: ReplyTemplateSchema });
  if (submission.status !== "success") return { result: submission.reply() };
  if (!(await saveReplyTemplate(id, submission.value, actor))) throw notFound();
  return redirect("/staff/inquiry-settings?done=template-saved");
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleOr(data?.title, matches);

export default function EditTemplatePage() {
  const { template } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("staff-inquiries");
  return (
    <>
      <p>
        <Link to="/staff/inquiry-settings">{t("template.back")}</Link>
      </p>
      <h1>{t("template.editTitle")}</h1>
      <TemplateForm defaults={template} lastResult={actionData?.result} />
      <Form method="post">
        <input type="hidden" name="intent" value="delete" />
        <button type="submit" className="danger">
          {t("template.delete")}
        </button>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
