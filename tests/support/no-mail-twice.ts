// Global teardown of the browser suite: no mail reached the shared SMTP receiver twice. Each
// outbox row is sent with its own Message-ID, so two files with one Message-ID mean a mail
// went out twice: two instances (the PostgreSQL suite runs two) both sent it, or a retry
// repeated a delivery that had succeeded. Every test's mail counts, not only a test's own.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { PORT } from "../../playwright.config";
import { mailDirFor } from "./smtp-receiver";

export default function noMailDeliveredTwice() {
  const dir = mailDirFor(PORT);
  const seen = new Map<string, string>();
  const twice: string[] = [];
  for (const file of readdirSync(dir).filter((name) => name.endsWith(".eml"))) {
    const headers = readFileSync(join(dir, file), "utf8").split(/\r?\n\r?\n/, 1)[0]!;
    const messageId = /^Message-ID:\s*(\S+)/im.exec(headers)?.[1];
    if (!messageId) throw new Error(`${file} has no Message-ID`);
    if (seen.has(messageId)) twice.push(`${messageId} (${seen.get(messageId)} and ${file})`);
    seen.set(messageId, file);
  }
  if (twice.length > 0) throw new Error(`Mail delivered twice: ${twice.join("; ")}`);
  console.log(`No mail delivered twice: ${seen.size} mails, each once.`);
}
