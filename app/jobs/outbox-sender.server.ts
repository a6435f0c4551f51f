// Sends what the outbox holds through SMTP_URL. Each mail is claimed in the database
// before it is sent, so two app instances never both send it; a failure is retried with
// a growing pause (app/domain/outbox/retry.ts) and the outcome recorded on the row.
import nodemailer, { type Transporter } from "nodemailer";
import { getConfig, mailFrom } from "~/config.server";
import { redactError } from "~/domain/operations/redact";
import { retryDelayMs, shouldGiveUp } from "~/domain/outbox/retry";
import { claimDueMail, markFailed, markSent } from "~/models/outbox.server";
import { logger } from "~/utils/logger.server";
import { singleton } from "~/utils/singleton.server";

function transport(smtpUrl: string, claimMs: number): Transporter {
  return singleton("smtp-transport", () =>
    nodemailer.createTransport({
      url: smtpUrl,
      // Fractions of the claim (10 s, 10 s and 30 s of the default 5 minutes), so a hung
      // server can't hold a mail past its claim and let a second instance send it too.
      connectionTimeout: Math.min(10_000, claimMs / 10),
      greetingTimeout: Math.min(10_000, claimMs / 10),
      socketTimeout: Math.min(30_000, claimMs / 4),
    }),
  );
}

/**
 * What an error says about the server, never about the mail or its recipient: a refusal often
 * quotes the address ("550 <someone@example.com>: unknown user"), which is redacted before
 * the message is stored on the row (and shown on the operations view) or logged.
 */
function describe(error: unknown): string {
  const { code, responseCode, message } = error as { code?: string; responseCode?: number; message?: string };
  return redactError([code, responseCode, message].filter(Boolean).join(" "));
}

// After a failure this instance leaves the server alone until the failed mail's own retry
// time, instead of trying the next queued mail against a server that is likely down.
let pausedUntil = 0;

/** Sends every due mail, one claim at a time; returns how many were sent. Does nothing without SMTP_URL. */
export async function sendDueMail(now = () => new Date()): Promise<number> {
  const config = getConfig();
  if (!config.SMTP_URL || now().getTime() < pausedUntil) return 0;
  const claimMs = config.OUTBOX_CLAIM_SECONDS * 1000;
  const smtp = transport(config.SMTP_URL, claimMs);
  const host = new URL(config.PUBLIC_ORIGIN).hostname;
  let sent = 0;
  for (;;) {
    const [next] = await claimDueMail(1, now(), claimMs);
    if (!next) return sent;
    const { id, attempts, mail } = next;
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
      });
      await markSent(id, now());
      sent++;
    } catch (error) {
      const giveUp = shouldGiveUp(attempts);
      const retryAt = new Date(now().getTime() + retryDelayMs(attempts, config.OUTBOX_RETRY_BASE_SECONDS * 1000));
      await markFailed(id, describe(error), giveUp ? null : retryAt);
      logger.warn({ outboxId: id, attempts, giveUp, error: describe(error) }, "sending mail failed");
      pausedUntil = retryAt.getTime();
      return sent;
    }
  }
}
