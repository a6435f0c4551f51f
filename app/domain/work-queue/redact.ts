// Error messages kept for the operations view (and shown there, on a request's page and in the
// logs) say what went wrong with a server or a job, never to whom: an SMTP refusal often quotes the recipient's address, and a
// connection error can quote a URL with a user name in it.

/** The most of a message that is kept. */
export const MAX_ERROR_LENGTH = 300;

// Anything@anything up to a space, bracket, quote or separator: addresses, and user:pass@host.
const ADDRESS_LIKE = /[^\s<>()[\]{}"'`,;]+@[^\s<>()[\]{}"'`,;]+/g;

/** One line of at most MAX_ERROR_LENGTH characters, with every address-like word replaced. */
export function redactError(message: string): string {
  const line = message
    // Bounded before the regular expression runs, so a huge message costs little.
    .slice(0, 4 * MAX_ERROR_LENGTH)
    .replace(ADDRESS_LIKE, "[redacted]")
    .replace(/\s+/g, " ")
    .trim();
  return line.length > MAX_ERROR_LENGTH ? `${line.slice(0, MAX_ERROR_LENGTH - 1)}…` : line;
}

/**
 * What was thrown, redacted: its message (never its stack), led by the codes a mail or network
 * error carries (`ECONNREFUSED`, an SMTP reply's `550`) and followed by its cause, which is
 * where `fetch` keeps the reason it failed.
 */
export function describeFailure(error: unknown): string {
  return redactError(failureWords(error, 0)) || "unknown error";
}

function failureWords(error: unknown, depth: number): string {
  // A thrown object that isn't an Error would print as "[object Object]": say what it was instead.
  if (!(error instanceof Error)) {
    if (error === null || error === undefined) return "";
    return typeof error === "object" ? "a value that is not an Error" : String(error as string | number | boolean | bigint | symbol);
  }
  const { code, responseCode } = error as { code?: unknown; responseCode?: unknown };
  const message = `${error.name === "Error" ? "" : `${error.name}: `}${error.message}`;
  const codes = [code, responseCode].filter((value) => (typeof value === "string" || typeof value === "number") && !message.includes(String(value)));
  const cause = depth < 2 && error.cause !== undefined ? failureWords(error.cause, depth + 1) : "";
  return [...codes, message, cause ? `(${cause})` : ""].filter(Boolean).join(" ");
}
