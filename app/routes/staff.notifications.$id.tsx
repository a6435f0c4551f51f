// One notification to affected people (ADR 031): its draft and the law's checklist, a preview
// for any person, a test mail, the second officer's approval, then sending with its progress,
// pause, resume and cancel. Every step names the version the officer saw.
import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormMessage } from "~/components/forms";
import { CampaignText } from "~/components/notifications/campaign-text";
import { Checklist } from "~/components/notifications/checklist";
import { DraftForm } from "~/components/notifications/draft-form";
import { Progress } from "~/components/notifications/progress";
import { useLiveRevalidation } from "~/components/use-live-revalidation";
import { getConfig } from "~/config.server";
import { checklist } from "~/domain/notifications/checklist";
import { CancelSchema, DraftSchema, PreviewSchema, StepSchema } from "~/domain/notifications/forms";
import { canTake } from "~/domain/notifications/status";
import { getLanguage, i18next } from "~/i18n/i18next.server";
import { editorActor } from "~/models/editor-actor.server";
import { approveCampaign, getCampaign, saveDraft, startCampaign, steerCampaign } from "~/models/notifications/campaigns.server";
import { campaignProgress, previewMail, sendTestMail } from "~/models/notifications/recipients.server";
import styles from "~/styles/staff-notifications.css";
import { formatDateTime } from "~/utils/format";
import { requireStaff } from "~/utils/guards.server";
import { notFound } from "~/utils/http-errors.server";
import { titleOr } from "~/utils/page-title";

