// One inquiry as its sender follows it: the conversation with the desk (never staff
// notes), when an answer is expected, a reply form and a way to close it. Reached with
// the sender's session or a mailbox link; to anyone else it looks the same whether the
// reference exists or not.
import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, isRouteErrorResponse, useActionData, useLoaderData, useNavigation, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CountedTextarea } from "~/components/counted-textarea";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormMessage } from "~/components/forms";
import { PlainText } from "~/components/plain-text";
import { getConfig } from "~/config.server";
import { ThreadReplySchema } from "~/domain/inquiries/inquiry-form";
import { MESSAGE_MAX } from "~/domain/inquiries/plain-text";
import { normaliseReference } from "~/domain/inquiries/reference";
import { getLanguage, i18next } from "~/i18n/i18next.server";
import { openInquiryLink, threadAccess, threadPath } from "~/models/inquiries/access.server";
import { addCustomerMessage, closeByCustomer, getCustomerThread } from "~/models/inquiries/customer-thread.server";
import { clientHash } from "~/utils/client-address.server";
import { formatDateTime, formatWindow } from "~/utils/format";
import { bearerTokenOf } from "~/utils/bearer-token.server";
import { requireSameOrigin } from "~/utils/guards.server";
import { titleOr } from "~/utils/page-title";
import { limitedAnswer, passRetryAfter } from "~/utils/retry-after.server";
import { notFound } from "~/utils/http-errors.server";

export const handle = { i18n: ["common", "desk", "inquiries"] };
export const headers = passRetryAfter;

