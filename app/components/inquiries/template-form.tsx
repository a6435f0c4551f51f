// A reply template in both languages; agents get the one in the inquiry's language.
import { getFormProps, getInputProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field } from "~/components/forms";
import { MESSAGE_MAX } from "~/domain/inquiries/plain-text";
import { ReplyTemplateSchema } from "~/domain/inquiries/settings-forms";

export interface TemplateValues {
  titleJa: string;
  titleEn: string;
  bodyJa: string;
  bodyEn: string;
  position: number;
}

export function TemplateForm({ defaults, lastResult }: { defaults?: TemplateValues; lastResult: SubmissionResult<string[]> | undefined }) {
  const { t } = useTranslation("staff-inquiries");
  const [form, fields] = useForm({
    id: "template",
    lastResult,
    defaultValue: defaults ? { ...defaults, position: String(defaults.position) } : { position: "0" },
    constraint: getZodConstraint(ReplyTemplateSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ReplyTemplateSchema }),
    shouldValidate: "onSubmit",
  });
  return (
    <Form method="post" className="stack" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="save" />
      <Field field={fields.titleJa} label={t("template.titleJa")}>
        <input {...getInputProps(fields.titleJa, { type: "text" })} lang="ja" />
      </Field>
      <Field field={fields.titleEn} label={t("template.titleEn")}>
        <input {...getInputProps(fields.titleEn, { type: "text" })} lang="en" />
      </Field>
      <Field field={fields.bodyJa} label={t("template.bodyJa")}>
        <textarea {...getTextareaProps(fields.bodyJa)} rows={8} maxLength={MESSAGE_MAX} lang="ja" />
      </Field>
      <Field field={fields.bodyEn} label={t("template.bodyEn")}>
        <textarea {...getTextareaProps(fields.bodyEn)} rows={8} maxLength={MESSAGE_MAX} lang="en" />
      </Field>
      <Field field={fields.position} label={t("template.position")}>
        <input {...getInputProps(fields.position, { type: "number" })} />
      </Field>
      <div>
        <button type="submit">{t("template.save")}</button>
      </div>
    </Form>
  );
}
