// Sends what the outbox holds through SMTP_URL. Each mail is claimed in the database
// before it is sent, so two app instances never both send it; a failure is retried with
// a growing pause and the outcome recorded on the row (the work queue's mechanism,
// app/models/work-queue.server.ts).
import nodemailer, { type Transporter } from "nodemailer";
import { getConfig, mailFrom, type Config } from "~/config.server";
import { retryDelayMs } from "~/domain/work-queue/retry";
import { recipientRejection } from "~/domain/work-queue/smtp-rejection";
import { returnAddress } from "~/domain/notifications/return-address";
import { bounceSignature } from "~/models/notifications/bounces.server";
import { claimedMail, mailQueue, markSent } from "~/models/outbox.server";
import { claimNext, recordFailure } from "~/models/work-queue.server";
import { singleton } from "~/utils/singleton.server";

function transport(smtpUrl: string, claimMs: number, dkim: Config["DKIM"]): Transporter {
  return singleton("smtp-transport", () =>
    nodemailer.createTransport({
      url: smtpUrl,
      // Connections kept open between mails: a new one (TCP, greeting, EHLO, STARTTLS) for each
      // mail held the outbox to 8 mails a second here, a notification to a million people to 35 hours.
      pool: true,
      // Signed when DKIM is configured, so receivers can tell the company's mail from a copy.
      ...(dkim ? { dkim } : {}),
      // Fractions of the claim (10 s, 10 s and 30 s of the default 5 minutes), so a hung
      // server can't hold a mail past its claim and let a second instance send it too.
      connectionTimeout: Math.min(10_000, claimMs / 10),
      greetingTimeout: Math.min(10_000, claimMs / 10),
      socketTimeout: Math.min(30_000, claimMs / 4),
    }),
  );
}

// After a failure this instance leaves the server alone until the failed mail's own retry
// time, instead of trying the next queued mail against a server that is likely down.
let pausedUntil = 0;

/**
 * Sends due mail one claim at a time until none is due, or until `signal` aborts (the process is
 * stopping: a mail not yet claimed is left to the other instances). Returns how many were sent;
 * does nothing without SMTP_URL.
 */
export async function sendDueMail(options: { signal?: AbortSignal; now?: () => Date } = {}): Promise<number> {
  const now = options.now ?? (() => new Date());
  const config = getConfig();
  if (!config.SMTP_URL || now().getTime() < pausedUntil) return 0;
  const claimMs = config.OUTBOX_CLAIM_SECONDS * 1000;
  const smtp = transport(config.SMTP_URL, claimMs, config.DKIM);
  const queue = mailQueue({ claimMs, retryBaseMs: config.OUTBOX_RETRY_BASE_SECONDS * 1000 });
  const host = new URL(config.PUBLIC_ORIGIN).hostname;
  let sent = 0;
  while (!options.signal?.aborted) {
    const claimedAt = now();
    const id = await claimNext(queue, claimedAt);
    if (!id) return sent;
    const claimed = await claimedMail(id);
    if (!claimed) continue;
    const { attempts, template, mail } = claimed;
    try {
      await smtp.sendMail({
        from: mailFrom(config),
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        // The same id on every attempt lets a receiving server drop a repeat.
        messageId: `<${id}@${host}>`,
        headers: { "Auto-Submitted": "auto-generated" },
        // A notification's bounces come back to an address that names it (ADR 031).
        ...(config.BOUNCE_ADDRESS && template === "notification"
          ? { envelope: { from: returnAddress(config.BOUNCE_ADDRESS, id, bounceSignature), to: mail.to } }
          : {}),
      });
      await markSent(id, now());
      sent++;
    } catch (error) {
      // A refusal often quotes the recipient ("550 <someone@example.com>: unknown user"): the
      // work queue redacts it before it is stored (and shown on the operations view) or logged.
      const { retryAt } = await recordFailure(queue, id, error, { now: now(), claimedAt, attempts });
      // A refused recipient says nothing about the server: on with the next mail.
      if (recipientRejection(error)) continue;
      // A given-up mail has no next attempt; the server is left alone as long as it would have been.
      pausedUntil = retryAt?.getTime() ?? now().getTime() + retryDelayMs(attempts, config.OUTBOX_RETRY_BASE_SECONDS * 1000);
      return sent;
    }
  }
  return sent;
}
