// The deletion manifest: one entry per completed erasure, for the company's other systems.
// An entry names the person by the company's own id (what those systems know them by) and
// says what the portal erased and when; it holds no contact detail. Posted to a webhook,
// its bytes are signed with HMAC-SHA256 over "<timestamp>.<body>" so the receiver can tell
// it came from the portal and was not replayed later.
import { createHmac } from "node:crypto";
import { stringify } from "csv-stringify/sync";
import { spreadsheetSafe } from "~/domain/audit/csv-export";
import { secretsMatch } from "~/domain/secret-compare";
import { ERASED_CATEGORIES, type ErasedCounts } from "./categories";

export interface ManifestEntry {
  requestId: string;
  reference: string;
  externalId: string;
  receivedAt: string;
  decidedAt: string;
  completedAt: string;
  erased: ErasedCounts;
}

export const MANIFEST_VERSION = 1;

/** The entry's JSON, as stored, exported and posted (key order fixed). */
export function manifestBody(sequence: number, entry: ManifestEntry): string {
  return JSON.stringify({ version: MANIFEST_VERSION, sequence, ...entry, erased: entry.erased });
}

export const MANIFEST_CSV_COLUMNS = [
  "sequence",
  "requestId",
  "reference",
  "externalId",
  "receivedAt",
  "decidedAt",
  "completedAt",
  ...ERASED_CATEGORIES,
] as const;

// CRLF, as RFC 4180 and spreadsheets expect.
const csvLine = (cells: string[]) => stringify([cells.map(spreadsheetSafe)], { record_delimiter: "windows" });

export function manifestCsvHeader(): string {
  return csvLine([...MANIFEST_CSV_COLUMNS]);
}

/** One CSV line from a stored body: the counts spread into a column per kind. */
export function manifestCsvLine(body: string): string {
  const entry = JSON.parse(body) as ManifestEntry & { sequence: number };
  const cells = [
    String(entry.sequence),
    entry.requestId,
    entry.reference,
    entry.externalId,
    entry.receivedAt,
    entry.decidedAt,
    entry.completedAt,
    ...ERASED_CATEGORIES.map((category) => String(entry.erased[category] ?? 0)),
  ];
  return csvLine(cells);
}

export const SIGNATURE_HEADER = "X-Madoguchi-Signature";
export const TIMESTAMP_HEADER = "X-Madoguchi-Timestamp";
export const DELIVERY_HEADER = "X-Madoguchi-Delivery";

/** "sha256=<hex>" of HMAC-SHA256(secret, "<timestamp>.<body>"). */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

/** What a receiver does (and what the tests do): recompute and compare in constant time. */
export function isValidWebhookSignature(secret: string, timestamp: string, body: string, signature: string): boolean {
  return secretsMatch(signature, webhookSignature(secret, timestamp, body));
}
