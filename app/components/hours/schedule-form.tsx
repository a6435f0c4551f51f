// The add / edit schedule form (one schema for browser and server: ScheduleFormSchema).
// Under each day's field it says how the text is read, so "18:00-09:00" visibly means
// 18:00 to 9:00 the next morning before anything is saved.
import { getCollectionProps, getFormProps, getInputProps, useForm, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, Link } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { HOLIDAY_RULES, type WeeklySchedule } from "~/domain/business-hours";
import { parseIntervals } from "~/domain/hours-editor/parse-intervals";
import { DAY_FIELDS, ScheduleFieldsSchema, ScheduleFormSchema, type ScheduleFormInput } from "~/domain/hours-editor/schedule-form";
import { formatInterval } from "~/utils/format";
import { FormProblems, HoursField, MessageList } from "./messages";

const constraint = getZodConstraint(ScheduleFieldsSchema);

function useReading(): (text: string | undefined) => string | null {
  const { t } = useTranslation("staff-hours");
  return (text) => {
    const parsed = parseIntervals(text ?? "");
    if (!parsed.ok) return null;
    if (parsed.intervals.length === 0) return t("form.readingClosed");
    const hours = [...parsed.intervals]
      .sort((a, b) => a.opensAt - b.opensAt)
      .map((interval) => formatInterval(interval, t))
      .join(", ");
    return t("form.reading", { hours });
  };
}

export function ScheduleForm({
  lastResult,
  defaultValue,
  submitLabel,
}: {
  lastResult: SubmissionResult<string[]> | undefined;
  defaultValue?: ScheduleFormInput;
  submitLabel: string;
}) {
  const { t } = useTranslation("staff-hours");
  const [form, fields] = useForm<ScheduleFormInput, WeeklySchedule>({
    id: "schedule",
    lastResult,
    defaultValue,
    constraint,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ScheduleFormSchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const dayField = (name: (typeof DAY_FIELDS)[number] | "holiday", label: string) => <HoursInput key={name} field={fields[name]} label={label} />;
  return (
    <Form method="post" className="stack hours-form" {...getFormProps(form)}>
      <FormProblems id={form.errorId} errors={form.errors} invalid={form.status === "error"} />
      <fieldset>
        <legend>{t("form.period")}</legend>
        <HoursField field={fields.effectiveFrom} label={t("form.effectiveFrom")}>
          <input {...getInputProps(fields.effectiveFrom, { type: "date" })} required />
        </HoursField>
        <HoursField field={fields.effectiveUntil} label={t("form.effectiveUntil")} hint={t("form.effectiveUntilHint")}>
          <input {...getInputProps(fields.effectiveUntil, { type: "date", ariaDescribedBy: `${fields.effectiveUntil.id}-hint` })} />
        </HoursField>
      </fieldset>

      <fieldset>
        <legend>{t("form.weeklyHours")}</legend>
        <p className="field-hint">{t("form.hoursHelp")}</p>
        <div className="hours-days">{DAY_FIELDS.map((name, index) => dayField(name, t(`form.day.${index + 1}`)))}</div>
      </fieldset>

      <fieldset aria-describedby={fields.holidayRule.errors?.length ? fields.holidayRule.errorId : undefined}>
        <legend>{t("form.holidayRule")}</legend>
        {getCollectionProps(fields.holidayRule, { type: "radio", options: [...HOLIDAY_RULES] }).map((props) => (
          <div key={props.key} className="hours-choice">
            <input {...props} />
            <label htmlFor={props.id}>{t(`holidayRule.${props.value}`)}</label>
          </div>
        ))}
        <MessageList id={fields.holidayRule.errorId} messages={fields.holidayRule.errors} />
        {dayField("holiday", t("form.holidayHours"))}
      </fieldset>

      <div className="hours-buttons">
        <button type="submit">{submitLabel}</button>
        <Link to="/staff/hours">{t("form.cancel")}</Link>
      </div>
    </Form>
  );
}

/** A day's hours, with how the text is read under it, updated as it is typed. */
function HoursInput({ field, label }: { field: FieldMetadata<string | undefined>; label: string }) {
  const { t } = useTranslation("staff-hours");
  const reading = useReading();
  const ref = useRef<HTMLInputElement>(null);
  const [text, setText] = useState(field.initialValue ?? "");
  // Whatever was typed before the page came to life is read too.
  useEffect(() => setText(ref.current?.value ?? ""), []);
  return (
    <HoursField field={field} label={label} hint={reading(text) ?? t("form.readingUnclear")}>
      <input
        {...getInputProps(field, { type: "text", ariaDescribedBy: `${field.id}-hint` })}
        ref={ref}
        onInput={(event) => setText(event.currentTarget.value)}
        autoComplete="off"
      />
    </HoursField>
  );
}
