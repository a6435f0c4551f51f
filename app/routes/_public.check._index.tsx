// "Am I affected?": the visitor gives an address and gets the answer in that mailbox.
// Whatever the address, the response is the same page, produced by the same work; what
// differs (known or not, which mail) is worked out later by a background job on its own
// clock (app/jobs/background.server.ts), so it shows neither in this response's timing
// nor in that of the visitor's next request. The notice shows the same form near its top,
// posting here (app/components/check-form.tsx).
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CheckForm } from "~/components/check-form";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormMessage } from "~/components/forms";
import { CHECK_HONEYPOT, CheckSchema } from "~/domain/check-form";
import { getLanguage, i18next } from "~/i18n/i18next.server";
import { requestCheck } from "~/models/check.server";
import { clientHash } from "~/utils/client-address.server";
import { requireSameOrigin } from "~/utils/guards.server";
import { titleOr } from "~/utils/page-title";
import { limitedAnswer, passRetryAfter } from "~/utils/retry-after.server";

export const handle = { i18n: ["common", "desk", "check"] };
export const headers = passRetryAfter;

export async function loader({ request }: LoaderFunctionArgs) {
  const t = await i18next.getFixedT(request, "check");
  return { title: t("title") };
}

export async function action({ request, context }: ActionFunctionArgs) {
  requireSameOrigin(request);
  const submission = parseWithZod(await request.formData(), { schema: CheckSchema });
  if (submission.status !== "success") return { status: "invalid" as const, result: submission.reply() };
  // A bot gets the same answer as a person, and nothing happens.
  if (submission.value[CHECK_HONEYPOT]) return { status: "sent" as const };

  const language = await getLanguage(request);
  const outcome = await requestCheck({ email: submission.value.email, language, clientHash: clientHash(context.clientAddress) });
  if (outcome.limited) {
    // The same for a known address and an unknown one.
    return limitedAnswer(request, outcome.retryAt, (retryAt) => ({ status: "limited" as const, retryAt, result: submission.reply() }));
  }
  // Deliberately nothing about the address: not even the address itself.
  return { status: "sent" as const };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleOr(data?.title, matches);

export default function CheckPage() {
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("check");

  if (actionData?.status === "sent") {
    return (
      <section aria-labelledby="sent-heading">
        <h1 id="sent-heading">{t("sent.title")}</h1>
        <p role="status">{t("sent.body")}</p>
        <p>
          <a href="/check">{t("sent.again")}</a>
        </p>
      </section>
    );
  }

  return (
    <>
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <p>{t("privacy")}</p>
      <FormMessage message={actionData?.status === "limited" ? t("limited", { time: actionData.retryAt }) : null} error />
      <CheckForm id="check" lastResult={actionData && "result" in actionData ? actionData.result : undefined} />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
