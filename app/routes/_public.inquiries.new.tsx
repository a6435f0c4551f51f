// A question to the desk. A verified customer's goes straight into the queue; a visitor's
// waits until they confirm their address by the link we mail to it (the page says the
// same whatever the address). Plain text only, no attachments; a call-back can only be
// booked inside the phone desk's hours.
import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { CountedTextarea } from "~/components/counted-textarea";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Honeypot } from "~/components/honeypot";
import { Field, FieldErrors, FormMessage } from "~/components/forms";
import { CallbackOptions } from "~/components/inquiries/callback-select";
import { getConfig } from "~/config.server";
import { INQUIRY_CATEGORIES, isInquiryCategory } from "~/domain/inquiries/categories";
import { callbackWindows } from "~/domain/inquiries/callback";
import { HONEYPOT, inquirySchema, NAME_MAX } from "~/domain/inquiries/inquiry-form";
import { MESSAGE_MAX } from "~/domain/inquiries/plain-text";
import { getLanguage, i18next } from "~/i18n/i18next.server";
import { getCustomerSession } from "~/models/customer-session.server";
import { getChannelHours } from "~/models/inquiries/channel-hours.server";
import { requestInquiryConfirmation, submitCustomerInquiry } from "~/models/inquiries/submit.server";
import { clientHash } from "~/utils/client-address.server";
import { requireSameOrigin } from "~/utils/guards.server";
import { titleOr } from "~/utils/page-title";
import { limitedAnswer, passRetryAfter } from "~/utils/retry-after.server";

export const handle = { i18n: ["common", "desk", "inquiries"] };
export const headers = passRetryAfter;

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await getCustomerSession(request);
  const [language, t, phoneHours] = await Promise.all([getLanguage(request), i18next.getFixedT(request, "inquiries"), getChannelHours("phone")]);
  const wanted = new URL(request.url).searchParams.get("category");
  return {
    verified: session !== null,
    language,
    category: isInquiryCategory(wanted) ? wanted : null,
    windows: callbackWindows(phoneHours, new Date()).map((window) => ({ from: window.from.toISOString(), until: window.until.toISOString() })),
    timeZone: getConfig().DESK_TIME_ZONE,
    title: t("form.title"),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleOr(data?.title, matches);

export async function action({ request, context }: ActionFunctionArgs) {
  requireSameOrigin(request);
  const session = await getCustomerSession(request);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: inquirySchema({ visitor: session === null }) });
  if (submission.status !== "success") return { status: "invalid" as const, result: submission.reply() };
  // A bot gets the answer a person would, and nothing happens.
  if (submission.value[HONEYPOT]) return { status: "confirmation-sent" as const };

  const client = clientHash(context.clientAddress);
  const { email, ...fields } = submission.value;
  const outcome = session
    ? await submitCustomerInquiry(fields, session.customerId, client)
    : // The visitor schema requires the address.
      await requestInquiryConfirmation({ ...fields, email: email! }, client);
  switch (outcome.status) {
    case "submitted":
      return redirect(`/inquiries/${outcome.reference}?submitted=1`);
    case "confirmation-sent":
      return { status: "confirmation-sent" as const };
    case "window-unavailable":
      return { status: "invalid" as const, result: submission.reply({ fieldErrors: { callbackFrom: ["inquiries:errors.callbackUnavailable"] } }) };
    case "limited":
      return limitedAnswer(request, outcome.retryAt, (retryAt) => ({ status: "limited" as const, retryAt, result: submission.reply() }));
  }
}

export default function NewInquiryPage() {
  const { verified, language, category, windows, timeZone } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation("inquiries");
  const schema = inquirySchema({ visitor: !verified });
  const [form, fields] = useForm({
    lastResult: actionData && "result" in actionData ? actionData.result : undefined,
    defaultValue: { language, contactBy: "email", category: category ?? undefined },
    constraint: getZodConstraint(schema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const [contactBy, setContactBy] = useState(fields.contactBy.initialValue ?? "email");

  if (actionData?.status === "confirmation-sent") {
    return (
      <section aria-labelledby="sent-heading">
        <h1 id="sent-heading">{t("confirmSent.title")}</h1>
        <p role="status">{t("confirmSent.body")}</p>
        <p>{t("confirmSent.spam")}</p>
      </section>
    );
  }

  return (
    <>
      <h1>{t("form.title")}</h1>
      <p>{t("form.intro")}</p>
      <p>{verified ? t("form.verifiedIntro") : t("form.visitorIntro")}</p>
      <FormMessage message={actionData?.status === "limited" ? t("limited", { time: actionData.retryAt }) : null} error />
      <FormMessage message={form.status === "error" ? t("errors.summary") : null} error />
      <Form method="post" className="stack" {...getFormProps(form)}>
        <fieldset className="choice-list" aria-describedby={fields.category.errors ? fields.category.errorId : undefined}>
          <legend>{t("form.category")}</legend>
          {INQUIRY_CATEGORIES.map((key) => (
            <label key={key}>
              <input type="radio" name={fields.category.name} value={key} defaultChecked={fields.category.initialValue === key} required />{" "}
              {t(`category.${key}`)}
            </label>
          ))}
          <FieldErrors id={fields.category.errorId} errors={fields.category.errors} />
        </fieldset>
        <Field field={fields.message} label={t("form.message")} hint={t("form.messageHint", { max: MESSAGE_MAX.toLocaleString(language) })}>
          <CountedTextarea field={fields.message} max={MESSAGE_MAX} rows={10} hintId={`${fields.message.id}-hint`} />
        </Field>
        <Field field={fields.name} label={t("form.name")}>
          <input {...getInputProps(fields.name, { type: "text" })} maxLength={NAME_MAX} autoComplete="name" />
        </Field>
        {verified ? (
          <p>{t("form.verifiedAddress")}</p>
        ) : (
          <Field field={fields.email} label={t("form.email")} hint={t("form.emailHint")}>
            <input {...getInputProps(fields.email, { type: "email", ariaDescribedBy: `${fields.email.id}-hint` })} autoComplete="email" />
          </Field>
        )}
        <Field field={fields.language} label={t("form.language")}>
          <select {...getSelectProps(fields.language)}>
            <option value="ja">日本語</option>
            <option value="en">English</option>
          </select>
        </Field>
        <fieldset className="choice-list">
          <legend>{t("form.contactBy")}</legend>
          {(["email", "phone"] as const).map((way) => (
            <label key={way}>
              <input type="radio" name={fields.contactBy.name} value={way} checked={contactBy === way} onChange={() => setContactBy(way)} />{" "}
              {t(`form.contact.${way}`)}
            </label>
          ))}
        </fieldset>
        {contactBy === "phone" ? (
          windows.length === 0 ? (
            <p role="alert">{t("form.noWindows")}</p>
          ) : (
            <>
              <Field field={fields.phone} label={t("form.phone")}>
                <input {...getInputProps(fields.phone, { type: "tel" })} autoComplete="tel" maxLength={40} />
              </Field>
              <Field field={fields.callbackFrom} label={t("form.callback")} hint={t("form.callbackHint")}>
                <select {...getSelectProps(fields.callbackFrom, { ariaDescribedBy: `${fields.callbackFrom.id}-hint` })}>
                  <CallbackOptions windows={windows} timeZone={timeZone} />
                </select>
              </Field>
            </>
          )
        ) : null}
        <p>{t("form.noAttachments")}</p>
        <Honeypot id="inquiry-website" name={HONEYPOT} label={t("form.honeypot")} />
        <div>
          <button type="submit" disabled={navigation.state === "submitting"}>
            {t("form.submit")}
          </button>
        </div>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
