// A real SMTP server for the tests (the smtp-server package on 127.0.0.1): the app's mail
// travels over SMTP exactly as in production, and each message lands in a folder as a
// raw .eml file that tests parse with mailparser (tests/support/mailbox.ts).
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { SMTPServer } from "smtp-server";

export interface SmtpReceiver {
  /** Messages whose final 250 was sent, in order: what the sender may count as delivered. */
  accepted: Array<{ to: string; from: string; messageId: string }>;
  /** Messages received in full whose sender was gone before the answer: never counted, like a real MTA. */
  dropped: number;
  stop(): Promise<void>;
}

export interface SmtpReceiverOptions {
  /**
   * A slow server: the pause between the end of a message's data and the answer to it; a
   * function is asked for each message, after onHold.
   */
  answerDelayMs?: number | (() => number);
  /** Called as a message's answer starts to wait (a test may kill the sender then). */
  onHold?: () => void;
  /** Addresses refused at RCPT TO, each with the reply a real server would give ("550 5.1.1 …"). */
  refuse?: Map<string, { code: number; message: string }>;
}

export function mailDirFor(appPort: number | string): string {
  return `data/mail-${appPort}`;
}

export function startSmtpReceiver(port: number, dir: string, { answerDelayMs = 0, onHold, refuse }: SmtpReceiverOptions = {}): Promise<SmtpReceiver> {
  mkdirSync(dir, { recursive: true });
  let received = 0;
  const closed = new Set<string>();
  const receiver: Omit<SmtpReceiver, "stop"> = { accepted: [], dropped: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(address, _session, callback) {
      const refusal = refuse?.get(address.address);
      if (!refusal) return callback();
      callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }));
    },
    onClose(session) {
      closed.add(session.id);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        onHold?.();
        setTimeout(
          () => {
            // The message is delivered only if its 250 can still reach the sender.
            if (closed.has(session.id)) {
              receiver.dropped++;
              return callback(new Error("the client is gone"));
            }
            const raw = Buffer.concat(chunks).toString("utf8");
            const recipients = session.envelope.rcptTo.map((rcpt) => rcpt.address).join(",");
            const sender = session.envelope.mailFrom ? session.envelope.mailFrom.address : "";
            const name = `${Date.now()}-${process.pid}-${received++}.eml`;
            writeFileSync(join(dir, name), `X-Envelope-To: ${recipients}\r\nX-Envelope-From: ${sender}\r\n${raw}`);
            receiver.accepted.push({ to: recipients, from: sender, messageId: /^Message-ID: *(.*)$/im.exec(raw)?.[1]?.trim() ?? "" });
            callback();
          },
          typeof answerDelayMs === "function" ? answerDelayMs() : answerDelayMs,
        );
      });
    },
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve(Object.assign(receiver, { stop: () => new Promise<void>((done) => server.close(() => done())) })));
  });
}
