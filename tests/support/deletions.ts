// For the deletion tests: a person with a bit of every kind of data the portal holds about
// people (so an erasure can be checked table by table), and a webhook receiver that answers
// as it is told and records what it got.
import { randomBytes } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import type { Db } from "../../app/db/client.server";
import { referenceFromBytes } from "../../app/domain/inquiries/reference";
import { bearerTokenHash } from "../../app/utils/bearer-token.server";
import { emailLookupHash, encryptField, parseKeyRing } from "../../app/utils/personal-data.server";

export interface ServerSecrets {
  LOOKUP_HASH_KEY: string;
  DATA_ENCRYPTION_KEYS: string;
}

/** Password columns as a customer who set a new password after the leak has them. */
export const PASSWORD_STATE = {
  legacyHashAlgorithm: "md5",
  legacyHashParameters: "{}",
  legacyHashWrapped: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g",
  passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$bmV3bmV3bmV3bmV3bmV3bmV3bmV3bmV3bmV3bmV3bmU",
};

/** A received deletion request of `customerId` (an affected customer), not yet opened by staff; returns its reference. */
export async function seedDeletionRequest(db: Db, customerId: string): Promise<string> {
  const reference = referenceFromBytes(randomBytes(5), "DR");
  const { emailHash, externalId } = await db.customer.findUniqueOrThrow({ where: { id: customerId }, select: { emailHash: true, externalId: true } });
  await db.deletionRequest.create({
    data: { reference, customerId, emailHash, externalId, language: "ja", dueAt: new Date(Date.now() + 30 * 86_400_000) },
    select: { id: true },
  });
  return reference;
}

export interface SeededData {
  inquiryId: string;
  inquiryReference: string;
  outboxId: string;
}

/**
 * Besides the customer row and its exposures (createAffectedCustomer): an inquiry with the
 * customer's message, a reply and a staff note, a mailbox link to it, a mail still queued
 * for them, a check being answered and an unconfirmed inquiry from their address.
 */
export async function seedPersonalData(db: Db, secrets: ServerSecrets, customerId: string, email: string): Promise<SeededData> {
  const ring = parseKeyRing(secrets.DATA_ENCRYPTION_KEYS);
  const emailHash = emailLookupHash(email, secrets.LOOKUP_HASH_KEY);
  const reference = referenceFromBytes(randomBytes(5));
  const inquiry = await db.inquiry.create({
    data: {
      reference,
      category: "deletion",
      language: "ja",
      status: "open",
      dueAt: new Date(Date.now() + 3600_000),
      dueKind: "next",
      customerId,
      emailHash,
      emailCiphertext: encryptField(email, ring),
      nameCiphertext: encryptField("削除 希望子", ring),
      contactBy: "phone",
      phoneCiphertext: encryptField("090-0000-0000", ring),
      messages: {
        create: [
          { kind: "customer", bodyCiphertext: encryptField("私のデータを消してください。", ring) },
          { kind: "reply", bodyCiphertext: encryptField("削除請求のページからご請求いただけます。", ring) },
          { kind: "note", bodyCiphertext: encryptField("電話で本人確認済み", ring) },
        ],
      },
      links: { create: { tokenHash: bearerTokenHash(randomBytes(32).toString("base64url")), expiresAt: new Date(Date.now() + 86_400_000) } },
    },
    select: { id: true },
  });
  const outbox = await db.outboxMessage.create({
    data: {
      template: "inquiry-reply",
      customerId,
      recipientHash: emailHash,
      payload: encryptField(JSON.stringify({ to: email, subject: "queued", text: "queued", html: "" }), ring),
      // Not yet due: still unsent when the erasure runs.
      nextAttemptAt: new Date(Date.now() + 7 * 86_400_000),
    },
    select: { id: true },
  });
  // A check an instance is answering at this moment (claimed), so it is still there to erase.
  await db.checkRequest.create({
    data: { emailHash, emailCiphertext: encryptField(email, ring), language: "ja", claimedUntil: new Date(Date.now() + 3600_000) },
    select: { id: true },
  });
  await db.pendingInquiry.create({
    data: {
      tokenHash: bearerTokenHash(randomBytes(32).toString("base64url")),
      emailHash,
      payload: encryptField(JSON.stringify({ email }), ring),
      language: "ja",
      expiresAt: new Date(Date.now() + 86_400_000),
    },
    select: { id: true },
  });
  return { inquiryId: inquiry.id, inquiryReference: reference, outboxId: outbox.id };
}

export interface WebhookCall {
  headers: IncomingHttpHeaders;
  body: string;
  answered: number;
}

export interface WebhookReceiver {
  url: string;
  calls: WebhookCall[];
  stop(): Promise<void>;
}

/** Answers 500 to the first `failures` posts, then 204; records every post. */
export function startWebhookReceiver(failures: number): Promise<WebhookReceiver> {
  const calls: WebhookCall[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const answered = calls.length < failures ? 500 : 204;
      calls.push({ headers: request.headers, body: Buffer.concat(chunks).toString("utf8"), answered });
      response.writeHead(answered).end();
    });
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}/hooks/deletions`, calls, stop: () => new Promise<void>((done) => server.close(() => done())) });
    });
  });
}
