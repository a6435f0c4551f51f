// One revision. The draft is edited here (saved, previewed); a published revision is
// shown read-only, as customers see it, and every attempt to change it is refused.
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormMessage } from "~/components/forms";
import { BilingualPreview } from "~/components/notice-editor/bilingual-preview";
import { EditorNav } from "~/components/notice-editor/editor-nav";
import { RevisionForm } from "~/components/notice-editor/revision-form";
import { getConfig } from "~/config.server";
import { revisionDraftSchema } from "~/domain/notice/editor-schemas";
import { parseRevisionNumber } from "~/domain/notice/revision-kind";
import { i18next } from "~/i18n/i18next.server";
import { editorActor } from "~/models/editor-actor.server";
import { getDraftingState, getRevisionForStaff, previewRevision, updateDraft } from "~/models/notice-drafts.server";
import { getPublishedRevision } from "~/models/notice.server";
import styles from "~/styles/staff-notice.css";
import { formatDateTime } from "~/utils/format";
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
  const [revision, state, t] = await Promise.all([
    getRevisionForStaff(number, timeZone),
    getDraftingState(),
    i18next.getFixedT(args.request, ["staff-notice", "notice"]),
  ]);
  if (!revision) throw notFound();
  const label = t(`notice:label.${revision.draft.kind}`, { number });
  const heading = t(revision.publishedAt ? "staff-notice:published.title" : "staff-notice:editor.draftTitle", { label });
  const title = t("staff:pageTitle", { page: heading });
  if (revision.publishedAt) {
    // Exactly what customers see: the public query's own rendering of the published revision.
    const [ja, en] = await Promise.all([getPublishedRevision(number, "ja"), getPublishedRevision(number, "en")]);
    if (!ja || !en) throw notFound();
    return {
      published: { at: revision.publishedAt, preview: { ja, en }, draft: state.draft },
      draft: null,
      number,
      kind: revision.draft.kind,
      timeZone,
      heading,
      title,
    };
  }
  return {
    published: null,
    draft: { kinds: state.kinds, values: revision.draft },
    number,
    kind: revision.draft.kind,
    timeZone,
    heading,
    title,
  };
}

export async function action(args: ActionFunctionArgs) {
  const staff = await requireStaff(args, "publish:notice");
  const number = revisionNumber(args.params);
  const timeZone = getConfig().DESK_TIME_ZONE;
  const refused = () => data({ result: null, preview: null, saved: false, refused: true }, { status: 409 });
  const [revision, state] = await Promise.all([getRevisionForStaff(number, timeZone), getDraftingState()]);
  if (!revision) throw notFound();
  if (revision.publishedAt) return refused();

  const formData = await args.request.formData();
  const submission = parseWithZod(formData, { schema: revisionDraftSchema(state.kinds) });
  if (submission.status !== "success") {
    const status = submission.status === "error" ? 400 : 200;
    return data({ result: submission.reply(), preview: null, saved: false, refused: false }, { status });
  }
  if (formData.get("intent") === "preview") {
    const preview = previewRevision(submission.value, number, new Date(), timeZone);
    return { result: submission.reply(), preview, saved: false, refused: false };
  }
  const outcome = await updateDraft(editorActor(staff, args.context.clientAddress), number, submission.value, timeZone);
  if (outcome.status === "not-found") throw notFound();
  if (outcome.status === "published") return refused();
  if (outcome.status === "kind-not-allowed") {
    const result = submission.reply({ fieldErrors: { kind: ["staff-notice:errors.kind"] } });
    return data({ result, preview: null, saved: false, refused: false }, { status: 409 });
  }
  return { result: submission.reply(), preview: null, saved: true, refused: false };
}

export default function RevisionPage() {
  const { published, draft, number, kind, timeZone, heading } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, i18n } = useTranslation("staff-notice");
  return (
    <>
      <EditorNav />
      <h1>{heading}</h1>
      <FormMessage message={actionData?.refused ? t("errors.published") : null} error />
      {published ? (
        <>
          <p>
            <span className="status-badge is-published">{t("status.published", { date: formatDateTime(published.at, i18n.language, timeZone) })}</span>{" "}
            {t("published.immutable")}
          </p>
          <p>
            {published.draft === null ? (
              <Link className="button" to={`/staff/notice/new?from=${number}`}>
                {t("published.draftFromThis")}
              </Link>
            ) : (
              <Link to={`/staff/notice/${published.draft.number}`}>
                {t("published.draftInProgress", {
                  label: t(`label.${published.draft.kind}`, { ns: "notice", number: published.draft.number }),
                })}
              </Link>
            )}
          </p>
          <BilingualPreview heading={t("published.asPublished")} revisions={published.preview} timeZone={timeZone} />
        </>
      ) : draft ? (
        <>
          <p>
            <span className="status-badge is-draft">{t("status.draft")}</span> {t("editor.draftNote")}
          </p>
          <FormMessage message={actionData?.saved ? t("saved") : null} />
          <RevisionForm kinds={draft.kinds} number={number} defaultValue={draft.values} lastResult={actionData?.result} timeZone={timeZone} />
          <p className="form-actions">
            <Link to={`/staff/notice/${number}/publish`}>{t("editor.toPublish", { label: t(`label.${kind}`, { ns: "notice", number }) })}</Link>
          </p>
          {actionData?.preview ? <BilingualPreview heading={t("preview.heading")} revisions={actionData.preview} timeZone={timeZone} /> : null}
        </>
      ) : null}
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleOr(data?.title, matches);

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
