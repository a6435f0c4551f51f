// What an error page says, by the status that reached the error boundary: not found, a
// staff member's role that may not open the page, a refused submission, too much, too
// often, the service unavailable for a while, or an unexpected failure. The words are in
// locales/*/common.json under error.<kind>.

export const ERROR_KINDS = ["not-found", "role", "refused", "method", "too-large", "too-many", "unavailable", "unexpected"] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

/** The body requireStaff's 403 carries: the role is what stands in the way, not the request. */
export const ROLE_REFUSAL = { reason: "role" } as const;

function isRoleRefusal(data: unknown): boolean {
  return typeof data === "object" && data !== null && (data as { reason?: unknown }).reason === ROLE_REFUSAL.reason;
}

/** `status` null: not an HTTP answer at all (a bug, or a failure in the browser). */
export function errorKindFor(status: number | null, data?: unknown): ErrorKind {
  switch (status) {
    case 404:
      return "not-found";
    case 403:
      return isRoleRefusal(data) ? "role" : "refused";
    case 400:
      return "refused";
    case 405:
      return "method";
    case 413:
      return "too-large";
    case 429:
      return "too-many";
    case 503:
      return "unavailable";
    default:
      return "unexpected";
  }
}
