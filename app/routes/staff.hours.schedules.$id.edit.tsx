// Changes a weekly schedule (dates, hours, holiday rule), checked against the channel's
// other schedules as when adding one.
import { parseWithZod } from "@conform-to/zod/v4";
import { redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useDateRange } from "~/components/hours/date-range";
import { ScheduleForm } from "~/components/hours/schedule-form";
import { scheduleFormValues, ScheduleFormSchema } from "~/domain/hours-editor/schedule-form";
import { getLanguage, i18next } from "~/i18n/i18next.server";
import { editorOf, getSchedule, updateSchedule } from "~/models/hours.server";
import styles from "~/styles/staff-hours.css";
import { requireStaff } from "~/utils/guards.server";
import { titleOr } from "~/utils/page-title";
import { notFound } from "~/utils/http-errors.server";

export const handle = { i18n: ["common", "staff", "staff-hours"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export async function loader(args: LoaderFunctionArgs) {
  await requireStaff(args, "manage:hours");
  const found = await getSchedule(args.params.id ?? "");
  if (!found) throw notFound();
  const [t, language] = await Promise.all([i18next.getFixedT(args.request, "staff-hours"), getLanguage(args.request)]);
  const page = t("editSchedule.title", { name: language === "ja" ? found.channel.nameJa : found.channel.nameEn });
  return { channel: found.channel, schedule: found.schedule, values: scheduleFormValues(found.schedule), title: t("staff:pageTitle", { page }) };
}

export async function action(args: ActionFunctionArgs) {
  const staff = await requireStaff(args, "manage:hours");
  const submission = parseWithZod(await args.request.formData(), { schema: ScheduleFormSchema });
  if (submission.status !== "success") return { result: submission.reply() };
  const outcome = await updateSchedule(args.params.id ?? "", submission.value, editorOf(staff, args.context.clientAddress));
  if (outcome.status === "not-found") throw notFound();
  if (outcome.status === "invalid") return { result: submission.reply(outcome.errors) };
  return redirect("/staff/hours?done=schedule-updated");
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleOr(data?.title, matches);

export default function EditSchedulePage() {
  const { channel, schedule, values } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, i18n } = useTranslation("staff-hours");
  const dateRange = useDateRange();
  const name = i18n.language === "ja" ? channel.nameJa : channel.nameEn;
  return (
    <>
      <h1>{t("editSchedule.title", { name })}</h1>
      <p>{t("editSchedule.intro", { range: dateRange(schedule.effectiveFrom, schedule.effectiveUntil) })}</p>
      <ScheduleForm lastResult={actionData?.result} defaultValue={values} submitLabel={t("editSchedule.submit")} />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
