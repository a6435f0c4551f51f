// One notification to affected people (ADR 031): its draft beside the law's checklist, a
// preview for any person, a test mail, approval by someone other than whoever saved the text
// last, then sending with its progress, pause, resume and cancel. Every step names the
// version the officer saw; each answer is shown next to the form that asked.
import { parseWithZod } from "@conform-to/zod/v4";
import type { SubmissionResult } from "@conform-to/react";
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormMessage } from "~/components/forms";
import { CampaignSteps, type StepSection } from "~/components/notifications/campaign-steps";
import { CampaignText } from "~/components/notifications/campaign-text";
import { Checklist } from "~/components/notifications/checklist";
import { DraftForm } from "~/components/notifications/draft-form";
import { MailPreview } from "~/components/notifications/mail-preview";
import { LiveProgress } from "~/components/notifications/progress";
import { getConfig } from "~/config.server";
import { checklist } from "~/domain/notifications/checklist";
import { CancelSchema, DraftSchema, PreviewSchema, StartSchema, StepSchema } from "~/domain/notifications/forms";
import { getLanguage, i18next } from "~/i18n/i18next.server";
import { editorActor } from "~/models/editor-actor.server";
import { approveCampaign, getCampaign, saveDraft, startCampaign, steerCampaign } from "~/models/notifications/campaigns.server";
import { audienceSize, campaignProgress, previewMail, sendTestMail } from "~/models/notifications/recipients.server";
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
  const [progress, audience, language, t] = await Promise.all([
    campaignProgress(campaign),
    campaign.status === "approved" ? audienceSize() : null,
    getLanguage(args.request),
    i18next.getFixedT(args.request, "staff-notifications"),
  ]);
  const timeZone = getConfig().DESK_TIME_ZONE;
  const time = (date: Date) => formatDateTime(date, language, timeZone);
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
      createdBy: { name: campaign.createdByName, at: time(campaign.createdAt) },
      editedBy: campaign.editedByName,
      approvedBy: campaign.approvedByName && campaign.approvedAt ? { name: campaign.approvedByName, at: time(campaign.approvedAt) } : null,
      startedAt: campaign.startedAt ? time(campaign.startedAt) : null,
      finishedAt: campaign.finishedAt ? time(campaign.finishedAt) : null,
    },
    savedTheTextLast: campaign.editedById === staff.id,
    checklist: checklist(campaign.texts),
    progress,
    audience,
    title: t("staff:pageTitle", { page: `${t("title")}: ${subject || t("list.untitled")}` }),
  };
}

type Notice = "saved" | "approved" | "started" | "paused" | "resumed" | "cancelled" | "testMailSent";

interface Answer {
  /** The form that asked, whose place on the page the answer is shown in. */
  section: StepSection | "draft" | "preview" | "test";
  result?: SubmissionResult<string[]>;
  notice?: Notice;
  error?: string;
  /** Missing items, for an approval refused for them. */
  missing?: string[];
  preview?: { subject: string; text: string } | null;
  email?: string;
}