/** The thread this request may see, or a 404 that says how to get in. */
async function requireThread(request: Request, referenceParam: string | undefined) {
  const reference = normaliseReference(referenceParam ?? "");
  const t = await i18next.getFixedT(request, "inquiries");
  if (!reference) throw notFound({ title: t("thread.unavailableTitle") });
  const access = await threadAccess(request, reference);
  if (!access.allowed) throw notFound({ title: t("thread.unavailableTitle") });
  return { reference, inquiryId: access.inquiryId };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const reference = normaliseReference(params.reference ?? "");
  // A mailbox link: its token goes into a cookie for this thread, and out of the address bar.
  const token = url.searchParams.get("token");
  if (reference && token !== null) {
    const valid = bearerTokenOf(token);
    const setCookie = valid ? await openInquiryLink(reference, valid) : null;
    if (setCookie) return redirect(threadPath(reference), { headers: { "Set-Cookie": setCookie } });
  } else if (reference && reference !== params.reference) {
    return redirect(`${threadPath(reference)}${url.search}`);
  }
  const thread = await requireThread(request, params.reference);
  const [details, language, t] = await Promise.all([getCustomerThread(thread.inquiryId), getLanguage(request), i18next.getFixedT(request, "inquiries")]);
  if (!details) throw notFound({ title: t("thread.unavailableTitle") });
  const timeZone = getConfig().DESK_TIME_ZONE;
  const time = (iso: string) => formatDateTime(iso, language, timeZone);
  return {
    thread: {
      ...details,
      dueAt: details.dueAt ? time(details.dueAt) : null,
      createdAt: time(details.createdAt),
      callback: details.callback ? formatWindow(details.callback.from, details.callback.until, language, timeZone) : null,
      messages: details.messages.map((message) => ({ ...message, at: time(message.at) })),
    },
    justSubmitted: url.searchParams.get("submitted") === "1",
    title: t("thread.title", { reference: details.reference }),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleOr(data?.title, matches);

export async function action({ request, params, context }: ActionFunctionArgs) {
  requireSameOrigin(request);
  const { reference, inquiryId } = await requireThread(request, params.reference);
  const formData = await request.formData();
  const client = clientHash(context.clientAddress);
  if (formData.get("intent") === "close") {
    await closeByCustomer(inquiryId, client);
    return redirect(threadPath(reference));
  }
  const submission = parseWithZod(formData, { schema: ThreadReplySchema });
  if (submission.status !== "success") return { result: submission.reply(), notice: null };
  const outcome = await addCustomerMessage(inquiryId, submission.value.message, client);
  if (outcome?.status === "limited") {
    return limitedAnswer(request, outcome.retryAt, (time) => ({ result: submission.reply(), notice: { key: "thread.limited", time } }));
  }
  if (outcome?.status === "closed") return { result: submission.reply(), notice: { key: "thread.closedNoReply", time: "" } };
  return { result: submission.reply({ resetForm: true }), notice: { key: "thread.replySent", time: "" } };
}

export default function InquiryThreadPage() {
  const { thread, justSubmitted } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, i18n } = useTranslation("inquiries");
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    constraint: getZodConstraint(ThreadReplySchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ThreadReplySchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const owed = thread.status === "new" || thread.status === "open";
  const notice = actionData?.notice;
  return (
    <>
      <h1>{t("thread.title", { reference: thread.reference })}</h1>
      {justSubmitted ? <FormMessage message={t("thread.submitted", { reference: thread.reference })} /> : null}
      {notice ? <FormMessage message={t(notice.key, { time: notice.time })} error={notice.key !== "thread.replySent"} /> : null}
      <dl className="thread-facts">
        <dt>{t("thread.reference")}</dt>
        <dd>{thread.reference}</dd>
        <dt>{t("thread.category")}</dt>
        <dd>{t(`category.${thread.category}`)}</dd>
        <dt>{t("thread.status")}</dt>
        <dd>{t(`status.${thread.status}`)}</dd>
        <dt>{t("thread.submittedAt")}</dt>
        <dd>{thread.createdAt}</dd>
      </dl>
      {owed && thread.dueAt ? <p className="due-promise">{t("thread.due", { time: thread.dueAt })}</p> : null}
      {thread.callback ? <p>{t("thread.callback", { from: thread.callback.from, until: thread.callback.until })}</p> : null}
      <h2>{t("thread.messages")}</h2>
      <ol className="thread">
        {thread.messages.map((message) => (
          <li key={message.id} className={message.from === "desk" ? "thread-message from-desk" : "thread-message"}>
            <p className="thread-meta">
              {t(message.from === "desk" ? "thread.fromDesk" : "thread.fromYou")} · {message.at}
            </p>
            <PlainText text={message.body} />
          </li>
        ))}
      </ol>
      {thread.status === "closed" ? (
        <p>
          {t("thread.closed")} <a href="/inquiries/new">{t("thread.newInquiry")}</a>
        </p>
      ) : (
        <>
          <h2>{t("thread.replyTitle")}</h2>
          <Form method="post" className="stack" {...getFormProps(form)}>
            <input type="hidden" name="intent" value="reply" />
            <Field field={fields.message} label={t("thread.replyLabel")} hint={t("form.messageHint", { max: MESSAGE_MAX.toLocaleString(i18n.language) })}>
              <CountedTextarea field={fields.message} max={MESSAGE_MAX} rows={6} hintId={`${fields.message.id}-hint`} />
            </Field>
            <p>{t("form.noAttachments")}</p>
            <div>
              <button type="submit" disabled={navigation.state === "submitting"}>
                {t("thread.send")}
              </button>
            </div>
          </Form>
          <Form method="post">
            <input type="hidden" name="intent" value="close" />
            <p>{t("thread.closeHint")}</p>
            <button type="submit" className="secondary">
              {t("thread.close")}
            </button>
          </Form>
        </>
      )}
    </>
  );
}

/** Not found and not yours read the same: how to get in. */
export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation("inquiries");
  if (!isRouteErrorResponse(error) || error.status !== 404) return <GeneralErrorBoundary />;
  return (
    <>
      <h1>{t("thread.unavailableTitle")}</h1>
      <p>{t("thread.unavailable")}</p>
      <ul>
        <li>
          <a href="/check">{t("thread.viaCheck")}</a>
        </li>
        <li>
          <a href="/inquiries/new">{t("thread.newInquiry")}</a>
        </li>
      </ul>
    </>
  );
}
