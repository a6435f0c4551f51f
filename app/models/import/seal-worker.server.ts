// The sealing worker: hashing and encrypting are most of an import's CPU time, so they run on
// the second core while the first one reads, checks and stages (ADR 009).
import { parentPort, workerData } from "node:worker_threads";
import { parseKeyRing } from "~/utils/personal-data.server";
import { sealLines, type SealRequest } from "./seal-lines.server";

const { lookupKey, encryptionKeys, fingerprintKey } = workerData as { lookupKey: string; encryptionKeys: string; fingerprintKey: Uint8Array };
const keys = { lookupKey, ring: parseKeyRing(encryptionKeys), fingerprintKey: Buffer.from(fingerprintKey) };

parentPort!.on("message", (request: SealRequest) => {
  parentPort!.postMessage(sealLines(request.runId, request.lines, keys, request.encrypt));
});
