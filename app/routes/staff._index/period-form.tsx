// The dashboard's period: a GET form, so a period is a link that can be shared and
// bookmarked. The same schema checks it in the browser and in the loader.
import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, FormMessage } from "~/components/forms";
import { MAX_PERIOD_DAYS, PeriodSchema, type Period } from "~/domain/dashboard/period";

export function PeriodForm({ lastResult, period }: { lastResult: SubmissionResult<string[]> | null; period: Period }) {
  const { t } = useTranslation("dashboard");
  const [form, fields] = useForm({
    id: "dashboard-period",
    lastResult,
    defaultValue: period,
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: PeriodSchema }),
  });
  const hintId = "dashboard-period-hint";
  return (
    <Form method="get" action="/staff" className="dashboard-period" aria-labelledby="dashboard-period-heading" {...getFormProps(form)}>
      <h2 id="dashboard-period-heading">{t("period.heading")}</h2>
      <FormMessage error message={lastResult?.status === "error" ? t("errors.summary") : null} />
      <p className="field-hint" id={hintId}>
        {t("period.hint", { days: MAX_PERIOD_DAYS })}
      </p>
      <div className="dashboard-period-fields">
        <Field field={fields.from} label={t("period.from")}>
          <input {...getInputProps(fields.from, { type: "date", ariaDescribedBy: hintId })} required />
        </Field>
        <Field field={fields.to} label={t("period.to")}>
          <input {...getInputProps(fields.to, { type: "date", ariaDescribedBy: hintId })} required />
        </Field>
        <div className="dashboard-period-actions">
          <button type="submit">{t("period.submit")}</button>
          <Link to="/staff">{t("period.reset")}</Link>
        </div>
      </div>
    </Form>
  );
}
