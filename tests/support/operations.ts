// For the operations tests: mail that failed, written straight into the test server's
// outbox (no recipient, no body: nothing for the sender to pick up), and a reader of the
// Prometheus text format.
import { randomBytes } from "node:crypto";
import type { Db } from "../../app/db/client.server";

export interface SeededFailures {
  /** An address quoted in the errors, which must never be shown. */
  address: string;
  /** A word in both errors, to find the rows on the page. */
  marker: string;
  /** When the queued one is tried again. */
  retryAt: Date;
}

/** A mail given up after its last attempt, and one waiting a day for its retry. */
export async function seedMailFailures(db: Db): Promise<SeededFailures> {
  const marker = `ops${randomBytes(4).toString("hex")}`;
  const address = `${marker}@example.com`;
  // Whole minutes, as the page shows them.
  const retryAt = new Date(Math.ceil((Date.now() + 86_400_000) / 60_000) * 60_000);
  await db.outboxMessage.create({
    data: {
      template: "check-known",
      status: "failed",
      attempts: 100,
      lastError: `EENVELOPE 550 5.1.1 <${address}>: Recipient address rejected (${marker})`,
    },
    select: { id: true },
  });
  await db.outboxMessage.create({
    data: {
      template: "inquiry-reply",
      status: "queued",
      attempts: 3,
      nextAttemptAt: retryAt,
      lastError: `ETIMEDOUT connect to mail relay timed out (${marker})`,
    },
    select: { id: true },
  });
  return { address, marker, retryAt };
}

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** The samples of a scrape (comments left out). */
export function parseMetrics(text: string): Sample[] {
  return text
    .split("\n")
    .filter((line) => line && !line.startsWith("#"))
    .map((line) => {
      const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (!match) throw new Error(`Not a sample line: ${line}`);
      const labels = Object.fromEntries([...(match[2] ?? "").matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((pair) => [pair[1]!, pair[2]!]));
      return { name: match[1]!, labels, value: Number(match[3]) };
    });
}

/** The value of the one sample with this name and (at least) these labels. */
export function sampleValue(samples: Sample[], name: string, labels: Record<string, string> = {}): number | undefined {
  const found = samples.filter((sample) => sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value));
  if (found.length > 1) throw new Error(`${found.length} samples of ${name} match ${JSON.stringify(labels)}`);
  return found[0]?.value;
}
