// The agent's reply: start from a template (in the inquiry's language), edit, choose the
// status to leave the inquiry in, send. The version the page was loaded at goes with it,
// so a reply written while someone else changed the inquiry is held back, not sent.
import { getFormProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { StatusOptions } from "~/components/inquiries/options";
import { Field } from "~/components/forms";
import { MESSAGE_MAX } from "~/domain/inquiries/plain-text";
import { ReplySchema, STAFF_STATUSES } from "~/domain/inquiries/staff-forms";

export interface TemplateOption {
  id: string;
  title: string;
  body: string;
}

export function ReplyForm({
  templates,
  version,
  language,
  lastResult,
}: {
  templates: TemplateOption[];
  version: number;
  language: string;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const { t } = useTranslation("staff-inquiries");
  // Inserting needs the page's script: the button waits for it. The choice is read from the
  // list itself, so one made while the script was still loading (a busy machine) counts too.
  const [scriptRunning, setScriptRunning] = useState(false);
  useEffect(() => setScriptRunning(true), []);
  const templateList = useRef<HTMLSelectElement>(null);
  const [form, fields] = useForm({
    id: "reply",
    lastResult,
    defaultValue: { nextStatus: "waiting" },
    constraint: getZodConstraint(ReplySchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ReplySchema }),
    shouldValidate: "onSubmit",
  });
  const insertTemplate = () => {
    const template = templates.find((candidate) => candidate.id === templateList.current?.value);
    if (template) form.update({ name: fields.body.name, value: template.body });
  };
  return (
    <Form method="post" className="stack" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="reply" />
      {/* From the loader, so after a refused stale reply it holds the version now shown. */}
      <input type="hidden" name="version" value={version} />
      {templates.length > 0 ? (
        <div className="field">
          <label htmlFor="reply-template">{t("reply.template")}</label>
          <select id="reply-template" ref={templateList} defaultValue="">
            <option value="">{t("reply.chooseTemplate")}</option>
            {templates.map((template) => (
              <option key={template.id} value={template.id}>
                {template.title}
              </option>
            ))}
          </select>{" "}
          <button type="button" onClick={insertTemplate} disabled={!scriptRunning}>
            {t("reply.insertTemplate")}
          </button>
        </div>
      ) : null}
      <Field field={fields.body} label={t("reply.body", { language: language === "en" ? "English" : "日本語" })}>
        <textarea {...getTextareaProps(fields.body)} rows={10} maxLength={MESSAGE_MAX} lang={language} />
      </Field>
      <Field field={fields.nextStatus} label={t("reply.nextStatus")}>
        <select {...getSelectProps(fields.nextStatus)}>
          <StatusOptions statuses={STAFF_STATUSES} />
        </select>
      </Field>
      <div>
        <button type="submit">{t("reply.send")}</button>
      </div>
    </Form>
  );
}
