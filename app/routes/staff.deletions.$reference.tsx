// One deletion request as the privacy officer decides it: where it stands, what the portal
// holds about the person (counts, by kind), and approve or refuse on a ground of the list
// with an explanation in both languages. Opening it is audited and starts its review.
import { getFormProps, getSelectProps, getTextareaProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DataCountTable } from "~/components/deletions/data-table";
import { Fact, RequestFacts } from "~/components/deletions/request-facts";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormMessage } from "~/components/forms";
import { PlainText } from "~/components/plain-text";
import { getConfig } from "~/config.server";
import { lastDayOf } from "~/domain/deletions/deadline";
import { ApproveSchema, EXPLANATION_MAX, RefuseSchema } from "~/domain/deletions/forms";
import { canDecide } from "~/domain/deletions/status";
import { normaliseReference } from "~/domain/inquiries/reference";
import { getLanguage, i18next } from "~/i18n/i18next.server";
import { editorActor } from "~/models/editor-actor.server";
import { getManifestState } from "~/models/deletions/manifest.server";
import { getRequestByReference } from "~/models/deletions/requests.server";
import { getDeletionSettings, listRefusalGrounds } from "~/models/deletions/settings.server";
import { approveDeletion, openDeletionRequest, refuseDeletion } from "~/models/deletions/staff-requests.server";
import { formatDateTime, formatLocalDate } from "~/utils/format";
import { requireStaff } from "~/utils/guards.server";
import { titleOr } from "~/utils/page-title";
import { notFound } from "~/utils/http-errors.server";

export const handle = { i18n: ["common", "staff", "staff-deletions", "deletion"] };

function referenceOf(param: string | undefined): string {
  const reference = normaliseReference(param ?? "", "DR");
  if (!reference) throw notFound();
  return reference;
}

