// Checking the whole audit chain without holding the whole log in memory: entries arrive in
// batches in sequence order, and each batch is checked from the last link of the one before.
import { firstBreak, GENESIS_HASH, type AuditFields, type ChainBreak } from "./chain";

export type ChainEntry = AuditFields & { prevHash: string; hash: string };

export type ChainVerdict = { intact: true; entries: number } | { intact: false; broken: ChainBreak };

export async function verifyChain(batches: AsyncIterable<ChainEntry[]>): Promise<ChainVerdict> {
  let start = { prevHash: GENESIS_HASH, sequence: 1 };
  let entries = 0;
  for await (const batch of batches) {
    const broken = firstBreak(batch, start);
    if (broken) return { intact: false, broken };
    const last = batch.at(-1);
    if (!last) continue;
    start = { prevHash: last.hash, sequence: last.sequence + 1 };
    entries += batch.length;
  }
  return { intact: true, entries };
}

/** What an operator reads after "broken at entry #S: ". */
export function describeBreak(broken: ChainBreak): string {
  switch (broken.reason) {
    case "hash-mismatch":
      return "its contents no longer match its hash (the entry was altered)";
    case "previous-hash-mismatch":
      return `it does not link to entry #${broken.sequence - 1} (that entry was altered or replaced)`;
    case "sequence-gap": {
      const lastMissing = broken.sequence - 1;
      const missing = lastMissing === broken.expected ? `entry #${broken.expected} is` : `entries #${broken.expected}-#${lastMissing} are`;
      return `${missing} missing before it`;
    }
  }
}
