// The "Am I affected?" form: one address field and its button. /check shows it as the page;
// the notice shows the same form near its top, posting to /check, so both land on the same
// answer page, behind the same honeypot and rate limits.
import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type * as z from "zod";
import { Field } from "~/components/forms";
import { Honeypot } from "~/components/honeypot";
import { CHECK_ACTION, CHECK_HONEYPOT, CheckSchema } from "~/domain/check-form";

export function CheckForm({ id, lastResult }: { id: string; lastResult?: SubmissionResult<string[]> }) {
  const { t } = useTranslation("check");
  const navigation = useNavigation();
  const [form, fields] = useForm<z.input<typeof CheckSchema>>({
    id,
    lastResult,
    constraint: getZodConstraint(CheckSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CheckSchema }),
    shouldValidate: "onBlur",
  });
  const submitting = navigation.state === "submitting" && navigation.formAction === CHECK_ACTION;
  return (
    <Form method="post" action={CHECK_ACTION} className="stack" {...getFormProps(form)}>
      <Field field={fields.email} label={t("email")}>
        <input {...getInputProps(fields.email, { type: "email" })} autoComplete="email" />
      </Field>
      <Honeypot id={`${id}-website`} name={CHECK_HONEYPOT} label={t("honeypot")} />
      <div>
        <button type="submit" disabled={submitting}>
          {t("submit")}
        </button>
      </div>
    </Form>
  );
}

/** The form as a box near the top of the notice, the way people look for it. */
export function CheckBox() {
  const { t } = useTranslation("check");
  return (
    <section className="check-box" aria-labelledby="check-box-heading">
      <h2 id="check-box-heading">{t("title")}</h2>
      <p>{t("box.intro")}</p>
      <CheckForm id="notice-check" />
    </section>
  );
}
