// Business hours, for staff: every channel with its schedules, closures and the next 14
// days as customers will see them, plus the closures of the whole desk.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormMessage } from "~/components/forms";
import { ChannelSection, ClosureList } from "~/components/hours/channel-section";
import { i18next } from "~/i18n/i18next.server";
import { getHoursOverview } from "~/models/hours.server";
import styles from "~/styles/staff-hours.css";
import { requireStaff } from "~/utils/guards.server";
import { titleOr } from "~/utils/page-title";

export const handle = { i18n: ["common", "staff", "staff-hours"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

const DONE = ["schedule-created", "schedule-updated", "schedule-deleted", "closure-created", "closure-deleted", "channel-updated"];

export async function loader(args: LoaderFunctionArgs) {
  await requireStaff(args, "manage:hours");
  const [overview, t] = await Promise.all([getHoursOverview(), i18next.getFixedT(args.request, "staff-hours")]);
  return { ...overview, title: t("staff:pageTitle", { page: t("overview.title") }) };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleOr(data?.title, matches);

export default function HoursPage() {
  const { timeZone, today, channels, sharedClosures } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation("staff-hours");
  const done = searchParams.get("done");
  return (
    <>
      <h1>{t("overview.title")}</h1>
      <p>{t("overview.intro", { timeZone })}</p>
      <FormMessage message={done && DONE.includes(done) ? t(`done.${done}`) : null} />
      {channels.map((channel) => (
        <ChannelSection key={channel.key} channel={channel} today={today} />
      ))}
      <section className="hours-channel" aria-labelledby="shared-closures">
        <h2 id="shared-closures">{t("closures.sharedHeading")}</h2>
        <p>{t("closures.sharedIntro")}</p>
        <ClosureList closures={sharedClosures} emptyText={t("closures.none")} />
        <p>
          <Link to="/staff/hours/closures/new?channel=all">{t("closures.addShared")}</Link>
        </p>
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
