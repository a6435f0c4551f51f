// A data category: its key, its label and the action recommended to customers, in both languages.
import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, FormMessage } from "~/components/forms";
import { DataCategorySchema, type DataCategoryInput } from "~/domain/notice/editor-schemas";
import { BilingualField } from "./bilingual-field";

export function CategoryForm({
  defaultValue,
  lastResult,
  saved = false,
}: {
  defaultValue?: DataCategoryInput;
  lastResult: SubmissionResult<string[]> | null | undefined;
  saved?: boolean;
}) {
  const { t } = useTranslation("staff-notice");
  const [form, fields] = useForm({
    id: "data-category",
    lastResult,
    defaultValue,
    constraint: getZodConstraint(DataCategorySchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: DataCategorySchema }),
  });
  return (
    <Form method="post" className="editor-form" {...getFormProps(form)}>
      <FormMessage message={saved ? t("saved") : null} />
      <FormMessage message={form.errors?.map((error) => t(error)).join(" ")} error />
      <Field field={fields.key} label={t("field.key")} hint={t("field.keyHint")}>
        <input {...getInputProps(fields.key, { type: "text", ariaDescribedBy: `${fields.key.id}-hint` })} autoComplete="off" spellCheck={false} />
      </Field>
      <BilingualField label="field.categoryLabel" ja={fields.labelJa} en={fields.labelEn} />
      <BilingualField label="field.recommendedAction" ja={fields.recommendedActionJa} en={fields.recommendedActionEn} multiline />
      <div className="form-actions">
        <button type="submit">{t("save")}</button>
      </div>
    </Form>
  );
}
