// The notice's revisions, drafts included, and the way to draft the next one.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { EditorNav } from "~/components/notice-editor/editor-nav";
import { RevisionLabel } from "~/components/revision-label";
import { getConfig } from "~/config.server";
import { i18next } from "~/i18n/i18next.server";
import { getDraftingState, listRevisionsForStaff } from "~/models/notice-drafts.server";
import styles from "~/styles/staff-notice.css";
import { formatDateTime } from "~/utils/format";
import { requireStaff } from "~/utils/guards.server";
import { titleOr } from "~/utils/page-title";

export const handle = { i18n: ["common", "staff", "staff-notice", "notice"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export async function loader(args: LoaderFunctionArgs) {
  await requireStaff(args, "publish:notice");
  const [revisions, state, t] = await Promise.all([listRevisionsForStaff(), getDraftingState(), i18next.getFixedT(args.request, "staff-notice")]);
  return { revisions, draft: state.draft, timeZone: getConfig().DESK_TIME_ZONE, title: t("staff:pageTitle", { page: t("revisions.title") }) };
}

export default function RevisionsPage() {
  const { revisions, draft, timeZone } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("staff-notice");
  const ja = i18n.language === "ja";
  return (
    <>
      <EditorNav />
      <h1>{t("revisions.title")}</h1>
      <p>{t("revisions.intro")}</p>
      <p>
        <Link className="button" to="/staff/notice/new">
          {draft ? t("revisions.resumeDraft", { label: t(`label.${draft.kind}`, { ns: "notice", number: draft.number }) }) : t("revisions.newDraft")}
        </Link>
      </p>
      <table className="data">
        <thead>
          <tr>
            <th scope="col">{t("revisions.label")}</th>
            <th scope="col">{t("revisions.revisionTitle")}</th>
            <th scope="col">{t("revisions.status")}</th>
          </tr>
        </thead>
        <tbody>
          {revisions.map((revision) => (
            <tr key={revision.number}>
              <th scope="row">
                <Link to={`/staff/notice/${revision.number}`}>
                  <RevisionLabel revision={revision} />
                </Link>
              </th>
              <td>{ja ? revision.titleJa : revision.titleEn}</td>
              <td>
                {revision.publishedAt ? (
                  <span className="status-badge is-published">
                    {t("status.published", { date: formatDateTime(revision.publishedAt, i18n.language, timeZone) })}
                  </span>
                ) : (
                  <span className="status-badge is-draft">{t("status.draft")}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleOr(data?.title, matches);

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
