// The kind of error page (app/domain/error-page.ts) for whatever reached an error boundary.
import { isRouteErrorResponse } from "@remix-run/react";
import { errorKindFor, type ErrorKind } from "~/domain/error-page";

export function errorKindOf(error: unknown): ErrorKind {
  return isRouteErrorResponse(error) ? errorKindFor(error.status, error.data) : errorKindFor(null);
}
