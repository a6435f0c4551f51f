// The notification's draft: subject and text in Japanese and English, the items the law asks
// for each under its own heading, and the sending speed. One form (Conform + Zod).
import { getFormProps, getInputProps, useForm, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CountedTextarea } from "~/components/counted-textarea";
import { Field, SubmitButton } from "~/components/forms";
import type { CampaignTexts } from "~/domain/notifications/checklist";
import { DraftSchema, PASSAGE_MAX } from "~/domain/notifications/forms";

const PASSAGES = [
  { name: "intro", label: "editor.introText" },
  { name: "summary", label: "editor.summary", hint: "editor.summaryHint" },
  { name: "cause", label: "editor.cause" },
  { name: "harm", label: "editor.harm" },
  { name: "other", label: "editor.other" },
] as const;

export function DraftForm({
  texts,
  pace,
  version,
  lastResult,
  message,
}: {
  texts: CampaignTexts;
  pace: { ratePerMinute: number; rampUpMinutes: number };
  version: number;
  lastResult: SubmissionResult<string[]> | undefined;
  /** The answer to the last save, shown beside its button. */
  message: React.ReactNode;
}) {
  const { t } = useTranslation("staff-notifications");
  const [form, fields] = useForm({
    // One id for the page's life: after a save someone else made first, the form keeps what
    // this officer wrote (lastResult) rather than the newer text it was offered.
    id: "notification-draft",
    lastResult,
    defaultValue: { ...texts, ratePerMinute: String(pace.ratePerMinute), rampUpMinutes: String(pace.rampUpMinutes) },
    constraint: getZodConstraint(DraftSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: DraftSchema }),
    shouldValidate: "onSubmit",
  });
  const passage = (field: FieldMetadata<string | undefined>, label: string, lang: "ja" | "en", hint?: string) => (
    <Field field={field} label={t("editor.inLanguage", { label, language: t(lang === "ja" ? "editor.japanese" : "editor.english") })} hint={hint}>
      <CountedTextarea field={field} max={PASSAGE_MAX} rows={5} lang={lang} hintId={hint ? `${field.id}-hint` : undefined} />
    </Field>
  );
  return (
    <Form method="post" className="stack" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="save" />
      <input type="hidden" name="version" value={version} />
      <fieldset>
        <legend>{t("editor.subject")}</legend>
        <Field field={fields.subjectJa} label={t("editor.japanese")}>
          <input {...getInputProps(fields.subjectJa, { type: "text" })} lang="ja" />
        </Field>
        <Field field={fields.subjectEn} label={t("editor.english")}>
          <input {...getInputProps(fields.subjectEn, { type: "text" })} lang="en" />
        </Field>
      </fieldset>
      {PASSAGES.map((item) => (
        <fieldset key={item.name}>
          <legend>{t(item.label)}</legend>
          {"hint" in item ? <p>{t(item.hint)}</p> : null}
          {passage(fields[`${item.name}Ja`], t(item.label), "ja")}
          {passage(fields[`${item.name}En`], t(item.label), "en")}
        </fieldset>
      ))}
      {/* Text fields with a numeric keyboard: a number field would drop what an IME types full-width. */}
      <fieldset>
        <legend>{t("editor.pace")}</legend>
        <Field field={fields.ratePerMinute} label={t("editor.rate")} hint={t("editor.rateHint")}>
          <input
            {...getInputProps(fields.ratePerMinute, { type: "text", ariaDescribedBy: `${fields.ratePerMinute.id}-hint` })}
            inputMode="numeric"
            autoComplete="off"
          />
        </Field>
        <Field field={fields.rampUpMinutes} label={t("editor.rampUp")} hint={t("editor.rampUpHint")}>
          <input
            {...getInputProps(fields.rampUpMinutes, { type: "text", ariaDescribedBy: `${fields.rampUpMinutes.id}-hint` })}
            inputMode="numeric"
            autoComplete="off"
          />
        </Field>
      </fieldset>
      <div>
        <SubmitButton>{t("editor.save")}</SubmitButton>
      </div>
      {message}
    </Form>
  );
}
