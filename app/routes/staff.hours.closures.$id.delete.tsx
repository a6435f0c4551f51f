// Asks before deleting a closure; the days open again as the schedule says.
import { redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useDateRange } from "~/components/hours/date-range";
import { i18next } from "~/i18n/i18next.server";
import { deleteClosure, editorOf, getClosure } from "~/models/hours.server";
import styles from "~/styles/staff-hours.css";
import { requireStaff } from "~/utils/guards.server";
import { titleOr } from "~/utils/page-title";
import { notFound } from "~/utils/http-errors.server";

export const handle = { i18n: ["common", "staff", "staff-hours"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export async function loader(args: LoaderFunctionArgs) {
  await requireStaff(args, "manage:hours");
  const closure = await getClosure(args.params.id ?? "");
  if (!closure) throw notFound();
  const t = await i18next.getFixedT(args.request, "staff-hours");
  return { closure, title: t("staff:pageTitle", { page: t("deleteClosure.title") }) };
}

export async function action(args: ActionFunctionArgs) {
  const staff = await requireStaff(args, "manage:hours");
  const outcome = await deleteClosure(args.params.id ?? "", editorOf(staff, args.context.clientAddress));
  if (outcome.status !== "ok") throw notFound();
  return redirect("/staff/hours?done=closure-deleted");
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleOr(data?.title, matches);

export default function DeleteClosurePage() {
  const { closure } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("staff-hours");
  const dateRange = useDateRange();
  const channelName = closure.channel ? (i18n.language === "ja" ? closure.channel.nameJa : closure.channel.nameEn) : t("newClosure.allChannels");
  return (
    <>
      <h1>{t("deleteClosure.title")}</h1>
      <p>{t("deleteClosure.question")}</p>
      <dl className="hours-facts">
        <div>
          <dt>{t("newClosure.channel")}</dt>
          <dd>{channelName}</dd>
        </div>
        <div>
          <dt>{t("deleteClosure.dates")}</dt>
          <dd>{dateRange(closure.startsOn, closure.endsOn)}</dd>
        </div>
        <div>
          <dt>{t("newClosure.reasonJa")}</dt>
          <dd lang="ja">{closure.reasonJa}</dd>
        </div>
        <div>
          <dt>{t("newClosure.reasonEn")}</dt>
          <dd lang="en">{closure.reasonEn}</dd>
        </div>
      </dl>
      <Form method="post" className="hours-buttons">
        <button type="submit">{t("deleteClosure.submit")}</button>
        <Link to="/staff/hours">{t("form.cancel")}</Link>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
