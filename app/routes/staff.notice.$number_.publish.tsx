// Publishing the draft, after a last look at exactly what customers will see. Once
// published a revision is never changed again; a correction is a new revision.
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormMessage } from "~/components/forms";
import { BilingualPreview } from "~/components/notice-editor/bilingual-preview";
import { EditorNav } from "~/components/notice-editor/editor-nav";
import { getConfig } from "~/config.server";
import { parseRevisionNumber } from "~/domain/notice/revision-kind";
import { i18next } from "~/i18n/i18next.server";
import { editorActor } from "~/models/editor-actor.server";
import { getRevisionForStaff, previewRevision, publishDraft } from "~/models/notice-drafts.server";
import styles from "~/styles/staff-notice.css";
import { requireStaff } from "~/utils/guards.server";
import { titleOr } from "~/utils/page-title";
import { notFound } from "~/utils/http-errors.server";

export const handle = { i18n: ["common", "staff", "staff-notice", "notice"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

function revisionNumber(params: { number?: string }): number {
  const number = parseRevisionNumber(params.number);
  if (number === null) throw notFound();
  return number;
}

export async function loader(args: LoaderFunctionArgs) {
  await requireStaff(args, "publish:notice");
  const number = revisionNumber(args.params);
  const timeZone = getConfig().DESK_TIME_ZONE;
  const [revision, t] = await Promise.all([getRevisionForStaff(number, timeZone), i18next.getFixedT(args.request, ["staff-notice", "notice"])]);
  if (!revision) throw notFound();
  const label = t(`notice:label.${revision.draft.kind}`, { number });
  const heading = t("staff-notice:publish.title", { label });
  return {
    number,
    label,
    // Already published (another tab, a second click): nothing left to confirm.
    preview: revision.publishedAt ? null : previewRevision(revision.draft, number, new Date(), timeZone),
    timeZone,
    heading,
    title: t("staff:pageTitle", { page: heading }),
  };
}

export async function action(args: ActionFunctionArgs) {
  const staff = await requireStaff(args, "publish:notice");
  const number = revisionNumber(args.params);
  const outcome = await publishDraft(editorActor(staff, args.context.clientAddress), number, new Date());
  if (outcome.status === "not-found") throw notFound();
  if (outcome.status === "published") throw redirect(`/staff/notice/${number}`);
  return data({ error: outcome.status === "already-published" ? "errors.published" : "errors.kind" }, { status: 409 });
}

export default function PublishPage() {
  const { number, label, preview, timeZone, heading } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("staff-notice");
  const error = actionData?.error ?? (preview ? null : "errors.published");
  return (
    <>
      <EditorNav />
      <h1>{heading}</h1>
      <FormMessage message={error ? t(error) : null} error />
      {preview ? (
        <>
          <p>{t("publish.warning", { label })}</p>
          <Form method="post" className="form-actions">
            <button type="submit">{t("publish.confirm", { label })}</button>
            <Link to={`/staff/notice/${number}`}>{t("publish.back")}</Link>
          </Form>
          <BilingualPreview heading={t("publish.previewHeading")} revisions={preview} timeZone={timeZone} />
        </>
      ) : (
        <p>
          <Link to={`/staff/notice/${number}`}>{t("publish.show", { label })}</Link>
        </p>
      )}
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleOr(data?.title, matches);

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
