// The one error boundary: what went wrong in the reader's language, by status (page not
// found, a role that may not open the page, temporarily unavailable…), never a stack trace.
// Page routes use it inside their layout, so the public pages keep the site's header and
// the desk's contacts and the back office its own header; the layouts themselves wrap it in
// their shell when their own loader failed (app/components/public-shell.tsx).
import { useMatches, useRouteError, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { errorKindOf } from "~/utils/error-kind";

export function GeneralErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation("common");
  const kind = errorKindOf(error);
  const inBackOffice = useMatches().some((match) => match.id === "routes/staff");
  const staff = useRouteLoaderData<{ staff: { role: string } | null }>("routes/staff")?.staff;
  const role = staff ? t(`role.${staff.role}`, { ns: "staff" }) : null;
  const body = kind === "role" ? (role ? t("error.role.body", { role }) : t("error.role.bodyNoRole")) : t(`error.${kind}.body`);
  return (
    <div className="error-page">
      <h1>{t(`error.${kind}.title`)}</h1>
      <p>{body}</p>
      {inBackOffice ? null : <DeskHint />}
      <p>{inBackOffice ? <a href="/staff">{t("error.backStaff")}</a> : <a href="/">{t("error.backHome")}</a>}</p>
    </div>
  );
}

/** Where the desk's contacts are, when the public layout could show them. */
function DeskHint() {
  const { t } = useTranslation("common");
  const deskShown = useRouteLoaderData<{ desk?: unknown }>("routes/_public")?.desk !== undefined;
  return deskShown ? (
    <p>
      <a href="#desk">{t("error.deskHint")}</a>
    </p>
  ) : null;
}
