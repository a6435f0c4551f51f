// An internal note: for staff only, never shown or mailed to the customer.
import { getFormProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field } from "~/components/forms";
import { MESSAGE_MAX } from "~/domain/inquiries/plain-text";
import { NoteSchema } from "~/domain/inquiries/staff-forms";

export function NoteForm({ lastResult }: { lastResult: SubmissionResult<string[]> | undefined }) {
  const { t } = useTranslation("staff-inquiries");
  const [form, fields] = useForm({
    id: "note",
    lastResult,
    constraint: getZodConstraint(NoteSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: NoteSchema }),
    shouldValidate: "onSubmit",
  });
  return (
    <Form method="post" className="stack" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="note" />
      <Field field={fields.body} label={t("note.body")}>
        <textarea {...getTextareaProps(fields.body)} rows={4} maxLength={MESSAGE_MAX} />
      </Field>
      <div>
        <button type="submit">{t("note.add")}</button>
      </div>
    </Form>
  );
}
