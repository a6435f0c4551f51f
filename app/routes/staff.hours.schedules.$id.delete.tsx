// Asks before deleting a weekly schedule, saying what customers will see without it.
import { redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useDateRange } from "~/components/hours/date-range";
import { WeekSummary } from "~/components/hours/week-summary";
import { summarizeWeek } from "~/domain/business-hours";
import { getLanguage, i18next } from "~/i18n/i18next.server";
import { deleteSchedule, editorOf, getSchedule } from "~/models/hours.server";
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
  const { schedule } = found;
  const [t, language] = await Promise.all([i18next.getFixedT(args.request, "staff-hours"), getLanguage(args.request)]);
  const page = t("deleteSchedule.title", { name: language === "ja" ? found.channel.nameJa : found.channel.nameEn });
  return {
    title: t("staff:pageTitle", { page }),
    channel: found.channel,
    period: found.period,
    effectiveFrom: schedule.effectiveFrom,
    effectiveUntil: schedule.effectiveUntil,
    groups: summarizeWeek(schedule),
    holidayRule: schedule.holidays.kind,
    holidayIntervals: schedule.holidays.kind === "own-hours" ? schedule.holidays.intervals : [],
  };
}

export async function action(args: ActionFunctionArgs) {
  const staff = await requireStaff(args, "manage:hours");
  const outcome = await deleteSchedule(args.params.id ?? "", editorOf(staff, args.context.clientAddress));
  if (outcome.status !== "ok") throw notFound();
  return redirect("/staff/hours?done=schedule-deleted");
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleOr(data?.title, matches);

export default function DeleteSchedulePage() {
  const { channel, period, effectiveFrom, effectiveUntil, groups, holidayRule, holidayIntervals } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("staff-hours");
  const dateRange = useDateRange();
  const name = i18n.language === "ja" ? channel.nameJa : channel.nameEn;
  return (
    <>
      <h1>{t("deleteSchedule.title", { name })}</h1>
      <p>{t("deleteSchedule.question", { range: dateRange(effectiveFrom, effectiveUntil) })}</p>
      <WeekSummary groups={groups} holidayRule={holidayRule} holidayIntervals={holidayIntervals} />
      {period === "current" ? <p className="form-message is-error">{t("deleteSchedule.warningCurrent")}</p> : null}
      <Form method="post" className="hours-buttons">
        <button type="submit">{t("deleteSchedule.submit")}</button>
        <Link to="/staff/hours">{t("form.cancel")}</Link>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
