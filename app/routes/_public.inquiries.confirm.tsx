// Where a visitor's confirmation link leads. Opening the page changes nothing (mail
// scanners open links too); the button sends the inquiry into the queue and lets this
// browser follow it.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { i18next } from "~/i18n/i18next.server";
import { confirmInquiry, inspectConfirmation } from "~/models/inquiries/submit.server";
import { clientHash } from "~/utils/client-address.server";
import { bearerTokenOf } from "~/utils/bearer-token.server";
import { requireSameOrigin } from "~/utils/guards.server";
import { titleOr } from "~/utils/page-title";

export const handle = { i18n: ["common", "desk", "inquiries"] };

export async function loader({ request }: LoaderFunctionArgs) {
  const token = bearerTokenOf(new URL(request.url).searchParams.get("token"));
  const state = token ? await inspectConfirmation(token) : "invalid";
  const t = await i18next.getFixedT(request, "inquiries");
  return { token: state === "valid" ? token : null, title: t("confirm.title") };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleOr(data?.title, matches);

export async function action({ request, context }: ActionFunctionArgs) {
  requireSameOrigin(request);
  const token = bearerTokenOf((await request.formData()).get("token"));
  const outcome = token ? await confirmInquiry(token, clientHash(context.clientAddress)) : { status: "invalid" as const };
  if (outcome.status !== "submitted") return { state: "invalid" as const };
  const headers = outcome.setCookie ? { "Set-Cookie": outcome.setCookie } : undefined;
  return redirect(`/inquiries/${outcome.reference}?submitted=1`, { headers });
}

export default function ConfirmInquiryPage() {
  const { token } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("inquiries");
  return (
    <>
      <h1>{t("confirm.title")}</h1>
      {token && !actionData ? (
        <Form method="post" className="stack">
          <p>{t("confirm.body")}</p>
          <input type="hidden" name="token" value={token} />
          <div>
            <button type="submit">{t("confirm.submit")}</button>
          </div>
        </Form>
      ) : (
        <>
          <p role="alert">{t("confirm.invalid")}</p>
          <p>
            <a href="/inquiries/new">{t("confirm.again")}</a>
          </p>
        </>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