export const handle = { i18n: ["common", "staff", "staff-notifications"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

async function campaignOf(params: { id?: string }) {
  const campaign = await getCampaign(params.id ?? "");
  if (!campaign) throw notFound();
  return campaign;
}

export async function loader(args: LoaderFunctionArgs) {
  const staff = await requireStaff(args, "notify:affected");
  const campaign = await campaignOf(args.params);
  const [progress, language, t] = await Promise.all([
    campaignProgress(campaign),
    getLanguage(args.request),
    i18next.getFixedT(args.request, "staff-notifications"),
  ]);
  const timeZone = getConfig().DESK_TIME_ZONE;
  const time = (date: Date | null) => (date ? formatDateTime(date, language, timeZone) : null);
  const subject = language === "ja" ? campaign.texts.subjectJa : campaign.texts.subjectEn;
  return {
    campaign: {
      id: campaign.id,
      status: campaign.status,
      texts: campaign.texts,
      pace: { ratePerMinute: campaign.ratePerMinute, rampUpMinutes: campaign.rampUpMinutes },
      version: campaign.version,
      inList: campaign.inList,
      leftOut: campaign.leftOut,
      createdBy: { name: campaign.createdByName, at: time(campaign.createdAt)! },
      approvedBy: campaign.approvedByName ? { name: campaign.approvedByName, at: time(campaign.approvedAt)! } : null,
      startedAt: time(campaign.startedAt),
      finishedAt: time(campaign.finishedAt),
    },
    isAuthor: campaign.createdById === staff.id,
    checklist: checklist(campaign.texts),
    progress,
    title: t("staff:pageTitle", { page: `${t("title")}: ${subject || t("list.untitled")}` }),
  };
}

type Notice = "saved" | "approved" | "started" | "paused" | "resumed" | "cancelled" | "testMailSent";

export async function action(args: ActionFunctionArgs) {
  const staff = await requireStaff(args, "notify:affected");
  const campaign = await campaignOf(args.params);
  const actor = editorActor(staff, args.context.clientAddress);
  const formData = await args.request.formData();
  const reply = (
    fields: {
      form?: "draft" | "cancel" | "preview";
      result?: SubmissionResult<string[]>;
      notice?: Notice;
      error?: string;
      preview?: { subject: string; text: string } | null;
      email?: string;
    },
    status = 200,
  ) => data({ form: null, result: undefined, notice: null, error: null, preview: undefined, email: "", ...fields }, { status });
  const stale = () => reply({ error: "errors.stale" }, 409);

  switch (formData.get("intent")) {
    case "save": {
      const submission = parseWithZod(formData, { schema: DraftSchema });
      if (submission.status !== "success") return reply({ form: "draft", result: submission.reply() }, 400);
      if ((await saveDraft(campaign.id, submission.value, actor)) === "stale") return stale();
      return reply({ notice: "saved" });
    }
    case "preview": {
      const submission = parseWithZod(formData, { schema: PreviewSchema });
      if (submission.status !== "success") return reply({ form: "preview", result: submission.reply() }, 400);
      const mail = await previewMail(campaign, submission.value.person, actor);
      return reply({ form: "preview", result: submission.reply(), preview: mail ? { subject: mail.subject, text: mail.text } : null });
    }
    case "cancel": {
      const submission = parseWithZod(formData, { schema: CancelSchema });
      if (submission.status !== "success") return reply({ form: "cancel", result: submission.reply() }, 400);
      if ((await steerCampaign(campaign.id, "cancel", submission.value.version, actor)) === "stale") return stale();
      return reply({ notice: "cancelled" });
    }
    default: {
      const submission = parseWithZod(formData, { schema: StepSchema });
      if (submission.status !== "success") return stale();
      const { intent, version } = submission.value;
      if (intent === "test-mail") {
        await sendTestMail(campaign, actor);
        return reply({ notice: "testMailSent", email: staff.email });
      }
      if (intent === "approve") {
        const outcome = await approveCampaign(campaign.id, version, actor);
        if (outcome === "stale") return stale();
        if (outcome === "own-draft") return reply({ error: "approve.ownDraft" }, 403);
        if (typeof outcome === "object") return reply({ error: `missing:${outcome.missing.join(",")}` }, 400);
        return reply({ notice: "approved" });
      }
      const outcome = intent === "start" ? await startCampaign(campaign.id, version, actor) : await steerCampaign(campaign.id, intent, version, actor);
      if (outcome === "stale") return stale();
      return reply({ notice: intent === "start" ? "started" : intent === "pause" ? "paused" : "resumed" });
    }
  }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleOr(data?.title, matches);

const NOTICE_TEXT: Record<Notice, string> = {
  saved: "editor.saved",
  approved: "approve.done",
  started: "steps.started",
  paused: "steps.paused",
  resumed: "steps.resumed",
  cancelled: "steps.cancelled",
  testMailSent: "testMail.sent",
};

export default function NotificationPage() {
  const { campaign, isAuthor, checklist: items, progress } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("staff-notifications");
  useLiveRevalidation(campaign.status === "sending");
  const status = campaign.status;
  const error = actionData?.error
    ? actionData.error.startsWith("missing:")
      ? t("approve.missing", {
          items: actionData.error
            .slice("missing:".length)
            .split(",")
            .map((item) => t(`missingItem.${item}`))
            .join("、"),
        })
      : t(actionData.error)
    : null;
  return (
    <>
      <p>
        <Link to="/staff/notifications">{t("back")}</Link>
      </p>
      <h1>
        {t("title")} <span className={`status-badge is-${status}`}>{t(`status.${status}`)}</span>
      </h1>
      <ul className="campaign-meta">
        <li>{t("meta.createdBy", { name: campaign.createdBy.name, time: campaign.createdBy.at })}</li>
        {campaign.approvedBy ? <li>{t("meta.approvedBy", { name: campaign.approvedBy.name, time: campaign.approvedBy.at })}</li> : null}
        {campaign.startedAt ? <li>{t("meta.startedAt", { time: campaign.startedAt })}</li> : null}
        {campaign.finishedAt ? <li>{t("meta.finishedAt", { time: campaign.finishedAt })}</li> : null}
      </ul>
      <FormMessage message={actionData?.notice ? t(NOTICE_TEXT[actionData.notice], { email: actionData.email }) : null} />
      <FormMessage message={error} error />
      {progress ? <Progress {...progress} inList={campaign.inList} leftOut={campaign.leftOut} paused={status === "paused"} /> : null}
      <Steps status={status} version={campaign.version} isAuthor={isAuthor} lastResult={actionData?.form === "cancel" ? actionData.result : undefined} />
      <div className="campaign-layout">
        <div>
          {status === "draft" ? (
            <section aria-labelledby="editor-heading">
              <h2 id="editor-heading">{t("editor.heading")}</h2>
              <p>{t("editor.intro")}</p>
              <DraftForm
                texts={campaign.texts}
                pace={campaign.pace}
                version={campaign.version}
                lastResult={actionData?.form === "draft" ? actionData.result : undefined}
              />
            </section>
          ) : (
            <CampaignText texts={campaign.texts} />
          )}
        </div>
        <Checklist items={items} />
      </div>
      <Preview
        lastResult={actionData?.form === "preview" ? actionData.result : undefined}
        preview={actionData?.form === "preview" ? actionData.preview : undefined}
      />
      {status === "draft" ? (
        <section aria-labelledby="test-heading">
          <h2 id="test-heading">{t("testMail.heading")}</h2>
          <p>{t("testMail.intro")}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="test-mail" />
            <input type="hidden" name="version" value={campaign.version} />
            <button type="submit" className="secondary">
              {t("testMail.button")}
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}

function StepButton({ intent, version, label, secondary = false }: { intent: string; version: number; label: string; secondary?: boolean }) {
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="version" value={version} />
      <button type="submit" className={secondary ? "secondary" : undefined}>
        {label}
      </button>
    </Form>
  );
}

function Steps({
  status,
  version,
  isAuthor,
  lastResult,
}: {
  status: string;
  version: number;
  isAuthor: boolean;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const { t } = useTranslation("staff-notifications");
  const [cancelForm, cancelFields] = useForm({
    id: `cancel-${version}`,
    lastResult,
    constraint: getZodConstraint(CancelSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CancelSchema }),
    shouldValidate: "onSubmit",
  });
  return (
    <>
      {canTake("approve", status) ? (
        <section aria-labelledby="approve-heading">
          <h2 id="approve-heading">{t("approve.heading")}</h2>
          <p>{isAuthor ? t("approve.ownDraft") : t("approve.intro")}</p>
          <StepButton intent="approve" version={version} label={t("approve.button")} />
        </section>
      ) : null}
      {canTake("start", status) || canTake("pause", status) || canTake("resume", status) ? (
        <section aria-labelledby="steps-heading">
          <h2 id="steps-heading">{t("steps.heading")}</h2>
          {canTake("start", status) ? (
            <>
              <p>{t("steps.startIntro")}</p>
              <StepButton intent="start" version={version} label={t("steps.start")} />
            </>
          ) : null}
          {canTake("pause", status) ? <StepButton intent="pause" version={version} label={t("steps.pause")} secondary /> : null}
          {canTake("resume", status) ? <StepButton intent="resume" version={version} label={t("steps.resume")} /> : null}
        </section>
      ) : null}
      {canTake("cancel", status) ? (
        <details className="cancel-campaign">
          <summary>{t("steps.cancel")}</summary>
          <p>{t("steps.cancelConfirm")}</p>
          <Form method="post" className="stack" {...getFormProps(cancelForm)}>
            <input type="hidden" name="intent" value="cancel" />
            <input type="hidden" name="version" value={version} />
            <Field field={cancelFields.confirm} label={t("steps.cancelConfirmBox")}>
              <input {...getInputProps(cancelFields.confirm, { type: "checkbox" })} />
            </Field>
            <div>
              <button type="submit">{t("steps.cancel")}</button>
            </div>
          </Form>
        </details>
      ) : null}
    </>
  );
}

function Preview({
  lastResult,
  preview,
}: {
  lastResult: SubmissionResult<string[]> | undefined;
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
          <button type="submit" className="secondary">
            {t("preview.show")}
          </button>
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

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
