// The audit log's filters: a GET form, so a filtered view is a link that can be shared,
// bookmarked and paged. The same schema checks it in the browser and in the loader.
import { getFormProps, getInputProps, getSelectProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, FieldErrors, FormMessage } from "~/components/forms";
import { AUDIT_ACTIONS, isAuditAction, type AuditAction } from "~/domain/audit/actions";
import { AUDIT_RESULTS, AuditLogQuerySchema } from "~/domain/audit/log-query";
import { auditActionName } from "./action-name";

// The choices of the action filter, grouped by what they act on ("inquiry", "staff"…).
const actionGroups: [string, AuditAction[]][] = [];
for (const code of AUDIT_ACTIONS) {
  const group = code.split(".")[0]!;
  const last = actionGroups.at(-1);
  if (last?.[0] === group) last[1].push(code);
  else actionGroups.push([group, [code]]);
}

export function AuditFilterForm({ lastResult, timeZone }: { lastResult: SubmissionResult<string[]>; timeZone: string }) {
  const { t } = useTranslation("staff-audit");
  const [form, fields] = useForm({
    id: "audit-filters",
    lastResult,
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: AuditLogQuerySchema }),
  });
  const chosenAction = fields.action.initialValue;
  const unlistedCode = typeof chosenAction === "string" && chosenAction !== "" && !fields.action.errors && !isAuditAction(chosenAction) ? chosenAction : null;
  const periodHintId = "audit-period-hint";
  const invalid = lastResult.status === "error";
  return (
    <Form method="get" action="/staff/audit" className="audit-filters" aria-labelledby="audit-filters-heading" {...getFormProps(form)}>
      <h2 id="audit-filters-heading">{t("filters.heading")}</h2>
      <FormMessage error message={invalid ? t("errors.summary") : null} />
      {/* The page cursor has no field of its own; a broken one is explained here. */}
      <FieldErrors id={fields.before.errorId} errors={fields.before.errors} />
      <div className="audit-filter-fields">
        <Field field={fields.actor} label={t("filters.actor")}>
          <input {...getInputProps(fields.actor, { type: "email" })} autoComplete="off" />
        </Field>
        <Field field={fields.action} label={t("filters.action")}>
          <select {...getSelectProps(fields.action)}>
            <option value="">{t("filters.anyAction")}</option>
            {/* A code from an old link that is no longer listed stays chosen, named by itself; a
                value that is no code at all is left out, and explained below the select. */}
            {unlistedCode ? <option value={unlistedCode}>{unlistedCode}</option> : null}
            {actionGroups.map(([group, codes]) => (
              <optgroup key={group} label={t(`actionGroups.${group}`)}>
                {codes.map((code) => (
                  <option key={code} value={code}>
                    {auditActionName(code, t)}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </Field>
        <Field field={fields.result} label={t("filters.result")}>
          <select {...getSelectProps(fields.result)}>
            <option value="">{t("filters.anyResult")}</option>
            {AUDIT_RESULTS.map((result) => (
              <option key={result} value={result}>
                {t(`result.${result}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <fieldset className="audit-period">
        <legend>{t("filters.period")}</legend>
        <p className="field-hint" id={periodHintId}>
          {t("filters.periodHint", { timeZone })}
        </p>
        <div className="audit-filter-fields">
          <Field field={fields.from} label={t("filters.from")}>
            <input
              {...getInputProps(fields.from, {
                type: "date",
                ariaDescribedBy: periodHintId,
              })}
            />
          </Field>
          <Field field={fields.to} label={t("filters.to")}>
            <input
              {...getInputProps(fields.to, {
                type: "date",
                ariaDescribedBy: periodHintId,
              })}
            />
          </Field>
        </div>
      </fieldset>
      <div className="audit-filter-actions">
        <button type="submit">{t("filters.submit")}</button>
        <Link to="/staff/audit">{t("filters.clear")}</Link>
      </div>
    </Form>
  );
}
