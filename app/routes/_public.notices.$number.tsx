// One published revision at its own URL. A superseded one says so and links to the latest.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import * as z from "zod";
import { CheckBox } from "~/components/check-form";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { RevisionBody } from "~/components/revision-body";
import { RevisionList } from "~/components/revision-list";
import { getConfig } from "~/config.server";
import { getLanguage } from "~/i18n/i18next.server";
import { getPublishedRevision, listPublishedRevisions } from "~/models/notice.server";
import { formatDate } from "~/utils/format";
import { publicPageHeaders } from "~/utils/public-cache";
import { titleOr } from "~/utils/page-title";
import { notFound } from "~/utils/http-errors.server";

export const handle = { i18n: ["common", "notice", "desk", "check"] };
export const headers = publicPageHeaders;

const RevisionNumberSchema = z.coerce.number().int().min(1).max(1_000_000);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const number = RevisionNumberSchema.safeParse(params.number);
  if (!number.success) throw notFound();
  const language = await getLanguage(request);
  const [revision, revisions] = await Promise.all([getPublishedRevision(number.data, language), listPublishedRevisions(language)]);
  if (!revision) throw notFound();
  return { revision, latest: revisions[0]!, revisions, timeZone: getConfig().DESK_TIME_ZONE };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleOr(data?.revision.title, matches);

export default function RevisionPage() {
  const { revision, latest, revisions, timeZone } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("notice");
  const superseded = latest.number !== revision.number;
  return (
    <>
      {superseded ? (
        <p className="superseded" role="note">
          {t("supersededNotice", {
            label: t(`label.${latest.kind}`, { number: latest.number }),
            date: formatDate(latest.publishedAt, i18n.language, timeZone),
          })}{" "}
          <a href="/">{t("readLatest")}</a>
        </p>
      ) : null}
      <RevisionBody revision={revision} timeZone={timeZone} lead={<CheckBox />} />
      <RevisionList revisions={revisions} currentNumber={revision.number} timeZone={timeZone} />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
