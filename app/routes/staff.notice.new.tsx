// Drafting the next revision. There is at most one draft: if it exists, this resumes it.
// A new draft starts from the latest published revision (or the one given by ?from=N).
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { BilingualPreview } from "~/components/notice-editor/bilingual-preview";
import { EditorNav } from "~/components/notice-editor/editor-nav";
import { RevisionForm } from "~/components/notice-editor/revision-form";
import { getConfig } from "~/config.server";
import { revisionDraftSchema } from "~/domain/notice/editor-schemas";
import { parseRevisionNumber } from "~/domain/notice/revision-kind";
import { i18next } from "~/i18n/i18next.server";
import { editorActor } from "~/models/editor-actor.server";
import { createDraft, getDraftingState, getNewDraftValues, previewRevision } from "~/models/notice-drafts.server";
import styles from "~/styles/staff-notice.css";
import { requireStaff } from "~/utils/guards.server";
import { titleOr } from "~/utils/page-title";

export const handle = { i18n: ["common", "staff", "staff-notice", "notice"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export async function loader(args: LoaderFunctionArgs) {
  await requireStaff(args, "publish:notice");
  const state = await getDraftingState();
  if (state.draft) throw redirect(`/staff/notice/${state.draft.number}`);
  const timeZone = getConfig().DESK_TIME_ZONE;
  const basedOn = parseRevisionNumber(new URL(args.request.url).searchParams.get("from"));
  const [values, t] = await Promise.all([getNewDraftValues(basedOn, state, timeZone), i18next.getFixedT(args.request, "staff-notice")]);
  return {
    number: state.nextNumber,
    kinds: state.kinds,
    basedOn: values.basedOn,
    defaultValue: values.draft,
    timeZone,
    title: t("staff:pageTitle", { page: t("editor.newTitle") }),
  };
}

export async function action(args: ActionFunctionArgs) {
  const staff = await requireStaff(args, "publish:notice");
  const formData = await args.request.formData();
  const state = await getDraftingState();
  const timeZone = getConfig().DESK_TIME_ZONE;
  const submission = parseWithZod(formData, { schema: revisionDraftSchema(state.kinds) });
  if (submission.status !== "success") {
    return data({ result: submission.reply(), preview: null }, { status: submission.status === "error" ? 400 : 200 });
  }
  if (formData.get("intent") === "preview") {
    return {
      result: submission.reply(),
      preview: previewRevision(submission.value, state.nextNumber, new Date(), timeZone),
    };
  }
  const outcome = await createDraft(editorActor(staff, args.context.clientAddress), submission.value, timeZone);
  if (outcome.status === "created") throw redirect(`/staff/notice/${outcome.number}`);
  const error = outcome.status === "draft-exists" ? "staff-notice:errors.draftExists" : "staff-notice:errors.kind";
  return data({ result: submission.reply({ formErrors: [error] }), preview: null }, { status: 409 });
}

export default function NewRevisionPage() {
  const { number, kinds, basedOn, defaultValue, timeZone } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("staff-notice");
  return (
    <>
      <EditorNav />
      <h1>{t("editor.newTitle")}</h1>
      <p>
        {basedOn ? t("editor.basedOn", { label: t(`label.${basedOn.kind}`, { ns: "notice", number: basedOn.number }) }) : t("editor.fromScratch")}{" "}
        {t("editor.draftNote")}
      </p>
      <RevisionForm kinds={kinds} number={number} defaultValue={defaultValue} lastResult={actionData?.result} timeZone={timeZone} />
      {actionData?.preview ? <BilingualPreview heading={t("preview.heading")} revisions={actionData.preview} timeZone={timeZone} /> : null}
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleOr(data?.title, matches);

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
