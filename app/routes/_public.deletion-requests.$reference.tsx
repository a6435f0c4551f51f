// A deletion request's own status page: where it stands, the decision with its ground, what
// was erased, and a way to withdraw it until the erasure starts. Its customer reaches it
// with their session, anyone holding a mail about it with the link's key (the page shows no
// personal data, and after the erasure there is no session left to sign in with). Reading
// is all the key allows: whoever sees the mail could otherwise stop the erasure, so a
// withdrawal takes a session the customer opened from their mailbox (ADR 013).
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, isRouteErrorResponse, Link, useActionData, useLoaderData, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DataCountTable } from "~/components/deletions/data-table";
import { Fact, RequestFacts } from "~/components/deletions/request-facts";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormMessage } from "~/components/forms";
import { PlainText } from "~/components/plain-text";
import { getConfig } from "~/config.server";
import { lastDayOf } from "~/domain/deletions/deadline";
import { canCancel } from "~/domain/deletions/status";
import { normaliseReference } from "~/domain/inquiries/reference";
import { getLanguage, i18next } from "~/i18n/i18next.server";
import { getCustomerSession } from "~/models/customer-session.server";
import { cancelDeletion, getRequestByReference } from "~/models/deletions/requests.server";
import { deletionStatusPath, isStatusKey } from "~/models/deletions/status-link.server";
import { clientHash } from "~/utils/client-address.server";
import { formatDateTime, formatLocalDate } from "~/utils/format";
import { requireSameOrigin } from "~/utils/guards.server";
import { titleOr } from "~/utils/page-title";
import { notFound } from "~/utils/http-errors.server";

export const handle = { i18n: ["common", "desk", "deletion"] };

/** The request, if this visitor may see it; otherwise the same 404 whether it exists or not. */
async function requireRequest(request: Request, referenceParam: string | undefined, key: unknown) {
  const reference = normaliseReference(referenceParam ?? "", "DR");
  const found = reference ? await getRequestByReference(reference) : null;
  const session = await getCustomerSession(request);
  const mine = found !== null && session !== null && found.customerId !== null && found.customerId === session.customerId;
  if (!found || !(mine || isStatusKey(found.id, key))) {
    const t = await i18next.getFixedT(request, "deletion");
    throw notFound({ title: t("status.unavailableTitle") });
  }
  return { request: found, signedIn: session !== null, mailboxProven: mine && session.verifiedBy === "mail-link" };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const key = url.searchParams.get("key");
  const { request: found, signedIn, mailboxProven } = await requireRequest(request, params.reference, key);
  const [language, t] = await Promise.all([getLanguage(request), i18next.getFixedT(request, "deletion")]);
  const timeZone = getConfig().DESK_TIME_ZONE;
  const time = (date: Date | null) => (date ? formatDateTime(date, language, timeZone) : null);
  const notice = url.searchParams.get("notice");
  return {
    request: {
      reference: found.reference,
      status: found.status,
      receivedAt: time(found.receivedAt),
      lastDay: formatLocalDate(lastDayOf(found.dueAt, timeZone), language, { withYear: true }),
      reviewStartedAt: time(found.reviewStartedAt),
      decidedAt: time(found.decidedAt),
      executeAfter: found.status === "approved" ? time(found.executeAfter) : null,
      completedAt: time(found.completedAt),
      cancelledAt: time(found.cancelledAt),
      ground: found.ground ? (language === "en" ? found.ground.en : found.ground.ja) : null,
      explanation: found.explanation ? (language === "en" ? found.explanation.en : found.explanation.ja) : null,
      erased: found.erased,
      cancellable: canCancel(found.status),
    },
    key: key ?? "",
    signedIn,
    mailboxProven,
    notice: notice === "created" || notice === "alreadyOpen" || notice === "cancelled" ? notice : null,
    title: t("status.title", { reference: found.reference }),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleOr(data?.title, matches);

export async function action({ request, params, context }: ActionFunctionArgs) {
  requireSameOrigin(request);
  const form = await request.formData();
  const key = form.get("key");
  const { request: found, mailboxProven } = await requireRequest(request, params.reference, key);
  if (!mailboxProven) return data({ notice: "confirmFirst" as const }, { status: 403 });
  const outcome = await cancelDeletion(found.reference, clientHash(context.clientAddress));
  if (outcome === "too-late") return { notice: "tooLate" as const };
  const keyParam = typeof key === "string" && key ? `&key=${encodeURIComponent(key)}` : "";
  return redirect(`${deletionStatusPath(found.reference)}?notice=cancelled${keyParam}`);
}

export default function DeletionStatusPage() {
  const { request, key, signedIn, mailboxProven, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("deletion");
  return (
    <>
      <h1>{t("status.title", { reference: request.reference })}</h1>
      {notice ? <FormMessage message={t(`status.${notice}`)} /> : null}
      {actionData?.notice ? <FormMessage message={t(`status.${actionData.notice}`)} error /> : null}
      <p className="deletion-state" data-testid="deletion-state">
        <strong>{t(`state.${request.status}.label`)}</strong> {t(`state.${request.status}.description`)}
      </p>
      <RequestFacts request={request}>
        <Fact label={t("status.reference")} value={request.reference} />
      </RequestFacts>
      {request.explanation ? (
        <section aria-labelledby="explanation-heading">
          <h2 id="explanation-heading">{t("status.explanation")}</h2>
          <div data-testid="refusal-explanation">
            <PlainText text={request.explanation} />
          </div>
        </section>
      ) : null}
      {request.status === "completed" ? (
        <DataCountTable counts={request.erased} caption={t("status.erasedTitle")} categoryHeading={t("status.kind")} countHeading={t("status.items")} />
      ) : null}
      {request.cancellable && !mailboxProven ? (
        <section aria-labelledby="withdraw-heading">
          <h2 id="withdraw-heading">{t("status.withdrawTitle")}</h2>
          <p>{t("status.withdrawConfirmFirst")}</p>
          <p>
            <a href="/check">{t("status.confirmToWithdraw")}</a>
          </p>
        </section>
      ) : null}
      {request.cancellable && mailboxProven ? (
        <Form method="post">
          <input type="hidden" name="key" value={key} />
          <p>{t("status.cancelHint")}</p>
          <button type="submit" className="secondary">
            {t("status.cancel")}
          </button>
        </Form>
      ) : null}
      {signedIn && (request.status === "cancelled" || request.status === "refused") ? (
        <p>
          <Link to="/my/deletion">{t("status.requestAgain")}</Link>
        </p>
      ) : null}
      {signedIn ? (
        <p>
          <Link to="/my">{t("status.myPage")}</Link>
        </p>
      ) : null}
    </>
  );
}

/** Not found and not yours read the same. */
export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation("deletion");
  if (!isRouteErrorResponse(error) || error.status !== 404) return <GeneralErrorBoundary />;
  return (
    <>
      <h1>{t("status.unavailableTitle")}</h1>
      <p>{t("status.unavailable")}</p>
      <p>
        <a href="/check">{t("status.viaCheck")}</a>
      </p>
    </>
  );
}
