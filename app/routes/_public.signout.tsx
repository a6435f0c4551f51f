// Signing out: the header's button posts here from every page. The page itself confirms the
// way out (a visitor who follows a link here while signed in gets the button) and, once
// signed out, says so and offers the ways back in.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { i18next } from "~/i18n/i18next.server";
import { endCustomerSession, getCustomerSession } from "~/models/customer-session.server";
import { requireSameOrigin } from "~/utils/guards.server";
import { titleOr } from "~/utils/page-title";

export const handle = { i18n: ["common", "desk", "account"] };

export async function loader({ request }: LoaderFunctionArgs) {
  const [session, t] = await Promise.all([getCustomerSession(request), i18next.getFixedT(request, "account")]);
  const signedIn = session !== null;
  return { signedIn, title: t(signedIn ? "signOut.title" : "signOut.doneTitle") };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleOr(data?.title, matches);

export async function action({ request }: ActionFunctionArgs) {
  requireSameOrigin(request);
  return redirect("/signout", { headers: { "Set-Cookie": await endCustomerSession(request) } });
}

export default function SignOut() {
  const { signedIn } = useLoaderData<typeof loader>();
  const { t } = useTranslation("account");
  if (signedIn) {
    return (
      <>
        <h1>{t("signOut.title")}</h1>
        <Form method="post" className="stack">
          <p>{t("signOut.confirm")}</p>
          <div>
            <button type="submit">{t("common:signOut")}</button>
          </div>
        </Form>
      </>
    );
  }
  return (
    <>
      <h1>{t("signOut.doneTitle")}</h1>
      <p role="status">{t("signOut.done")}</p>
      <ul>
        <li>
          <a href="/signin">{t("signOut.signInAgain")}</a>
        </li>
        <li>
          <a href="/check">{t("signOut.newLink")}</a>
        </li>
      </ul>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
