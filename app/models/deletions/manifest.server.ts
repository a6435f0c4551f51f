// The manifest for download: every entry in the order appended, read a batch at a time so
// a long manifest never sits in memory.
import { getDb } from "~/db/client.server";
import type { DbHandle } from "~/db/transaction.server";
import { manifestCsvHeader, manifestCsvLine } from "~/domain/deletions/manifest";

const BATCH = 1_000;

async function* manifestBodies(db: DbHandle = getDb()): AsyncGenerator<string[]> {
  let after = 0;
  for (;;) {
    const rows = await db.deletionManifestEntry.findMany({
      where: { sequence: { gt: after } },
      orderBy: { sequence: "asc" },
      take: BATCH,
      select: { sequence: true, body: true },
    });
    if (rows.length === 0) return;
    yield rows.map((row) => row.body);
    after = rows.at(-1)!.sequence;
  }
}

export async function* manifestChunks(format: "jsonl" | "csv", db: DbHandle = getDb()): AsyncGenerator<string> {
  if (format === "csv") yield manifestCsvHeader();
  for await (const bodies of manifestBodies(db)) {
    yield bodies.map((body) => (format === "csv" ? manifestCsvLine(body) : `${body}\n`)).join("");
  }
}

/** A completed request's manifest entry and how its delivery stands, for the privacy officer. */
export function getManifestState(requestId: string, db: DbHandle = getDb()) {
  return db.deletionManifestEntry.findUnique({
    where: { requestId },
    select: { sequence: true, webhookStatus: true, attempts: true, deliveredAt: true, lastError: true },
  });
}
