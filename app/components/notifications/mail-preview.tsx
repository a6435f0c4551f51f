// The mail exactly as it would reach one person, found by the company's own id for them.
import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, FormMessage, SubmitButton } from "~/components/forms";
import { PreviewSchema } from "~/domain/notifications/forms";

export function MailPreview({
  lastResult,
  preview,
}: {
  lastResult: SubmissionResult<string[]> | undefined;
  /** The mail; null when nobody has the id; undefined before a preview was asked for. */
  preview: { subject: string; text: string } | null | undefined;
}) {
  const { t } = useTranslation("staff-notifications");
  const [form, fields] = useForm({
    id: "notification-preview",
    lastResult,
    constraint: getZodConstraint(PreviewSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: PreviewSchema }),
    shouldValidate: "onSubmit",
  });
  return (
    <section aria-labelledby="preview-heading">
      <h2 id="preview-heading">{t("preview.heading")}</h2>
      <p>{t("preview.intro")}</p>
      <p>{t("preview.languageNote")}</p>
      <Form method="post" className="stack" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="preview" />
        <Field field={fields.person} label={t("preview.person")}>
          <input {...getInputProps(fields.person, { type: "text" })} autoComplete="off" spellCheck={false} />
        </Field>
        <div>
          <SubmitButton className="secondary">{t("preview.show")}</SubmitButton>
        </div>
      </Form>
      {preview === null ? <FormMessage message={t("preview.notFound")} error /> : null}
      {preview ? (
        <article aria-label={t("preview.heading")} className="mail-preview">
          <p>
            <strong>{t("preview.subject", { subject: preview.subject })}</strong>
          </p>
          <pre>{preview.text}</pre>
        </article>
      ) : null}
    </section>
  );
}
