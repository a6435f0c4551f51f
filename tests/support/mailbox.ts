// Reads what the test SMTP receiver got: real messages, parsed with mailparser.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { simpleParser, type ParsedMail } from "mailparser";
import { expect } from "@playwright/test";
import { PORT } from "../../playwright.config";
import { mailDirFor } from "./smtp-receiver";

export interface ReceivedMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  parsed: ParsedMail;
}

/** Every message received for `to` (envelope recipient), oldest first. */
export async function mailTo(to: string, dir = mailDirFor(PORT)): Promise<ReceivedMail[]> {
  if (!existsSync(dir)) return [];
  const files = readdirSync(dir)
    .filter((name) => name.endsWith(".eml"))
    .sort();
  const mails: ReceivedMail[] = [];
  for (const file of files) {
    const raw = readFileSync(join(dir, file));
    const envelopeTo = /^X-Envelope-To: (.*)\r\n/.exec(raw.toString("utf8"))?.[1] ?? "";
    if (!envelopeTo.split(",").includes(to)) continue;
    const parsed = await simpleParser(raw);
    mails.push({
      to: envelopeTo,
      subject: parsed.subject ?? "",
      text: parsed.text ?? "",
      html: typeof parsed.html === "string" ? parsed.html : "",
      messageId: parsed.messageId ?? "",
      parsed,
    });
  }
  return mails;
}

/** Waits for the `count`-th message to `to` and returns it. */
export async function waitForMail(to: string, { count = 1, dir = mailDirFor(PORT), timeout = 20_000 } = {}): Promise<ReceivedMail> {
  let mails: ReceivedMail[] = [];
  await expect.poll(async () => (mails = await mailTo(to, dir)).length, { timeout, message: `mail number ${count} to ${to}` }).toBeGreaterThanOrEqual(count);
  return mails[count - 1]!;
}

/** The portal link in a mail's text part. */
export function linkIn(mail: ReceivedMail, path: string): string {
  const match = new RegExp(`https?://[^\\s]+${path.replace(/[/?]/g, "\\$&")}[^\\s]*`).exec(mail.text);
  if (!match) throw new Error(`no ${path} link in:\n${mail.text}`);
  return match[0];
}

/** Waits for a message to `to` whose subject contains `subject` (when other mail may come in between). */
export async function waitForMailAbout(to: string, subject: string, { dir = mailDirFor(PORT), timeout = 20_000 } = {}): Promise<ReceivedMail> {
  let found: ReceivedMail | undefined;
  await expect
    .poll(async () => (found = (await mailTo(to, dir)).find((mail) => mail.subject.includes(subject))) !== undefined, {
      timeout,
      message: `mail to ${to} about ${subject}`,
    })
    .toBe(true);
  return found!;
}
