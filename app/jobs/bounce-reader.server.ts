// Reads the bounce mailbox over IMAP (BOUNCE_IMAP_URL) for delivery status notifications about
// notifications (ADR 031): each is matched to its mail by the return address it came back to,
// recorded against the person, and deleted from the mailbox. Anything else found there is
// marked read and left for a person to look at. Safe on several instances at once: a bounce
// recorded twice records the same thing.
import { ImapFlow } from "imapflow";
import { simpleParser, type AddressObject, type ParsedMail } from "mailparser";
import { getConfig } from "~/config.server";
import { deliveryFailure } from "~/domain/notifications/delivery-status";
import { mailIdOf } from "~/domain/notifications/return-address";
import { bounceSignature, recordBounce } from "~/models/notifications/bounces.server";

/** Unread messages read in one run, at most: the next run takes the rest. */
const BATCH = 200;

function mailboxOf(url: string) {
  const parsed = new URL(url);
  return {
    host: parsed.hostname,
    port: Number(parsed.port) || (parsed.protocol === "imaps:" ? 993 : 143),
    secure: parsed.protocol === "imaps:",
    auth: { user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) },
    mailbox: decodeURIComponent(parsed.pathname.slice(1)) || "INBOX",
  };
}

/** Every address a bounce was delivered to or addressed to: where the return address shows. */
function addressesOf(mail: ParsedMail): string[] {
  const listed = (value: AddressObject | AddressObject[] | undefined) =>
    (Array.isArray(value) ? value : value ? [value] : []).flatMap((object) => object.value.map((entry) => entry.address ?? ""));
  const headers = ["delivered-to", "x-original-to", "envelope-to"].flatMap((name) => {
    const value = mail.headers.get(name);
    return typeof value === "string" ? [value] : [];
  });
  return [...headers, ...listed(mail.to)].filter(Boolean);
}

/** The mail id and what happened to it, when `source` is a delivery status notification about one of ours. */
async function bounceOf(source: Buffer, bounceAddress: string) {
  // The report as a part of its own, rather than folded into the text.
  const mail = await simpleParser(source, { keepDeliveryStatus: true });
  const mailId = addressesOf(mail)
    .map((address) => mailIdOf(address, bounceAddress, bounceSignature))
    .find((id) => id !== null);
  const report = mail.attachments.find((part) => part.contentType.toLowerCase() === "message/delivery-status");
  const failure = report ? deliveryFailure(report.content.toString("utf8")) : null;
  return mailId && failure ? { mailId, failure } : null;
}

/** One look at the mailbox; returns how many bounces were recorded. Does nothing without BOUNCE_IMAP_URL. */
export async function readBounces(options: { signal?: AbortSignal } = {}): Promise<number> {
  const { BOUNCE_IMAP_URL, BOUNCE_ADDRESS } = getConfig();
  if (!BOUNCE_IMAP_URL || !BOUNCE_ADDRESS) return 0;
  const { mailbox, ...connection } = mailboxOf(BOUNCE_IMAP_URL);
  const client = new ImapFlow({ ...connection, logger: false });
  await client.connect();
  let recorded = 0;
  try {
    const lock = await client.getMailboxLock(mailbox);
    try {
      const uids = ((await client.search({ seen: false }, { uid: true })) || []).slice(0, BATCH);
      const unread: Array<{ uid: number; source: Buffer }> = [];
      if (uids.length > 0) {
        for await (const message of client.fetch(uids, { uid: true, source: true }, { uid: true })) {
          if (message.source) unread.push({ uid: message.uid, source: message.source });
        }
      }
      const handled: number[] = [];
      const other: number[] = [];
      for (const { uid, source } of unread) {
        if (options.signal?.aborted) break;
        const bounce = await bounceOf(source, BOUNCE_ADDRESS);
        if (bounce && (await recordBounce(bounce.mailId, bounce.failure))) recorded++;
        (bounce ? handled : other).push(uid);
      }
      if (other.length > 0) await client.messageFlagsAdd(other, ["\\Seen"], { uid: true });
      if (handled.length > 0) await client.messageDelete(handled, { uid: true });
    } finally {
      lock.release();
    }
  } finally {
    await client.logout().catch(() => client.close());
  }
  return recorded;
}
