// The incident notice: the latest published revision, what was exposed for each
// affected group, and every earlier revision. Right under its title, the "Am I affected?"
// form itself, not only a link to it.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CheckBox } from "~/components/check-form";
import { ExposedData } from "~/components/exposed-data";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { RevisionBody } from "~/components/revision-body";
import { RevisionList } from "~/components/revision-list";
import { getConfig } from "~/config.server";
import { getLanguage } from "~/i18n/i18next.server";
import { getAffectedGroups, getLatestRevision, listPublishedRevisions } from "~/models/notice.server";
import { publicPageHeaders } from "~/utils/public-cache";
import { titleOr } from "~/utils/page-title";

export const handle = { i18n: ["common", "notice", "desk", "check"] };
export const headers = publicPageHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  const language = await getLanguage(request);
  const [latest, revisions, groups] = await Promise.all([getLatestRevision(language), listPublishedRevisions(language), getAffectedGroups(language)]);
  return { latest, revisions, groups, timeZone: getConfig().DESK_TIME_ZONE };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleOr(data?.latest?.title, matches);

export default function NoticePage() {
  const { latest, revisions, groups, timeZone } = useLoaderData<typeof loader>();
  const { t } = useTranslation("notice");
  if (!latest) return <p>{t("noNotice")}</p>;
  return (
    <>
      <RevisionBody revision={latest} timeZone={timeZone} lead={<CheckBox />}>
        <ExposedData groups={groups} />
      </RevisionBody>
      <RevisionList revisions={revisions} currentNumber={latest.number} timeZone={timeZone} />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
