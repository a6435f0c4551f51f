// What can be done with a campaign in its status, each answer shown beside its own form: a
// test mail and approval while a draft; starting (confirmed, with how many and how fast) once
// approved; pausing and resuming; and cancelling, or for a draft discarding, confirmed too.
import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, SubmitButton } from "~/components/forms";
import { CancelSchema, StartSchema } from "~/domain/notifications/forms";
import { minutesLeft } from "~/domain/notifications/pace";
import { canTake } from "~/domain/notifications/status";

export type StepSection = "approve" | "start" | "steer" | "cancel";

function StepForm({ intent, version, label, secondary = false }: { intent: string; version: number; label: string; secondary?: boolean }) {
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="version" value={version} />
      <SubmitButton className={secondary ? "secondary" : undefined}>{label}</SubmitButton>
    </Form>
  );
}

/** A step that can't be undone: a box to tick, then the button. */
function ConfirmedStep({
  intent,
  version,
  schema,
  lastResult,
  boxLabel,
  button,
}: {
  intent: "start" | "cancel";
  version: number;
  schema: typeof StartSchema | typeof CancelSchema;
  lastResult: SubmissionResult<string[]> | undefined;
  boxLabel: string;
  button: string;
}) {
  const [form, fields] = useForm({
    id: `${intent}-${version}`,
    lastResult,
    constraint: getZodConstraint(schema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: "onSubmit",
  });
  return (
    <Form method="post" className="stack" {...getFormProps(form)}>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="version" value={version} />
      <Field field={fields.confirm} label={boxLabel}>
        <input {...getInputProps(fields.confirm, { type: "checkbox" })} />
      </Field>
      <div>
        <SubmitButton className={intent === "cancel" ? "danger" : undefined}>{button}</SubmitButton>
      </div>
    </Form>
  );
}

export function CampaignSteps({
  status,
  version,
  savedTheTextLast,
  audience,
  pace,
  lastResult,
  answeredSection,
  messageFor,
}: {
  status: string;
  version: number;
  savedTheTextLast: boolean;
  /** How many people starting now would list (while approved). */
  audience: number | null;
  pace: { ratePerMinute: number; rampUpMinutes: number };
  lastResult: SubmissionResult<string[]> | undefined;
  answeredSection: string | undefined;
  messageFor: (section: StepSection | "test") => React.ReactNode;
}) {
  const { t, i18n } = useTranslation("staff-notifications");
  const number = (value: number) => value.toLocaleString(i18n.language);
  const draft = status === "draft";
  return (
    <>
      {draft ? (
        <section aria-labelledby="test-heading">
          <h2 id="test-heading">{t("testMail.heading")}</h2>
          <p>{t("testMail.intro")}</p>
          <StepForm intent="test-mail" version={version} label={t("testMail.button")} secondary />
          {messageFor("test")}
        </section>
      ) : null}
      {/* A section whose step was just taken stays, with its answer, until the next one. */}
      {canTake("approve", status) || answeredSection === "approve" ? (
        <section aria-labelledby="approve-heading">
          <h2 id="approve-heading">{t("approve.heading")}</h2>
          {canTake("approve", status) ? (
            <>
              <p>{t("approve.intro")}</p>
              {savedTheTextLast ? <p>{t("approve.ownText")}</p> : <StepForm intent="approve" version={version} label={t("approve.button")} />}
            </>
          ) : null}
          {messageFor("approve")}
        </section>
      ) : null}
      {(canTake("start", status) && audience !== null) || answeredSection === "start" ? (
        <section aria-labelledby="start-heading">
          <h2 id="start-heading">{t("steps.heading")}</h2>
          {canTake("start", status) && audience !== null ? (
            <>
              <p>{t("steps.startIntro")}</p>
              <ConfirmedStep
                intent="start"
                version={version}
                schema={StartSchema}
                lastResult={answeredSection === "start" ? lastResult : undefined}
                boxLabel={t("steps.startConfirmBox", {
                  count: audience,
                  people: number(audience),
                  rate: number(pace.ratePerMinute),
                  minutes: number(minutesLeft(pace, audience, 0)),
                })}
                button={t("steps.start")}
              />
            </>
          ) : null}
          {messageFor("start")}
        </section>
      ) : null}
      {canTake("pause", status) || canTake("resume", status) ? (
        <section aria-labelledby="steer-heading">
          <h2 id="steer-heading">{t("steps.heading")}</h2>
          {canTake("pause", status) ? <StepForm intent="pause" version={version} label={t("steps.pause")} secondary /> : null}
          {canTake("resume", status) ? <StepForm intent="resume" version={version} label={t("steps.resume")} /> : null}
          {messageFor("steer")}
        </section>
      ) : null}
      {canTake("cancel", status) || answeredSection === "cancel" ? (
        <section aria-labelledby="cancel-heading" className="cancel-campaign">
          <h2 id="cancel-heading">{t(draft ? "steps.discard" : "steps.cancel")}</h2>
          {canTake("cancel", status) ? (
            <>
              <p>{t(draft ? "steps.discardNote" : "steps.cancelConfirm")}</p>
              <ConfirmedStep
                intent="cancel"
                version={version}
                schema={CancelSchema}
                lastResult={answeredSection === "cancel" ? lastResult : undefined}
                boxLabel={t(draft ? "steps.discardConfirmBox" : "steps.cancelConfirmBox")}
                button={t(draft ? "steps.discard" : "steps.cancel")}
              />
            </>
          ) : null}
          {messageFor("cancel")}
        </section>
      ) : null}
    </>
  );
}
