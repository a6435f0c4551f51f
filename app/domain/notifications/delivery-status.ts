// A delivery status notification (RFC 3464) as a mail server sends it back: the
// message/delivery-status part's per-recipient fields, read into whether the mail failed for
// good or for now, and why.
import type { RejectionKind } from "~/domain/work-queue/smtp-rejection";

export interface DeliveryStatus {
  kind: RejectionKind;
  /** The status code and the server's diagnostic, as written (redacted before it is stored). */
  reason: string;
}

/** Fields of one block ("Name: value", continuation lines folded), names lower-cased. */
function fieldsOf(block: string): Map<string, string> {
  const fields = new Map<string, string>();
  let last: string | null = null;
  for (const line of block.split(/\r?\n/)) {
    if (/^[ \t]/.test(line) && last) fields.set(last, `${fields.get(last)} ${line.trim()}`);
    else {
      const colon = line.indexOf(":");
      if (colon <= 0) continue;
      last = line.slice(0, colon).trim().toLowerCase();
      fields.set(last, line.slice(colon + 1).trim());
    }
  }
  return fields;
}

/**
 * The failure a delivery-status part reports, or null when it reports none (delivered,
 * relayed, expanded). A 5.x.x status or a "failed" action is for good; a 4.x.x one or
 * "delayed", for now.
 */
export function deliveryFailure(report: string): DeliveryStatus | null {
  // The first block is about the message; the rest, one per recipient.
  const blocks = report
    .split(/\r?\n\s*\r?\n/)
    .slice(1)
    .map(fieldsOf);
  for (const fields of blocks) {
    const action = fields.get("action")?.toLowerCase();
    const status = /^([245])\.\d{1,3}\.\d{1,3}/.exec(fields.get("status") ?? "")?.[0];
    if (action !== "failed" && action !== "delayed") continue;
    const permanent = status ? status.startsWith("5") : action === "failed";
    const diagnostic = fields.get("diagnostic-code")?.replace(/^smtp;\s*/i, "") ?? "";
    return { kind: permanent ? "permanent" : "temporary", reason: [status ?? action, diagnostic].filter(Boolean).join(" ") };
  }
  return null;
}
