// The one error boundary: a friendly message in the visitor's language for any status,
// never a stack trace. Page routes use it inside the public layout (so the desk block
// stays); the root and layout wrap it in <main> themselves.
import { isRouteErrorResponse, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export function GeneralErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation("common");
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const message =
    status === 404
      ? t("error.notFound")
      : status === 403
        ? t("error.forbidden")
        : status === 503
          ? t("error.unavailable")
          : t("error.unexpected");
  return (
    <div className="error-page">
      <h1>{t("error.title")}</h1>
      <p>{message}</p>
      <p>
        <a href="/">{t("error.backHome")}</a>
      </p>
    </div>
  );
}
