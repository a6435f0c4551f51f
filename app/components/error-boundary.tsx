// The one error boundary: a friendly page in the visitor's language for any status,
// never a stack trace.
import { isRouteErrorResponse, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export function GeneralErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation("common");
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const message =
    status === 404 ? t("error.notFound") : status === 503 ? t("error.unavailable") : t("error.unexpected");
  return (
    <main id="main" className="page error-page">
      <h1>{t("error.title")}</h1>
      <p>{message}</p>
      <p>
        <a href="/">{t("error.backHome")}</a>
      </p>
    </main>
  );
}