export async function action(args: ActionFunctionArgs) {
  const staff = await requireStaff(args, "notify:affected");
  const campaign = await campaignOf(args.params);
  const actor = editorActor(staff, args.context.clientAddress);
  const formData = await args.request.formData();
  // Answered with 200 even when refused, so the page's data is read again (Remix doesn't after
  // an error status) and shows the campaign as it now is.
  const answer = (fields: Answer) =>
    data({ result: undefined, notice: undefined, error: undefined, missing: undefined, preview: undefined, email: undefined, ...fields });
  const stale = (section: Answer["section"]) => answer({ section, error: "errors.stale" });

  switch (formData.get("intent")) {
    case "save": {
      const submission = parseWithZod(formData, { schema: DraftSchema });
      if (submission.status !== "success") return answer({ section: "draft", result: submission.reply() });
      // What they wrote stays in the form when someone else saved first.
      if ((await saveDraft(campaign.id, submission.value, actor)) === "stale")
        return answer({ section: "draft", result: submission.reply(), error: "errors.staleDraft" });
      return answer({ section: "draft", notice: "saved" });
    }
    case "preview": {
      const submission = parseWithZod(formData, { schema: PreviewSchema });
      if (submission.status !== "success") return answer({ section: "preview", result: submission.reply() });
      const mail = await previewMail(campaign, submission.value.person, actor);
      return answer({ section: "preview", result: submission.reply(), preview: mail ? { subject: mail.subject, text: mail.text } : null });
    }
    case "start": {
      const submission = parseWithZod(formData, { schema: StartSchema });
      if (submission.status !== "success") return answer({ section: "start", result: submission.reply() });
      if ((await startCampaign(campaign.id, submission.value.version, actor)) === "stale") return stale("start");
      return answer({ section: "start", notice: "started" });
    }
    case "cancel": {
      const submission = parseWithZod(formData, { schema: CancelSchema });
      if (submission.status !== "success") return answer({ section: "cancel", result: submission.reply() });
      if ((await steerCampaign(campaign.id, "cancel", submission.value.version, actor)) === "stale") return stale("cancel");
      return answer({ section: "cancel", notice: "cancelled" });
    }
    default: {
      const submission = parseWithZod(formData, { schema: StepSchema });
      if (submission.status !== "success") return stale("steer");
      const { intent, version } = submission.value;
      if (intent === "test-mail") {
        await sendTestMail(campaign, actor);
        return answer({ section: "test", notice: "testMailSent", email: staff.email });
      }
      if (intent === "approve") {
        const outcome = await approveCampaign(campaign.id, version, actor);
        if (outcome === "stale") return stale("approve");
        if (outcome === "own-text") return answer({ section: "approve", error: "approve.ownText" });
        if (typeof outcome === "object") return answer({ section: "approve", error: "approve.missing", missing: outcome.missing });
        return answer({ section: "approve", notice: "approved" });
      }
      if ((await steerCampaign(campaign.id, intent, version, actor)) === "stale") return stale("steer");
      return answer({ section: "steer", notice: intent === "pause" ? "paused" : "resumed" });
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
  const { campaign, savedTheTextLast, checklist: items, progress, audience } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t, i18n } = useTranslation("staff-notifications");
  const { status } = campaign;
  /** The answer to the form of `section`, in its words, to show beside that form. */
  const messageFor = (section: Answer["section"]) => {
    if (answer?.section !== section) return null;
    if (answer.notice) return <FormMessage message={t(NOTICE_TEXT[answer.notice], { email: answer.email })} />;
    if (!answer.error) return null;
    const items = new Intl.ListFormat(i18n.language, { type: "conjunction" }).format((answer.missing ?? []).map((item) => t(`checklist.${item}`)));
    return <FormMessage message={t(answer.error, { items })} error />;
  };
  const number = (value: number) => value.toLocaleString(i18n.language);
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
        {status === "draft" ? <li>{t("meta.editedBy", { name: campaign.editedBy })}</li> : null}
        {campaign.approvedBy ? <li>{t("meta.approvedBy", { name: campaign.approvedBy.name, time: campaign.approvedBy.at })}</li> : null}
        {status !== "draft" ? (
          <li>
            {t("meta.pace", { rate: number(campaign.pace.ratePerMinute) })}
            {campaign.pace.rampUpMinutes > 0 ? t("meta.rampUp", { minutes: number(campaign.pace.rampUpMinutes) }) : null}
          </li>
        ) : null}
        {campaign.startedAt ? <li>{t("meta.startedAt", { time: campaign.startedAt })}</li> : null}
        {campaign.finishedAt ? <li>{t("meta.finishedAt", { time: campaign.finishedAt })}</li> : null}
      </ul>
      {progress ? (
        <LiveProgress
          campaignId={campaign.id}
          status={status}
          version={campaign.version}
          initial={progress}
          inList={campaign.inList}
          leftOut={campaign.leftOut}
        />
      ) : null}
      <div className="campaign-layout">
        <Checklist items={items} />
        <div className="campaign-main">
          {status === "draft" ? (
            <section aria-labelledby="editor-heading">
              <h2 id="editor-heading">{t("editor.heading")}</h2>
              <p>{t("editor.intro")}</p>
              <DraftForm
                texts={campaign.texts}
                pace={campaign.pace}
                version={campaign.version}
                lastResult={answer?.section === "draft" ? answer.result : undefined}
                message={messageFor("draft")}
              />
            </section>
          ) : (
            <CampaignText texts={campaign.texts} />
          )}
        </div>
      </div>
      <MailPreview
        lastResult={answer?.section === "preview" ? answer.result : undefined}
        preview={answer?.section === "preview" ? answer.preview : undefined}
      />
      <CampaignSteps
        status={status}
        version={campaign.version}
        savedTheTextLast={savedTheTextLast}
        audience={audience}
        pace={campaign.pace}
        lastResult={answer?.result}
        answeredSection={answer?.section}
        messageFor={messageFor}
      />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
