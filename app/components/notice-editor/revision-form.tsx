// The draft of a revision: its kind, its texts in Japanese and English (Markdown), and its
// timeline. "Preview" renders it on the server without saving; "Save" keeps the draft.
// Rows are added and removed with Conform's list intents, which also work without JavaScript.
import { getFormProps, getInputProps, getSelectProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Field, FieldErrors, FormMessage } from "~/components/forms";
import { revisionDraftSchema, type RevisionDraft } from "~/domain/notice/editor-schemas";
import type { NoticeKind } from "~/domain/notice/revision-kind";
import { BilingualField } from "./bilingual-field";

const EMPTY_ENTRY = { occurredAt: "", textJa: "", textEn: "" };

export function RevisionForm({
  kinds,
  number,
  defaultValue,
  lastResult,
  timeZone,
}: {
  kinds: NoticeKind[];
  number: number;
  defaultValue: Partial<RevisionDraft>;
  lastResult: SubmissionResult<string[]> | null | undefined;
  timeZone: string;
}) {
  const { t } = useTranslation("staff-notice");
  const kindList = kinds.join(",");
  // Rebuilt only when the allowed kinds change, not on every render.
  const schema = useMemo(() => revisionDraftSchema(kindList.split(",") as NoticeKind[]), [kindList]);
  const [form, fields] = useForm({
    id: "revision-draft",
    lastResult,
    defaultValue,
    constraint: getZodConstraint(schema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  const timeline = fields.timeline.getFieldList();
  return (
    <Form method="post" className="editor-form" {...getFormProps(form)}>
      {/* Enter in a text field saves, rather than pressing the first row's "remove" button. */}
      <button type="submit" name="intent" value="save" hidden tabIndex={-1} />
      <FormMessage message={form.errors?.map((error) => t(error)).join(" ")} error />
      <p className="field-hint">{t("editor.markdownHint")}</p>
      <Field field={fields.kind} label={t("editor.kind")}>
        <select {...getSelectProps(fields.kind)}>
          {kinds.map((kind) => (
            <option key={kind} value={kind}>
              {t(`label.${kind}`, { ns: "notice", number })}
            </option>
          ))}
        </select>
      </Field>
      <BilingualField label="field.title" ja={fields.titleJa} en={fields.titleEn} />
      <BilingualField label="field.summary" ja={fields.summaryJa} en={fields.summaryEn} multiline />
      <BilingualField label="field.customerActions" ja={fields.customerActionsJa} en={fields.customerActionsEn} multiline />
      <BilingualField label="field.actionsTaken" ja={fields.actionsTakenJa} en={fields.actionsTakenEn} multiline />
      <fieldset className="timeline-editor">
        <legend>{t("editor.timeline")}</legend>
        <p className="field-hint">{t("editor.timeZoneHint", { zone: timeZone })}</p>
        <FieldErrors id={fields.timeline.errorId} errors={fields.timeline.errors} />
        <ol>
          {timeline.map((entry, index) => {
            const row = entry.getFieldset();
            return (
              <li key={entry.key}>
                <fieldset className="timeline-row">
                  <legend>{t("editor.timelineEntry", { number: index + 1 })}</legend>
                  <Field field={row.occurredAt} label={t("field.occurredAt", { number: index + 1 })}>
                    <input {...getInputProps(row.occurredAt, { type: "datetime-local" })} />
                  </Field>
                  <Field field={row.textJa} label={t("field.entryJa", { number: index + 1 })}>
                    <input {...getInputProps(row.textJa, { type: "text" })} lang="ja" />
                  </Field>
                  <Field field={row.textEn} label={t("field.entryEn", { number: index + 1 })}>
                    <input {...getInputProps(row.textEn, { type: "text" })} lang="en" />
                  </Field>
                  <button className="secondary" {...form.remove.getButtonProps({ name: fields.timeline.name, index })}>
                    {t("editor.removeEntry", { number: index + 1 })}
                  </button>
                </fieldset>
              </li>
            );
          })}
        </ol>
        <button className="secondary" {...form.insert.getButtonProps({ name: fields.timeline.name, defaultValue: EMPTY_ENTRY })}>
          {t("editor.addEntry")}
        </button>
      </fieldset>
      <div className="form-actions">
        <button type="submit" name="intent" value="preview" className="secondary">
          {t("editor.preview")}
        </button>
        <button type="submit" name="intent" value="save">
          {t("editor.save")}
        </button>
      </div>
    </Form>
  );
}
