// One inquiry for the agent answering it: the thread with internal notes, the sender's
// contact details, how it stands against its due time, who else has it open, the affected
// customer's exposure on request, and the actions. Opening it and every action are audited.
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CategoryTable } from "~/components/category-table";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormMessage } from "~/components/forms";
import { NoteForm } from "~/components/inquiries/note-form";
import { SlaBadge } from "~/components/inquiries/business-time";
import { PresenceBanner } from "~/components/inquiries/presence-banner";
import { ReplyForm } from "~/components/inquiries/reply-form";
import { StaffActions } from "~/components/inquiries/staff-actions";
import { StaffThread } from "~/components/inquiries/staff-thread";
import { getConfig } from "~/config.server";
import { normaliseReference } from "~/domain/inquiries/reference";
import { slaStanding } from "~/domain/inquiries/sla";
import { AssignSchema, ClaimSchema, NoteSchema, ReplySchema, StatusSchema } from "~/domain/inquiries/staff-forms";
import { can } from "~/domain/staff/permissions";
import { getLanguage, i18next } from "~/i18n/i18next.server";
import { editorActor } from "~/models/editor-actor.server";
import { getChannelHours } from "~/models/inquiries/channel-hours.server";
import { listReplyTemplates } from "~/models/inquiries/settings.server";
import {
  addNote,
  assignInquiry,
  checkIn,
  getStaffInquiry,
  listAssignableStaff,
  replyToInquiry,
  setInquiryStatus,
  viewCustomerExposure,
  type ActionOutcome,
} from "~/models/inquiries/staff-inquiry.server";
import { formatDateTime, formatWindow } from "~/utils/format";
import { requireStaff } from "~/utils/guards.server";
import { titleOr } from "~/utils/page-title";
import { notFound } from "~/utils/http-errors.server";

export const handle = { i18n: ["common", "staff", "staff-inquiries", "inquiries", "check"] };

function referenceOf(param: string | undefined): string {
  const reference = normaliseReference(param ?? "");
  if (!reference) throw notFound();
  return reference;
}

