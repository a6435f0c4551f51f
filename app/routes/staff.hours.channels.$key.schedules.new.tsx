// Adds a weekly schedule to a channel. It must not overlap the channel's other schedules;
// a future one is announced on the public pages from today.
import { parseWithZod } from "@conform-to/zod/v4";
import { redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ScheduleForm } from "~/components/hours/schedule-form";
import { scheduleFormValues, ScheduleFormSchema } from "~/domain/hours-editor/schedule-form";
import { getLanguage, i18next } from "~/i18n/i18next.server";
import { createSchedule, editorOf, getChannel, getLatestSchedule } from "~/models/hours.server";
import styles from "~/styles/staff-hours.css";
import { requireStaff } from "~/utils/guards.server";
import { titleOr } from "~/utils/page-title";
import { notFound } from "~/utils/http-errors.server";

export const handle = { i18n: ["common", "staff", "staff-hours"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export async function loader(args: LoaderFunctionArgs) {
  await requireStaff(args, "manage:hours");
  const key = args.params.key ?? "";
  const [channel, latest] = await Promise.all([getChannel(key), getLatestSchedule(key)]);
  if (!channel) throw notFound();
  // The new period starts from the latest hours, which are usually what changes a little.
  const values = latest ? { ...scheduleFormValues(latest), effectiveFrom: "", effectiveUntil: "" } : undefined;
  const [t, language] = await Promise.all([i18next.getFixedT(args.request, "staff-hours"), getLanguage(args.request)]);
  const page = t("newSchedule.title", { name: language === "ja" ? channel.nameJa : channel.nameEn });
  return { channel, values, title: t("staff:pageTitle", { page }) };
}

export async function action(args: ActionFunctionArgs) {
  const staff = await requireStaff(args, "manage:hours");
  const key = args.params.key ?? "";
  const submission = parseWithZod(await args.request.formData(), { schema: ScheduleFormSchema });
  if (submission.status !== "success") return { result: submission.reply() };
  const outcome = await createSchedule(key, submission.value, editorOf(staff, args.context.clientAddress));
  if (outcome.status === "not-found") throw notFound();
  if (outcome.status === "invalid") return { result: submission.reply(outcome.errors) };
  return redirect(`/staff/hours?done=schedule-created#hours-${key}`);
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleOr(data?.title, matches);

export default function NewSchedulePage() {
  const { channel, values } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, i18n } = useTranslation("staff-hours");
  const name = i18n.language === "ja" ? channel.nameJa : channel.nameEn;
  return (
    <>
      <h1>{t("newSchedule.title", { name })}</h1>
      <p>{t("newSchedule.intro")}</p>
      <ScheduleForm lastResult={actionData?.result} defaultValue={values} submitLabel={t("newSchedule.submit")} />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
