// The inquiry desk's settings for admins: how soon each category must be answered (in
// business hours of the written channel) and the reply templates agents start from.
import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FieldErrors, FormMessage } from "~/components/forms";
import { INQUIRY_CATEGORIES } from "~/domain/inquiries/categories";
import { SlaTargetsSchema, targetsFromForm } from "~/domain/inquiries/settings-forms";
import { i18next } from "~/i18n/i18next.server";
import { editorActor } from "~/models/editor-actor.server";
import { getAllSlaTargets, listReplyTemplates, saveSlaTargets } from "~/models/inquiries/settings.server";
import { requireStaff } from "~/utils/guards.server";
import { titleOr } from "~/utils/page-title";

export const handle = { i18n: ["common", "staff", "staff-inquiries", "inquiries"] };

export async function loader(args: LoaderFunctionArgs) {
  await requireStaff(args, "manage:settings");
  const [targets, templates, t] = await Promise.all([getAllSlaTargets(), listReplyTemplates(), i18next.getFixedT(args.request, "staff-inquiries")]);
  const done = new URL(args.request.url).searchParams.get("done");
  return {
    title: t("staff:pageTitle", { page: t("settings.title") }),
    targets: Object.fromEntries(
      INQUIRY_CATEGORIES.flatMap((category) => [
        [`${category}-first`, String(targets[category].firstResponseMinutes / 60)],
        [`${category}-next`, String(targets[category].nextResponseMinutes / 60)],
      ]),
    ),
    templates: templates.map(({ id, titleJa, titleEn, position }) => ({ id, titleJa, titleEn, position })),
    done: done === "template-saved" || done === "template-deleted" ? done : null,
  };
}

export async function action(args: ActionFunctionArgs) {
  const staff = await requireStaff(args, "manage:settings");
  const submission = parseWithZod(await args.request.formData(), { schema: SlaTargetsSchema });
  if (submission.status !== "success") return { result: submission.reply(), saved: false };
  await saveSlaTargets(targetsFromForm(submission.value), editorActor(staff, args.context.clientAddress));
  return { result: submission.reply(), saved: true };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleOr(data?.title, matches);

export default function InquirySettingsPage() {
  const { targets, templates, done } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, i18n } = useTranslation("staff-inquiries");
  const [form, fields] = useForm({
    id: "sla-targets",
    lastResult: actionData?.result,
    defaultValue: targets,
    constraint: getZodConstraint(SlaTargetsSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SlaTargetsSchema }),
    shouldValidate: "onSubmit",
  });
  return (
    <>
      <h1>{t("settings.title")}</h1>
      <FormMessage message={actionData?.saved ? t("settings.saved") : done ? t(`settings.${done}`) : null} />
      <section aria-labelledby="targets-heading">
        <h2 id="targets-heading">{t("settings.targets")}</h2>
        <p>{t("settings.targetsIntro")}</p>
        <Form method="post" {...getFormProps(form)}>
          <table className="queue-table">
            <thead>
              <tr>
                <th scope="col">{t("queue.category")}</th>
                <th scope="col">{t("settings.first")}</th>
                <th scope="col">{t("settings.next")}</th>
              </tr>
            </thead>
            <tbody>
              {INQUIRY_CATEGORIES.map((category) => {
                const label = t(`inquiries:category.${category}`);
                return (
                  <tr key={category}>
                    <th scope="row">{label}</th>
                    {(["first", "next"] as const).map((kind) => {
                      const field = fields[`${category}-${kind}`]!;
                      return (
                        <td key={kind}>
                          <input
                            {...getInputProps(field, { type: "number" })}
                            step="0.25"
                            aria-label={`${label}: ${t(kind === "first" ? "settings.first" : "settings.next")}`}
                          />{" "}
                          {t("settings.hoursUnit")}
                          <FieldErrors id={field.errorId} errors={field.errors} />
                        </td>
                      );
                    })}
                  </tr>
                );
              })}
            </tbody>
          </table>
          <button type="submit">{t("settings.saveTargets")}</button>
        </Form>
      </section>
      <section aria-labelledby="templates-heading">
        <h2 id="templates-heading">{t("settings.templates")}</h2>
        <p>{t("settings.templatesIntro")}</p>
        {templates.length === 0 ? <p>{t("settings.noTemplates")}</p> : null}
        <ul>
          {templates.map((template) => (
            <li key={template.id}>
              <Link to={`/staff/inquiry-settings/templates/${template.id}`}>{i18n.language === "ja" ? template.titleJa : template.titleEn}</Link>
            </li>
          ))}
        </ul>
        <p>
          <Link to="/staff/inquiry-settings/templates/new">{t("settings.newTemplate")}</Link>
        </p>
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
