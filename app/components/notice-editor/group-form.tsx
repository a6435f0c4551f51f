// An affected group: its key, name and description in both languages, and which data
// categories were exposed for its members.
import { getCollectionProps, getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, FieldErrors, FormMessage } from "~/components/forms";
import { AffectedGroupSchema, type AffectedGroupInput } from "~/domain/notice/editor-schemas";
import { BilingualField } from "./bilingual-field";

export interface CategoryChoice {
  id: string;
  key: string;
  labelJa: string;
  labelEn: string;
}

export function GroupForm({
  choices,
  defaultValue,
  lastResult,
  saved = false,
}: {
  choices: CategoryChoice[];
  defaultValue?: AffectedGroupInput;
  lastResult: SubmissionResult<string[]> | null | undefined;
  saved?: boolean;
}) {
  const { t, i18n } = useTranslation("staff-notice");
  const [form, fields] = useForm({
    id: "affected-group",
    lastResult,
    defaultValue,
    constraint: getZodConstraint(AffectedGroupSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: AffectedGroupSchema }),
  });
  const labels = new Map(choices.map((choice) => [choice.id, i18n.language === "ja" ? choice.labelJa : choice.labelEn]));
  const checkboxes = getCollectionProps(fields.categoryIds, {
    type: "checkbox",
    options: choices.map((choice) => choice.id),
  });
  return (
    <Form method="post" className="editor-form" {...getFormProps(form)}>
      <FormMessage message={saved ? t("saved") : null} />
      <FormMessage message={form.errors?.map((error) => t(error)).join(" ")} error />
      <Field field={fields.key} label={t("field.key")} hint={t("field.keyHint")}>
        <input {...getInputProps(fields.key, { type: "text", ariaDescribedBy: `${fields.key.id}-hint` })} autoComplete="off" spellCheck={false} />
      </Field>
      <BilingualField label="field.groupName" ja={fields.nameJa} en={fields.nameEn} />
      <BilingualField label="field.groupDescription" ja={fields.descriptionJa} en={fields.descriptionEn} multiline />
      <fieldset aria-describedby={fields.categoryIds.errors ? fields.categoryIds.errorId : undefined}>
        <legend>{t("field.groupCategories")}</legend>
        {choices.length === 0 ? <p className="field-hint">{t("groups.noCategories")}</p> : null}
        <ul className="checkbox-list">
          {checkboxes.map(({ key, ...props }) => (
            <li key={key}>
              <label>
                <input {...props} />
                {labels.get(props.value)}
              </label>
            </li>
          ))}
        </ul>
        <FieldErrors id={fields.categoryIds.errorId} errors={fields.categoryIds.errors} />
      </fieldset>
      <div className="form-actions">
        <button type="submit">{t("save")}</button>
      </div>
    </Form>
  );
}