export async function loader(args: LoaderFunctionArgs) {
  const staff = await requireStaff(args, "answer:inquiry");
  const reference = referenceOf(args.params.reference);
  const actor = editorActor(staff, args.context.clientAddress);
  const inquiry = await getStaffInquiry(reference, actor);
  if (!inquiry) throw notFound();
  const [language, t] = await Promise.all([getLanguage(args.request), i18next.getFixedT(args.request, "staff-inquiries")]);
  const showExposure = new URL(args.request.url).searchParams.get("exposure") === "1" && can(staff.role, "view:customer-data");
  const [presence, templates, agents, hours, exposure] = await Promise.all([
    checkIn(inquiry.id, staff.id),
    listReplyTemplates(),
    listAssignableStaff(),
    getChannelHours("email"),
    showExposure && inquiry.customerId ? viewCustomerExposure(inquiry.customerId, reference, actor, language) : null,
  ]);
  const timeZone = getConfig().DESK_TIME_ZONE;
  const time = (iso: string) => formatDateTime(iso, language, timeZone);
  return {
    title: t("staff:pageTitle", { page: t("thread.title", { reference: inquiry.reference }) }),
    me: staff.id,
    inquiry: {
      ...inquiry,
      createdAt: time(inquiry.createdAt),
      dueAt: inquiry.dueAt && time(inquiry.dueAt),
      erasedAt: inquiry.erasedAt && time(inquiry.erasedAt),
      standing: slaStanding(hours, inquiry.dueAt ? new Date(inquiry.dueAt) : null, new Date()),
      contact: {
        ...inquiry.contact,
        callback: inquiry.contact.callback && formatWindow(inquiry.contact.callback.from, inquiry.contact.callback.until, language, timeZone),
      },
      messages: inquiry.messages.map((message) => ({ ...message, at: time(message.at) })),
    },
    presence: presence && {
      version: presence.version,
      viewers: presence.viewers.map((viewer) => ({ name: viewer.name })),
      recentReply: presence.recentReply && { ...presence.recentReply, at: time(presence.recentReply.at) },
    },
    templates: templates.map((template) => ({
      id: template.id,
      title: language === "ja" ? template.titleJa : template.titleEn,
      // Replies are written in the inquiry's language, whatever the agent reads.
      body: inquiry.language === "ja" ? template.bodyJa : template.bodyEn,
    })),
    agents,
    canViewCustomerData: can(staff.role, "view:customer-data"),
    exposure,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleOr(data?.title, matches);

type Notice = "replied" | "noted" | "assigned" | "status" | "stale" | "stale-change" | "choose-status" | "invalid-assignee" | "not-found" | "erased";

function noticeOf(outcome: ActionOutcome, done: Notice): Notice {
  return outcome.status === "done" ? done : outcome.status;
}

/** The outcome of a claim, an assignment or a change of status: on a stale view, nothing was changed. */
function changeNoticeOf(outcome: ActionOutcome, done: Notice): Notice {
  return outcome.status === "stale" ? "stale-change" : noticeOf(outcome, done);
}

const ERROR_NOTICES: ReadonlySet<Notice> = new Set(["stale", "stale-change", "choose-status", "invalid-assignee", "not-found"]);

export async function action(args: ActionFunctionArgs) {
  const staff = await requireStaff(args, "answer:inquiry");
  const reference = referenceOf(args.params.reference);
  const actor = editorActor(staff, args.context.clientAddress);
  const formData = await args.request.formData();
  switch (formData.get("intent")) {
    case "reply": {
      const submission = parseWithZod(formData, { schema: ReplySchema });
      if (submission.status !== "success") return { form: "reply" as const, result: submission.reply(), notice: null };
      const { body, nextStatus, version } = submission.value;
      const outcome = await replyToInquiry(reference, { body, nextStatus, seenVersion: version }, actor);
      // A stale reply keeps its draft, for the agent to send after reading what changed.
      return { form: "reply" as const, result: submission.reply({ resetForm: outcome.status === "done" }), notice: noticeOf(outcome, "replied") };
    }
    case "note": {
      const submission = parseWithZod(formData, { schema: NoteSchema });
      if (submission.status !== "success") return { form: "note" as const, result: submission.reply(), notice: null };
      const outcome = await addNote(reference, submission.value.body, actor);
      return { form: "note" as const, result: submission.reply({ resetForm: true }), notice: noticeOf(outcome, "noted") };
    }
    // A form without the version it was built on is from an older page: treated as stale.
    case "claim": {
      const submission = parseWithZod(formData, { schema: ClaimSchema });
      if (submission.status !== "success") return { form: null, result: undefined, notice: "stale-change" as const };
      const outcome = await assignInquiry(reference, { assigneeId: staff.id, seenVersion: submission.value.version }, actor);
      return { form: null, result: undefined, notice: changeNoticeOf(outcome, "assigned") };
    }
    case "assign": {
      const submission = parseWithZod(formData, { schema: AssignSchema });
      if (submission.status !== "success")
        return { form: null, result: undefined, notice: submission.error?.version ? ("stale-change" as const) : ("invalid-assignee" as const) };
      const { assigneeId, version } = submission.value;
      const outcome = await assignInquiry(reference, { assigneeId: assigneeId || null, seenVersion: version }, actor);
      return { form: null, result: undefined, notice: changeNoticeOf(outcome, "assigned") };
    }
    case "status": {
      const submission = parseWithZod(formData, { schema: StatusSchema });
      // No status: the page showed one nobody chooses ("new") and the agent didn't pick another.
      if (submission.status !== "success")
        return { form: null, result: undefined, notice: submission.error?.version ? ("stale-change" as const) : ("choose-status" as const) };
      const outcome = await setInquiryStatus(reference, { to: submission.value.to, seenVersion: submission.value.version }, actor);
      return { form: null, result: undefined, notice: changeNoticeOf(outcome, "status") };
    }
    default:
      throw data(null, { status: 400 });
  }
}

export default function StaffInquiryPage() {
  const { me, inquiry, presence, templates, agents, canViewCustomerData, exposure } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("staff-inquiries");
  const notice = actionData?.notice;
  return (
    <>
      <p>
        <Link to="/staff/inquiries">{t("thread.backToQueue")}</Link>
      </p>
      <h1>{t("thread.title", { reference: inquiry.reference })}</h1>
      {presence ? <PresenceBanner reference={inquiry.reference} loaded={presence} loadedVersion={inquiry.version} /> : null}
      {notice ? <FormMessage message={t(`notice.${notice}`)} error={ERROR_NOTICES.has(notice)} /> : null}
      <dl className="thread-facts">
        <dt>{t("thread.category")}</dt>
        <dd>{t(`inquiries:category.${inquiry.category}`)}</dd>
        <dt>{t("thread.status")}</dt>
        <dd>{t(`inquiries:status.${inquiry.status}`)}</dd>
        <dt>{t("thread.due")}</dt>
        <dd>
          {inquiry.dueAt ? <>{t(inquiry.dueKind === "next" ? "thread.dueNext" : "thread.dueFirst", { time: inquiry.dueAt })} · </> : null}
          <SlaBadge standing={inquiry.standing} />
        </dd>
        <dt>{t("thread.received")}</dt>
        <dd>{inquiry.createdAt}</dd>
        <dt>{t("thread.language")}</dt>
        <dd>{inquiry.language === "en" ? "English" : "日本語"}</dd>
        <dt>{t("thread.assignee")}</dt>
        <dd>{inquiry.assignee?.name ?? t("queue.unassigned")}</dd>
      </dl>
      <section aria-labelledby="contact-heading">
        <h2 id="contact-heading">{t("contact.title")}</h2>
        {/* Nothing is left to show of a sender whose data was erased on their request. */}
        {inquiry.erasedAt ? (
          <p>{t("contact.erased", { time: inquiry.erasedAt })}</p>
        ) : (
          <>
            <dl>
              <dt>{t("contact.email")}</dt>
              <dd>{inquiry.contact.email}</dd>
              <dt>{t("contact.name")}</dt>
              <dd>{inquiry.contact.name ?? t("contact.noName")}</dd>
              <dt>{t("contact.by")}</dt>
              <dd>
                {inquiry.contact.by === "phone" && inquiry.contact.callback
                  ? t("contact.callback", { phone: inquiry.contact.phone, from: inquiry.contact.callback.from, until: inquiry.contact.callback.until })
                  : t("contact.byEmail")}
              </dd>
            </dl>
            {inquiry.customerId === null ? (
              <p>{t("contact.noCustomer")}</p>
            ) : exposure ? (
              exposure.map((group) => (
                <section key={group.groupKey} aria-label={group.groupName}>
                  <h3>{group.groupName}</h3>
                  <CategoryTable categories={group.categories} dataHeading={t("check:my.data")} actionHeading={t("check:my.action")} />
                </section>
              ))
            ) : canViewCustomerData ? (
              <p>
                <Link to="?exposure=1">{t("contact.showExposure")}</Link> {t("contact.exposureAudited")}
              </p>
            ) : null}
          </>
        )}
      </section>
      <section aria-labelledby="thread-heading">
        <h2 id="thread-heading">{t("thread.messages")}</h2>
        <StaffThread messages={inquiry.messages} language={inquiry.language} />
      </section>
      <section aria-labelledby="actions-heading">
        <h2 id="actions-heading">{t("actions.title")}</h2>
        <StaffActions inquiry={inquiry} me={me} agents={agents} />
      </section>
      {/* Nothing more is written about a sender whose data was erased. */}
      {inquiry.erasedAt ? null : (
        <>
          <section aria-labelledby="reply-heading">
            <h2 id="reply-heading">{t("reply.title")}</h2>
            <ReplyForm
              templates={templates}
              version={inquiry.version}
              language={inquiry.language}
              lastResult={actionData?.form === "reply" ? actionData.result : undefined}
            />
          </section>
          <section aria-labelledby="note-heading">
            <h2 id="note-heading">{t("note.title")}</h2>
            <p>{t("note.hint")}</p>
            <NoteForm lastResult={actionData?.form === "note" ? actionData.result : undefined} />
          </section>
        </>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
