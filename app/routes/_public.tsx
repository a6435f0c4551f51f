// Layout of every public page: header with the language switcher, the page, and the
// inquiry desk block.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DeskBlock } from "~/components/desk-block";
import { LanguageSwitcher } from "~/components/language-switcher";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { getLanguage } from "~/i18n/i18next.server";
import { getDeskView } from "~/models/desk.server";
import { getOrganizationName } from "~/models/organization.server";

export const handle = { i18n: ["common", "desk"] };

export async function loader({ request }: LoaderFunctionArgs) {
  const language = await getLanguage(request);
  const [organization, desk] = await Promise.all([getOrganizationName(language), getDeskView(language)]);
  return { organization, desk };
}

export default function PublicLayout() {
  const { organization, desk } = useLoaderData<typeof loader>();
  const { t } = useTranslation("common");
  return (
    <>
      <a className="skip-link" href="#main">
        {t("skipToContent")}
      </a>
      <header className="site-header">
        <p className="site-name">
          <a href="/">{t("siteName", { organization })}</a>
        </p>
        <a className="check-link" href="/check">
          {t("checkLink")}
        </a>
        <a className="inquiry-link" href="/inquiries/new">
          {t("inquiryLink")}
        </a>
        <a className="sign-in-link" href="/signin">
          {t("signInLink")}
        </a>
        {/* On a phone the desk block comes after the notice; this gets people there at once. */}
        <a className="desk-link" href="#desk">
          {t("deskLink")}
        </a>
        <LanguageSwitcher />
      </header>
      <div className="page">
        <main id="main">
          <Outlet />
        </main>
        <DeskBlock desk={desk} />
      </div>
      <footer className="site-footer">
        <p>{t("footer", { organization })}</p>
      </footer>
    </>
  );
}

export function ErrorBoundary() {
  return (
    <main id="main" className="page">
      <GeneralErrorBoundary />
    </main>
  );
}
