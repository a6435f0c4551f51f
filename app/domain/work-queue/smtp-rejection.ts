// Whether an SMTP server refused a mail's recipient, and for good: a 5xx reply to RCPT TO
// ("550 5.1.1 no such user") is the receiving domain's answer about that address and is not
// tried again; a 4xx one ("452 mailbox full", greylisting) is tried again on the schedule.
// Other failures (the connection, the server's own trouble, a 5xx to DATA) say nothing about
// the person and keep the usual retries.

export type RejectionKind = "permanent" | "temporary";

/** The kind of recipient rejection `error` is (as nodemailer reports one), or null when it isn't one. */
export function recipientRejection(error: unknown): RejectionKind | null {
  if (!(error instanceof Error)) return null;
  const { code, command, responseCode } = error as { code?: unknown; command?: unknown; responseCode?: unknown };
  if (code !== "EENVELOPE" || typeof command !== "string" || !/^RCPT\b/i.test(command) || typeof responseCode !== "number") return null;
  if (responseCode >= 500 && responseCode < 600) return "permanent";
  if (responseCode >= 400 && responseCode < 500) return "temporary";
  return null;
}
