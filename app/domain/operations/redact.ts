// Error messages kept for the operations view (and shown there) say what went wrong with a
// server or a job, never to whom: an SMTP refusal often quotes the recipient's address, and a
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

/** The message of whatever was thrown (never its stack), redacted. */
export function describeFailure(error: unknown): string {
  const message = error instanceof Error ? `${error.name === "Error" ? "" : `${error.name}: `}${error.message}` : String(error);
  return redactError(message) || "unknown error";
}
