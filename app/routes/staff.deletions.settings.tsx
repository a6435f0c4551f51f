// The privacy officer's settings for deletion requests: the deadline in calendar days, the
// grace period between approval and erasure, and the grounds a refusal may give.
import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormMessage } from "~/components/forms";
import { DEADLINE_DAYS_RANGE, EXECUTION_DELAY_RANGE } from "~/domain/deletions/deadline";
import { DeletionSettingsSchema, GroundSchema, RetireGroundSchema } from "~/domain/deletions/forms";
import { i18next } from "~/i18n/i18next.server";
import { editorActor } from "~/models/editor-actor.server";
import { addRefusalGround, getDeletionSettings, listRefusalGrounds, retireRefusalGround, saveDeletionSettings } from "~/models/deletions/settings.server";
import { requireStaff } from "~/utils/guards.server";
import { titleOr } from "~/utils/page-title";

export const handle = { i18n: ["common", "staff", "staff-deletions"] };

export async function loader(args: LoaderFunctionArgs) {
  await requireStaff(args, "decide:deletion");
  const [settings, grounds, t] = await Promise.all([getDeletionSettings(), listRefusalGrounds(), i18next.getFixedT(args.request, "staff-deletions")]);
  return { settings, grounds, title: t("staff:pageTitle", { page: t("settings.title") }) };
}

export async function action(args: ActionFunctionArgs) {
  const staff = await requireStaff(args, "decide:deletion");
  const actor = editorActor(staff, args.context.clientAddress);
  const formData = await args.request.formData();
  switch (formData.get("intent")) {
    case "add-ground": {
      const submission = parseWithZod(formData, { schema: GroundSchema });
      if (submission.status !== "success") return { form: "ground" as const, result: submission.reply(), notice: null };
      const { labelJa, labelEn } = submission.value;
      await addRefusalGround({ labelJa, labelEn }, actor);
      return { form: "ground" as const, result: submission.reply({ resetForm: true }), notice: "groundAdded" as const };
    }
    case "retire-ground": {
      const submission = parseWithZod(formData, { schema: RetireGroundSchema });
      // A ground already retired (a second click, another officer) leaves the list as it is.
      const retired = submission.status === "success" && (await retireRefusalGround(submission.value.key, actor));
      return { form: null, result: undefined, notice: retired ? ("groundRetired" as const) : null };
    }
    default: {
      const submission = parseWithZod(formData, { schema: DeletionSettingsSchema });
      if (submission.status !== "success") return { form: "settings" as const, result: submission.reply(), notice: null };
      const { deadlineDays, executionDelayHours } = submission.value;
      await saveDeletionSettings({ deadlineDays, executionDelayHours }, actor);
      return { form: "settings" as const, result: submission.reply(), notice: "saved" as const };
    }
  }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleOr(data?.title, matches);

export default function DeletionSettingsPage() {
  const { settings, grounds } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("staff-deletions");
  const [settingsForm, settingsFields] = useForm({
    id: "deletion-settings",
    lastResult: actionData?.form === "settings" ? actionData.result : undefined,
    defaultValue: { deadlineDays: String(settings.deadlineDays), executionDelayHours: String(settings.executionDelayHours) },
    constraint: getZodConstraint(DeletionSettingsSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: DeletionSettingsSchema }),
    shouldValidate: "onSubmit",
  });
  const [groundForm, groundFields] = useForm({
    id: "add-ground",
    lastResult: actionData?.form === "ground" ? actionData.result : undefined,
    constraint: getZodConstraint(GroundSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: GroundSchema }),
    shouldValidate: "onSubmit",
  });
  return (
    <>
      <p>
        <Link to="/staff/deletions">{t("settings.back")}</Link>
      </p>
      <h1>{t("settings.title")}</h1>
      <FormMessage message={actionData?.notice ? t(`settings.${actionData.notice}`) : null} />
      <Form method="post" className="stack" {...getFormProps(settingsForm)}>
        <input type="hidden" name="intent" value="settings" />
        <Field field={settingsFields.deadlineDays} label={t("settings.deadlineDays")} hint={t("settings.deadlineHint")}>
          <input
            {...getInputProps(settingsFields.deadlineDays, { type: "number", ariaDescribedBy: `${settingsFields.deadlineDays.id}-hint` })}
            min={DEADLINE_DAYS_RANGE.min}
            max={DEADLINE_DAYS_RANGE.max}
          />
        </Field>
        <Field field={settingsFields.executionDelayHours} label={t("settings.executionDelayHours")} hint={t("settings.delayHint")}>
          <input
            {...getInputProps(settingsFields.executionDelayHours, { type: "number", ariaDescribedBy: `${settingsFields.executionDelayHours.id}-hint` })}
            min={EXECUTION_DELAY_RANGE.min}
            max={EXECUTION_DELAY_RANGE.max}
          />
        </Field>
        <div>
          <button type="submit">{t("settings.save")}</button>
        </div>
      </Form>
      <section aria-labelledby="grounds-heading">
        <h2 id="grounds-heading">{t("settings.groundsTitle")}</h2>
        <p>{t("settings.groundsIntro")}</p>
        {grounds.length === 0 ? <p>{t("settings.noGrounds")}</p> : null}
        <ul className="ground-list">
          {grounds.map((ground) => (
            <li key={ground.key}>
              <span lang="ja">{ground.labelJa}</span> / <span lang="en">{ground.labelEn}</span>
              <Form method="post">
                <input type="hidden" name="intent" value="retire-ground" />
                <input type="hidden" name="key" value={ground.key} />
                <button type="submit" className="secondary" aria-label={`${t("settings.retire")}: ${ground.labelJa}`}>
                  {t("settings.retire")}
                </button>
              </Form>
            </li>
          ))}
        </ul>
        <h3>{t("settings.addGround")}</h3>
        <Form method="post" className="stack" {...getFormProps(groundForm)}>
          <input type="hidden" name="intent" value="add-ground" />
          <Field field={groundFields.labelJa} label={t("settings.labelJa")}>
            <input {...getInputProps(groundFields.labelJa, { type: "text" })} lang="ja" maxLength={200} />
          </Field>
          <Field field={groundFields.labelEn} label={t("settings.labelEn")}>
            <input {...getInputProps(groundFields.labelEn, { type: "text" })} lang="en" maxLength={200} />
          </Field>
          <div>
            <button type="submit">{t("settings.add")}</button>
          </div>
        </Form>
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