export async function loader(args: LoaderFunctionArgs) {
  const staff = await requireStaff(args, "decide:deletion");
  const found = await openDeletionRequest(referenceOf(args.params.reference), editorActor(staff, args.context.clientAddress));
  if (!found) throw notFound();
  const [grounds, settings, manifest, language, t] = await Promise.all([
    listRefusalGrounds(),
    getDeletionSettings(),
    getManifestState(found.id),
    getLanguage(args.request),
    i18next.getFixedT(args.request, "staff-deletions"),
  ]);
  const timeZone = getConfig().DESK_TIME_ZONE;
  const time = (date: Date | null) => (date ? formatDateTime(date, language, timeZone) : null);
  return {
    title: t("staff:pageTitle", { page: t("request.title", { reference: found.reference }) }),
    request: {
      reference: found.reference,
      status: found.status,
      version: found.version,
      language: found.language,
      externalId: found.externalId,
      receivedAt: time(found.receivedAt),
      lastDay: formatLocalDate(lastDayOf(found.dueAt, timeZone), language, { withYear: true }),
      reviewStartedAt: time(found.reviewStartedAt),
      decidedAt: time(found.decidedAt),
      decidedBy: found.decidedBy,
      executeAfter: time(found.executeAfter),
      completedAt: time(found.completedAt),
      cancelledAt: time(found.cancelledAt),
      ground: found.ground,
      explanation: found.explanation,
      data: found.data,
      decidable: canDecide(found.status),
    },
    manifest: manifest && { ...manifest, deliveredAt: time(manifest.deliveredAt) },
    grounds,
    executionDelayHours: settings.executionDelayHours,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleOr(data?.title, matches);

export async function action(args: ActionFunctionArgs) {
  const staff = await requireStaff(args, "decide:deletion");
  const reference = referenceOf(args.params.reference);
  if (!(await getRequestByReference(reference))) throw notFound();
  const actor = editorActor(staff, args.context.clientAddress);
  const formData = await args.request.formData();
  if (formData.get("intent") === "approve") {
    const submission = parseWithZod(formData, { schema: ApproveSchema });
    if (submission.status !== "success") return { result: undefined, notice: "stale" as const };
    const outcome = await approveDeletion(reference, submission.value.version, actor);
    return { result: undefined, notice: outcome === "done" ? ("approved" as const) : outcome };
  }
  const submission = parseWithZod(formData, { schema: RefuseSchema });
  if (submission.status !== "success") return { result: submission.reply(), notice: null };
  const { version, ground, explanationJa, explanationEn } = submission.value;
  const outcome = await refuseDeletion(reference, { seenVersion: version, groundKey: ground, explanationJa, explanationEn }, actor);
  // Anything but done keeps what the officer wrote, to decide again after reading.
  return {
    result: outcome === "done" ? submission.reply({ resetForm: true }) : submission.reply(),
    notice: outcome === "done" ? ("refused" as const) : outcome,
  };
}

export default function DeletionRequestPage() {
  const { request, manifest, grounds, executionDelayHours } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, i18n } = useTranslation("staff-deletions");
  const [form, fields] = useForm({
    id: "refuse",
    lastResult: actionData?.result,
    constraint: getZodConstraint(RefuseSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RefuseSchema }),
    shouldValidate: "onSubmit",
  });
  const notice = actionData?.notice;
  const inEnglish = i18n.language === "en";
  return (
    <>
      <p>
        <Link to="/staff/deletions">{t("request.back")}</Link>
      </p>
      <h1>{t("request.title", { reference: request.reference })}</h1>
      {notice ? <FormMessage message={t(`notice.${notice}`)} error={notice !== "approved" && notice !== "refused"} /> : null}
      <p data-testid="deletion-state">
        <strong>{t(`deletion:state.${request.status}.label`)}</strong>
      </p>
      <RequestFacts request={{ ...request, ground: request.ground && (inEnglish ? request.ground.en : request.ground.ja) }}>
        <Fact label={t("request.externalId")} value={request.externalId} />
        <Fact label={t("queue.language")} value={request.language === "en" ? "English" : "日本語"} />
        <Fact label={t("queue.decidedBy")} value={request.decidedBy} />
      </RequestFacts>
      {request.explanation ? (
        <section aria-labelledby="explanation-heading">
          <h2 id="explanation-heading">{t("deletion:status.explanation")}</h2>
          <PlainText text={request.explanation.ja} lang="ja" />
          <PlainText text={request.explanation.en} lang="en" />
        </section>
      ) : null}
      <p>{t("request.viewAudited")}</p>
      {Object.keys(request.data).length === 0 ? (
        <p>{t("request.nothingHeld")}</p>
      ) : (
        <DataCountTable
          counts={request.data}
          caption={t(request.status === "completed" ? "request.erasedTitle" : "request.heldTitle")}
          categoryHeading={t("request.category")}
          countHeading={t("request.items")}
        />
      )}
      {manifest ? (
        <section aria-labelledby="manifest-heading">
          <h2 id="manifest-heading">{t("request.manifestTitle")}</h2>
          <p>{t("request.manifestEntry", { sequence: manifest.sequence })}</p>
          <p data-testid="webhook-state">{t(`request.webhook.${manifest.webhookStatus}`, { attempts: manifest.attempts, time: manifest.deliveredAt })}</p>
          {manifest.lastError && manifest.webhookStatus === "pending" ? <p>{t("request.webhookError", { error: manifest.lastError })}</p> : null}
        </section>
      ) : null}
      {request.decidable ? (
        <section aria-labelledby="decide-heading">
          <h2 id="decide-heading">{t("decide.title")}</h2>
          <h3>{t("decide.approveTitle")}</h3>
          <p>{executionDelayHours > 0 ? t("decide.approveHint", { hours: executionDelayHours }) : t("decide.approveHintNow")}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="approve" />
            <input type="hidden" name="version" value={request.version} />
            <button type="submit">{t("decide.approve")}</button>
          </Form>
          <h3>{t("decide.refuseTitle")}</h3>
          {grounds.length === 0 ? <p>{t("settings.noGrounds")}</p> : null}
          <Form method="post" className="stack" {...getFormProps(form)}>
            <input type="hidden" name="intent" value="refuse" />
            <input type="hidden" name="version" value={request.version} />
            <Field field={fields.ground} label={t("decide.ground")}>
              <select {...getSelectProps(fields.ground)}>
                <option value="">{t("decide.chooseGround")}</option>
                {grounds.map((ground) => (
                  <option key={ground.key} value={ground.key}>
                    {inEnglish ? ground.labelEn : ground.labelJa}
                  </option>
                ))}
              </select>
            </Field>
            <Field field={fields.explanationJa} label={t("decide.explanationJa")} hint={t("decide.explanationHint", { max: EXPLANATION_MAX })}>
              <textarea
                {...getTextareaProps(fields.explanationJa, { ariaDescribedBy: `${fields.explanationJa.id}-hint` })}
                lang="ja"
                rows={4}
                maxLength={EXPLANATION_MAX}
              />
            </Field>
            <Field field={fields.explanationEn} label={t("decide.explanationEn")}>
              <textarea {...getTextareaProps(fields.explanationEn)} lang="en" rows={4} maxLength={EXPLANATION_MAX} />
            </Field>
            <div>
              <button type="submit">{t("decide.refuse")}</button>
            </div>
          </Form>
        </section>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
