// Turns checked lines into what may be written to the database: the address as a lookup
// hash and an envelope, the name and the language as envelopes (ADR 006), and a fingerprint of the customer
// fields so that lines of one customer can be compared in SQL without decrypting anything.
import { createHmac } from "node:crypto";
import { Worker } from "node:worker_threads";
import type { ImportLine } from "~/domain/import/line";
import { emailLookupHash, encryptFields, normaliseEmail, type KeyRing } from "~/utils/personal-data.server";
import { workerThread } from "~/utils/worker-threads.server";

export interface SealingKeys {
  lookupKey: string;
  ring: KeyRing;
  /** Random for each run and never stored: fingerprints mean nothing outside their run. */
  fingerprintKey: Buffer;
}

export interface SealedLine {
  line: number;
  externalId: string;
  emailHash: string;
  customerFingerprint: string;
  emailCiphertext: string;
  nameCiphertext: string | null;
  languageCiphertext: string | null;
  /** As the SQLite adapter writes a DateTime, which PostgreSQL reads as the same instant. */
  registeredAt: string | null;
  groupId: string;
  categoryIds: string;
  periodFrom: string | null;
  periodUntil: string | null;
  legacyPasswordHash: string | null;
  legacyHashAlgorithm: string | null;
  newCustomerId: string;
  newExposureId: string;
}

/**
 * Seals a batch. Encryption is most of the import's CPU time, so it is skipped when the file
 * is already known to be rejected (`encrypt` false: the envelopes are left empty and the
 * lines serve only the whole-file checks), and done once for consecutive lines of one customer.
 */
export function sealLines(runId: string, lines: Array<{ line: number; value: ImportLine }>, keys: SealingKeys, encrypt: boolean): SealedLine[] {
  // Which lines start a new customer (differ from the line before), and what they need encrypted.
  const customers = lines.map(({ value }) =>
    [value.externalId, value.email, value.name, value.registeredOn, value.legacyHash, value.legacyHashAlgorithm, value.language].join("\u0000"),
  );
  const plaintexts: string[] = [];
  lines.forEach(({ value }, i) => {
    if (!encrypt || customers[i] === customers[i - 1]) return;
    plaintexts.push(normaliseEmail(value.email));
    if (value.name) plaintexts.push(value.name);
    if (value.language) plaintexts.push(value.language);
  });
  const envelopes = encryptFields(plaintexts, keys.ring);
  let next = 0;
  let previous: SealedLine | undefined;
  return lines.map(({ line, value }, i) => {
    const same = customers[i] === customers[i - 1] ? previous : undefined;
    const sealed: SealedLine = {
      line,
      externalId: value.externalId,
      emailHash: same?.emailHash ?? emailLookupHash(value.email, keys.lookupKey),
      customerFingerprint: same?.customerFingerprint ?? createHmac("sha256", keys.fingerprintKey).update(customers[i]!).digest("base64url").slice(0, 22),
      emailCiphertext: same ? same.emailCiphertext : encrypt ? envelopes[next++]! : "",
      nameCiphertext: same ? same.nameCiphertext : encrypt && value.name ? envelopes[next++]! : null,
      languageCiphertext: same ? same.languageCiphertext : encrypt && value.language ? envelopes[next++]! : null,
      registeredAt: value.registeredOn ? `${value.registeredOn}T00:00:00.000+00:00` : null,
      groupId: value.groupId,
      categoryIds: value.categoryIds.join(" "),
      periodFrom: value.periodFrom,
      periodUntil: value.periodUntil,
      legacyPasswordHash: value.legacyHash,
      legacyHashAlgorithm: value.legacyHashAlgorithm,
      // Ids for a new customer or exposure: unique (the run id is), and in file order, so a
      // first import appends to the primary-key indexes instead of writing all over them.
      newCustomerId: `${runId}c${line.toString(36).padStart(6, "0")}`,
      newExposureId: `${runId}e${line.toString(36).padStart(6, "0")}`,
    };
    previous = sealed;
    return sealed;
  });
}

export interface SealRequest {
  runId: string;
  lines: Array<{ line: number; value: ImportLine }>;
  encrypt: boolean;
}

/** Seals batches on a worker thread, in the order they are given. */
export class Sealer {
  #worker: Worker;
  #waiting: Array<{ resolve: (lines: SealedLine[]) => void; reject: (error: Error) => void }> = [];

  constructor(keys: { lookupKey: string; encryptionKeys: string; fingerprintKey: Buffer }) {
    const { filename, workerData } = workerThread("seal-worker", keys);
    this.#worker = new Worker(filename, { workerData });
    this.#worker.on("message", (lines: SealedLine[]) => this.#waiting.shift()?.resolve(lines));
    this.#worker.on("error", (error) => {
      for (const waiting of this.#waiting.splice(0)) waiting.reject(error);
    });
  }

  seal(request: SealRequest): Promise<SealedLine[]> {
    return new Promise((resolve, reject) => {
      this.#waiting.push({ resolve, reject });
      this.#worker.postMessage(request);
    });
  }

  async close(): Promise<void> {
    await this.#worker.terminate();
  }
}
