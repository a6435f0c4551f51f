// Changes a channel's names and the phone number or address customers are shown.
import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormProblems, HoursField } from "~/components/hours/messages";
import { ChannelFieldsSchema, channelFormSchema } from "~/domain/hours-editor/channel-form";
import { getLanguage, i18next } from "~/i18n/i18next.server";
import { editorOf, getChannel, updateChannel } from "~/models/hours.server";
import styles from "~/styles/staff-hours.css";
import { requireStaff } from "~/utils/guards.server";
import { titleOr } from "~/utils/page-title";
import { notFound } from "~/utils/http-errors.server";

export const handle = { i18n: ["common", "staff", "staff-hours"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export async function loader(args: LoaderFunctionArgs) {
  await requireStaff(args, "manage:hours");
  const channel = await getChannel(args.params.key ?? "");
  if (!channel) throw notFound();
  const [t, language] = await Promise.all([i18next.getFixedT(args.request, "staff-hours"), getLanguage(args.request)]);
  const page = t("editChannel.title", { name: language === "ja" ? channel.nameJa : channel.nameEn });
  return { channel, title: t("staff:pageTitle", { page }) };
}

export async function action(args: ActionFunctionArgs) {
  const staff = await requireStaff(args, "manage:hours");
  const channel = await getChannel(args.params.key ?? "");
  if (!channel) throw notFound();
  const submission = parseWithZod(await args.request.formData(), { schema: channelFormSchema(channel.kind) });
  if (submission.status !== "success") return { result: submission.reply() };
  const outcome = await updateChannel(channel.key, submission.value, editorOf(staff, args.context.clientAddress));
  if (outcome.status === "not-found") throw notFound();
  if (outcome.status === "invalid") return { result: submission.reply(outcome.errors) };
  return redirect(`/staff/hours?done=channel-updated#hours-${channel.key}`);
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleOr(data?.title, matches);

export default function EditChannelPage() {
  const { channel } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, i18n } = useTranslation("staff-hours");
  const schema = channelFormSchema(channel.kind);
  const [form, fields] = useForm({
    id: "channel",
    lastResult: actionData?.result,
    defaultValue: { nameJa: channel.nameJa, nameEn: channel.nameEn, contact: channel.contact },
    constraint: getZodConstraint(ChannelFieldsSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  return (
    <>
      <h1>{t("editChannel.title", { name: i18n.language === "ja" ? channel.nameJa : channel.nameEn })}</h1>
      <p>{t("editChannel.intro")}</p>
      <Form method="post" className="stack" {...getFormProps(form)}>
        <FormProblems id={form.errorId} errors={form.errors} invalid={form.status === "error"} />
        <HoursField field={fields.nameJa} label={t("editChannel.nameJa")}>
          <input {...getInputProps(fields.nameJa, { type: "text" })} lang="ja" required />
        </HoursField>
        <HoursField field={fields.nameEn} label={t("editChannel.nameEn")}>
          <input {...getInputProps(fields.nameEn, { type: "text" })} lang="en" required />
        </HoursField>
        <HoursField
          field={fields.contact}
          label={t(`kind.${channel.kind}`)}
          hint={t(channel.kind === "phone" ? "editChannel.phoneHint" : "editChannel.emailHint")}
        >
          <input
            {...getInputProps(fields.contact, {
              type: channel.kind === "phone" ? "tel" : "email",
              ariaDescribedBy: `${fields.contact.id}-hint`,
            })}
            autoComplete="off"
            required
          />
        </HoursField>
        <div className="hours-buttons">
          <button type="submit">{t("editChannel.submit")}</button>
          <Link to="/staff/hours">{t("form.cancel")}</Link>
        </div>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
