// Adds whole days on which one channel, or the whole desk, is closed (e.g. 29 Dec – 3 Jan),
// with the reason customers will read in Japanese and English.
import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormProblems, HoursField } from "~/components/hours/messages";
import { ALL_CHANNELS, ClosureFieldsSchema, ClosureFormSchema } from "~/domain/hours-editor/closure-form";
import { i18next } from "~/i18n/i18next.server";
import { createClosure, editorOf, listChannels } from "~/models/hours.server";
import styles from "~/styles/staff-hours.css";
import { requireStaff } from "~/utils/guards.server";
import { titleOr } from "~/utils/page-title";

export const handle = { i18n: ["common", "staff", "staff-hours"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export async function loader(args: LoaderFunctionArgs) {
  await requireStaff(args, "manage:hours");
  const [channels, t] = await Promise.all([listChannels(), i18next.getFixedT(args.request, "staff-hours")]);
  const wanted = new URL(args.request.url).searchParams.get("channel");
  const preselected = wanted === ALL_CHANNELS || channels.some((channel) => channel.key === wanted) ? wanted : null;
  return {
    channels: channels.map(({ key, nameJa, nameEn }) => ({ key, nameJa, nameEn })),
    preselected,
    title: t("staff:pageTitle", { page: t("newClosure.title") }),
  };
}

export async function action(args: ActionFunctionArgs) {
  const staff = await requireStaff(args, "manage:hours");
  const submission = parseWithZod(await args.request.formData(), { schema: ClosureFormSchema });
  if (submission.status !== "success") return { result: submission.reply() };
  const outcome = await createClosure(submission.value, editorOf(staff, args.context.clientAddress));
  if (outcome.status !== "ok") return { result: submission.reply(outcome.status === "invalid" ? outcome.errors : undefined) };
  return redirect("/staff/hours?done=closure-created");
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleOr(data?.title, matches);

export default function NewClosurePage() {
  const { channels, preselected } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, i18n } = useTranslation("staff-hours");
  const [form, fields] = useForm({
    id: "closure",
    lastResult: actionData?.result,
    defaultValue: { channel: preselected ?? "" },
    constraint: getZodConstraint(ClosureFieldsSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ClosureFormSchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  return (
    <>
      <h1>{t("newClosure.title")}</h1>
      <p>{t("newClosure.intro")}</p>
      <Form method="post" className="stack" {...getFormProps(form)}>
        <FormProblems id={form.errorId} errors={form.errors} invalid={form.status === "error"} />
        <HoursField field={fields.channel} label={t("newClosure.channel")}>
          <select {...getSelectProps(fields.channel)} required>
            <option value="">{t("newClosure.choose")}</option>
            <option value={ALL_CHANNELS}>{t("newClosure.allChannels")}</option>
            {channels.map((channel) => (
              <option key={channel.key} value={channel.key}>
                {i18n.language === "ja" ? channel.nameJa : channel.nameEn}
              </option>
            ))}
          </select>
        </HoursField>
        <HoursField field={fields.startsOn} label={t("newClosure.startsOn")}>
          <input {...getInputProps(fields.startsOn, { type: "date" })} required />
        </HoursField>
        <HoursField field={fields.endsOn} label={t("newClosure.endsOn")} hint={t("newClosure.endsOnHint")}>
          <input {...getInputProps(fields.endsOn, { type: "date", ariaDescribedBy: `${fields.endsOn.id}-hint` })} required />
        </HoursField>
        <HoursField field={fields.reasonJa} label={t("newClosure.reasonJa")} hint={t("newClosure.reasonHint")}>
          <input {...getInputProps(fields.reasonJa, { type: "text", ariaDescribedBy: `${fields.reasonJa.id}-hint` })} lang="ja" required />
        </HoursField>
        <HoursField field={fields.reasonEn} label={t("newClosure.reasonEn")}>
          <input {...getInputProps(fields.reasonEn, { type: "text" })} lang="en" required />
        </HoursField>
        <div className="hours-buttons">
          <button type="submit">{t("newClosure.submit")}</button>
          <Link to="/staff/hours">{t("form.cancel")}</Link>
        </div>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
