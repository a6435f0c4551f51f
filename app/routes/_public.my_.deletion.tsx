// A verified customer asks for their data to be deleted: what will be erased, what stays
// and why, an explicit confirmation, then the request's own status page. A customer with a
// request in progress is taken to it instead (one open request at most).
import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FieldErrors, FormMessage } from "~/components/forms";
import { getConfig } from "~/config.server";
import { ERASED_CATEGORIES } from "~/domain/deletions/categories";
import { RequestDeletionSchema } from "~/domain/deletions/forms";
import { isOpen } from "~/domain/deletions/status";
import { getLanguage, i18next } from "~/i18n/i18next.server";
import { listCustomerRequests, requestDeletion } from "~/models/deletions/requests.server";
import { getDeletionSettings } from "~/models/deletions/settings.server";
import { deletionStatusPath } from "~/models/deletions/status-link.server";
import { clientHash } from "~/utils/client-address.server";
import { formatDateTime } from "~/utils/format";
import { requireCustomer } from "~/utils/guards.server";
import { titleOr } from "~/utils/page-title";
import { limitedAnswer, passRetryAfter } from "~/utils/retry-after.server";

export const handle = { i18n: ["common", "desk", "deletion"] };
export const headers = passRetryAfter;

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await requireCustomer(request);
  const [requests, settings, language, t] = await Promise.all([
    listCustomerRequests(session.customerId),
    getDeletionSettings(),
    getLanguage(request),
    i18next.getFixedT(request, "deletion"),
  ]);
  const open = requests.find((each) => isOpen(each.status));
  if (open) throw redirect(deletionStatusPath(open.reference));
  const time = (date: Date) => formatDateTime(date, language, getConfig().DESK_TIME_ZONE);
  return {
    settings,
    previous: requests.map((each) => ({ reference: each.reference, status: each.status, receivedAt: time(each.receivedAt) })),
    title: t("request.title"),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleOr(data?.title, matches);

export async function action({ request, context }: ActionFunctionArgs) {
  const session = await requireCustomer(request);
  const submission = parseWithZod(await request.formData(), { schema: RequestDeletionSchema });
  if (submission.status !== "success") return { result: submission.reply(), limitedUntil: null };
  const outcome = await requestDeletion(session.customerId, await getLanguage(request), clientHash(context.clientAddress));
  if (outcome.status === "limited") {
    return limitedAnswer(request, outcome.retryAt, (limitedUntil) => ({ result: submission.reply(), limitedUntil }));
  }
  const notice = outcome.status === "created" ? "created" : "alreadyOpen";
  return redirect(`${deletionStatusPath(outcome.reference)}?notice=${notice}`);
}

export default function RequestDeletionPage() {
  const { settings, previous } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation("deletion");
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    constraint: getZodConstraint(RequestDeletionSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RequestDeletionSchema }),
    shouldValidate: "onSubmit",
  });
  return (
    <>
      <h1>{t("request.title")}</h1>
      {actionData?.limitedUntil ? <FormMessage message={t("request.limited", { time: actionData.limitedUntil })} error /> : null}
      <p>{t("request.intro")}</p>
      <p>{t("request.deadline", { days: settings.deadlineDays })}</p>
      <p>{settings.executionDelayHours > 0 ? t("request.delay", { hours: settings.executionDelayHours }) : t("request.delayNone")}</p>
      <section aria-labelledby="deleted-heading">
        <h2 id="deleted-heading">{t("request.deletedTitle")}</h2>
        <dl className="deletion-kinds">
          {ERASED_CATEGORIES.map((category) => (
            <div key={category}>
              <dt>{t(`category.${category}.title`)}</dt>
              <dd>{t(`category.${category}.description`)}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section aria-labelledby="kept-heading">
        <h2 id="kept-heading">{t("request.keptTitle")}</h2>
        <ul>
          <li>{t("request.kept.tombstone")}</li>
          <li>{t("request.kept.inquirySkeleton")}</li>
          <li>{t("request.kept.audit")}</li>
          <li>{t("request.kept.otherSystems")}</li>
        </ul>
      </section>
      <p>{t("request.consequences")}</p>
      <Form method="post" className="stack" {...getFormProps(form)}>
        <div className="field">
          <label className="checkbox">
            <input {...getInputProps(fields.understood, { type: "checkbox" })} aria-describedby={fields.understood.errorId} /> {t("request.understood")}
          </label>
          <FieldErrors id={fields.understood.errorId} errors={fields.understood.errors} />
        </div>
        <div>
          <button type="submit" disabled={navigation.state === "submitting"}>
            {t("request.submit")}
          </button>
        </div>
      </Form>
      {previous.length > 0 ? (
        <section aria-labelledby="previous-heading">
          <h2 id="previous-heading">{t("request.previous")}</h2>
          <ul>
            {previous.map((each) => (
              <li key={each.reference}>
                <Link to={`/deletion-requests/${each.reference}`}>{each.reference}</Link> · {t(`state.${each.status}.label`)} · {each.receivedAt}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p>
        <Link to="/my">{t("status.myPage")}</Link>
      </p>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
