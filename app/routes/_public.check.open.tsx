// Where the mailbox link leads. Opening the page uses nothing (mail scanners open links
// too); the button does: it marks the link used and starts the customer's session.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { i18next } from "~/i18n/i18next.server";
import { inspectCheckLink, redeemCheckLink, type LinkState } from "~/models/check.server";
import { getCustomerSession, revokePresentedCustomerSession } from "~/models/customer-session.server";
import { clientHash } from "~/utils/client-address.server";
import { bearerTokenOf } from "~/utils/bearer-token.server";
import { requireSameOrigin } from "~/utils/guards.server";
import { titleOr } from "~/utils/page-title";

export const handle = { i18n: ["common", "desk", "check"] };

export async function loader({ request }: LoaderFunctionArgs) {
  const token = bearerTokenOf(new URL(request.url).searchParams.get("token"));
  const state: LinkState = token ? await inspectCheckLink(token) : "invalid";
  const t = await i18next.getFixedT(request, "check");
  // The link used before, in the browser it opened: the person is still in, so lead them there.
  const session = state === "valid" ? null : await getCustomerSession(request);
  return { state, token: state === "valid" ? token : null, signedInAs: session?.maskedAddress ?? null, title: t("link.title") };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleOr(data?.title, matches);

export async function action({ request, context }: ActionFunctionArgs) {
  requireSameOrigin(request);
  const token = bearerTokenOf((await request.formData()).get("token"));
  if (!token) return { state: "invalid" as const };
  const outcome = await redeemCheckLink(token, clientHash(context.clientAddress));
  if (!outcome.ok) return { state: outcome.state };
  await revokePresentedCustomerSession(request);
  return redirect("/my", { headers: { "Set-Cookie": outcome.setCookie } });
}

export default function OpenCheckLink() {
  const { state: loaded, token, signedInAs } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("check");
  // A failed use (another tab got there first, or time ran out) says why.
  const state = actionData?.state ?? loaded;
  return (
    <>
      <h1>{t("link.title")}</h1>
      {state === "valid" && token ? (
        <Form method="post" className="stack">
          <p>{t("link.valid")}</p>
          <input type="hidden" name="token" value={token} />
          <div>
            <button type="submit">{t("link.open")}</button>
          </div>
        </Form>
      ) : signedInAs ? (
        <>
          <p role="status">{t("link.signedIn", { address: signedInAs })}</p>
          <p>
            <a href="/my">{t("link.toMyPage")}</a>
          </p>
        </>
      ) : (
        <LinkProblem state={state} />
      )}
    </>
  );
}

function LinkProblem({ state }: { state: LinkState }) {
  const { t } = useTranslation("check");
  return (
    <>
      <p role="alert">{t(`link.${state === "valid" ? "invalid" : state}`)}</p>
      <p>
        <a href="/check">{t("link.newLink")}</a>
      </p>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
