// A real SMTP server for the tests (the smtp-server package on 127.0.0.1): the app's mail
// travels over SMTP exactly as in production, and each message lands in a folder as a
// raw .eml file that tests parse with mailparser (tests/support/mailbox.ts).
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { SMTPServer } from "smtp-server";

export interface SmtpReceiver {
  stop(): Promise<void>;
}

export function mailDirFor(appPort: number | string): string {
  return `data/mail-${appPort}`;
}

export function startSmtpReceiver(port: number, dir: string): Promise<SmtpReceiver> {
  mkdirSync(dir, { recursive: true });
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const recipients = session.envelope.rcptTo.map((rcpt) => rcpt.address).join(",");
        const name = `${Date.now()}-${process.pid}-${received++}.eml`;
        writeFileSync(join(dir, name), `X-Envelope-To: ${recipients}\r\n${Buffer.concat(chunks).toString("utf8")}`);
        callback();
      });
    },
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () =>
      resolve({ stop: () => new Promise<void>((done) => server.close(() => done())) }),
    );
  });
}
