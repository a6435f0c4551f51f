// Mail queued straight into a test server's outbox, sealed with that server's keys as the
// app would, for tests of the sender rather than of what causes mail.
import { readFileSync } from "node:fs";
import type { Db } from "../../app/db/client.server";
import { emailLookupHash, encryptField, parseKeyRing } from "../../app/utils/personal-data.server";
import { secretsFileFor } from "./secrets-file";

export async function queueMail(db: Db, port: number, addresses: string[]): Promise<Array<{ id: string; to: string }>> {
  const secrets = JSON.parse(readFileSync(secretsFileFor(port), "utf8")) as { LOOKUP_HASH_KEY: string; DATA_ENCRYPTION_KEYS: string };
  const ring = parseKeyRing(secrets.DATA_ENCRYPTION_KEYS);
  const queued = [];
  for (const to of addresses) {
    const mail = { to, subject: `Test mail to ${to}`, text: `Hello ${to}`, html: `<p>Hello ${to}</p>` };
    const row = await db.outboxMessage.create({
      data: { template: "check-unknown", recipientHash: emailLookupHash(to, secrets.LOOKUP_HASH_KEY), payload: encryptField(JSON.stringify(mail), ring) },
      select: { id: true },
    });
    queued.push({ id: row.id, to });
  }
  return queued;
}
