// What surrounds every public page: the header (the company's name, the way to "Am I
// affected?", the inquiry form, sign-in or who is signed in and the way out, the desk, the
// languages), the page, the desk block and the footer. An error page gets the same shell; when the company's name and the desk
// could not be read (the database away) it shows what it can without them.
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DeskBlock } from "~/components/desk-block";
import { LanguageSwitcher } from "~/components/language-switcher";
import type { DeskView } from "~/models/desk.server";

/** `signedInAs`: the signed-in customer's masked address, or null (signed out, or not known on an error page). */
export function PublicShell({
  organization,
  desk,
  signedInAs,
  children,
}: {
  organization: string | null;
  desk: DeskView | null;
  signedInAs: string | null;
  children: React.ReactNode;
}) {
  const { t } = useTranslation("common");
  return (
    <>
      <a className="skip-link" href="#main">
        {t("skipToContent")}
      </a>
      <header className="site-header">
        <p className="site-name">
          <a href="/">{organization ? t("siteName", { organization }) : t("siteNameFallback")}</a>
        </p>
        {/* Signed in, the answer to "am I affected?" is their own page: that is the way in. */}
        {signedInAs ? null : (
          <a className="check-link" href="/check">
            {t("checkLink")}
          </a>
        )}
        <a className="inquiry-link" href="/inquiries/new">
          {t("inquiryLink")}
        </a>
        {signedInAs ? (
          <div className="signed-in">
            <span>{t("signedInAs", { address: signedInAs })}</span>
            <a className="check-link" href="/my">
              {t("myPageLink")}
            </a>
            <Form method="post" action="/signout">
              <button type="submit" className="secondary">
                {t("signOut")}
              </button>
            </Form>
          </div>
        ) : (
          <a className="sign-in-link" href="/signin">
            {t("signInLink")}
          </a>
        )}
        {/* On a phone the desk block comes after the notice; this gets people there at once. */}
        {desk ? (
          <a className="desk-link" href="#desk">
            {t("deskLink")}
          </a>
        ) : null}
        <LanguageSwitcher />
      </header>
      <div className="page">
        <main id="main">{children}</main>
        {desk ? <DeskBlock desk={desk} /> : null}
      </div>
      {organization ? (
        <footer className="site-footer">
          <p>{t("footer", { organization })}</p>
        </footer>
      ) : null}
    </>
  );
}
