// Posts each manifest entry to DELETION_WEBHOOK_URL until the receiver acknowledges it (any
// 2xx). Every app instance runs this; an entry is claimed before it is posted, so two
// instances don't post it at once. A receiver may still see an entry twice (a crash between
// its answer and our record of it): the delivery id header lets it drop the repeat.
import { getConfig } from "~/config.server";
import { getDb } from "~/db/client.server";
import { DELIVERY_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, webhookSignature } from "~/domain/deletions/manifest";
import { claimNext, recordFailure, type WorkQueue } from "~/models/work-queue.server";

/** Longer than a post may take (its timeout), so a live instance's claim never runs out mid-post. */
const CLAIM_MS = 60_000;
const POST_TIMEOUT_MS = 15_000;

function dueWhere(now: Date) {
  return { webhookStatus: "pending", nextAttemptAt: { lte: now }, OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }] };
}

/**
 * The manifest's pending entries as a work queue (app/models/work-queue.server.ts), in the
 * order they were appended; a failed post is retried from `retryBaseMs`
 * (DELETION_WEBHOOK_RETRY_BASE_SECONDS) on until the receiver acknowledges it.
 */
function webhookQueue(retryBaseMs: number): WorkQueue<number> {
  return {
    name: "deletion-webhook",
    claimMs: CLAIM_MS,
    async findDue(now, take) {
      const rows = await getDb().deletionManifestEntry.findMany({ where: dueWhere(now), orderBy: { sequence: "asc" }, take, select: { sequence: true } });
      return rows.map((row) => row.sequence);
    },
    async claim(sequence, now, until) {
      const { count } = await getDb().deletionManifestEntry.updateMany({
        where: { sequence, ...dueWhere(now) },
        data: { claimedUntil: until, attempts: { increment: 1 } },
      });
      return count === 1;
    },
    retry: {
      schedule: { baseMs: retryBaseMs, maxAttempts: null },
      async record(sequence, failure, retryAt) {
        // Never given up (the schedule has no last attempt), so retryAt is always set.
        await getDb().deletionManifestEntry.updateMany({
          where: { sequence },
          data: { nextAttemptAt: retryAt ?? undefined, claimedUntil: null, lastError: failure },
        });
      },
    },
  };
}

/** Posts every due entry in order; stops at the first failure (the receiver is likely down) or when `signal` aborts. Returns how many were delivered. */
export async function deliverManifestEntries(options: { signal?: AbortSignal; now?: () => Date } = {}): Promise<number> {
  const now = options.now ?? (() => new Date());
  const config = getConfig();
  if (!config.DELETION_WEBHOOK_URL || !config.DELETION_WEBHOOK_SECRET) return 0;
  const db = getDb();
  const queue = webhookQueue(config.DELETION_WEBHOOK_RETRY_BASE_SECONDS * 1000);
  let delivered = 0;
  while (!options.signal?.aborted) {
    const claimedAt = now();
    const sequence = await claimNext(queue, claimedAt);
    if (sequence === null) return delivered;
    const entry = await db.deletionManifestEntry.findUniqueOrThrow({ where: { sequence }, select: { requestId: true, body: true, attempts: true } });
    const timestamp = String(Math.floor(now().getTime() / 1000));
    let failure: unknown = null;
    try {
      const response = await fetch(config.DELETION_WEBHOOK_URL, {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          [SIGNATURE_HEADER]: webhookSignature(config.DELETION_WEBHOOK_SECRET, timestamp, entry.body),
          [TIMESTAMP_HEADER]: timestamp,
          [DELIVERY_HEADER]: entry.requestId,
        },
        body: entry.body,
        redirect: "manual",
        signal: AbortSignal.timeout(POST_TIMEOUT_MS),
      });
      await response.body?.cancel();
      if (response.status < 200 || response.status > 299) failure = `HTTP ${response.status}`;
    } catch (error) {
      // A network error can quote the URL, credentials and all: the work queue redacts it.
      failure = error;
    }
    if (failure !== null) {
      await recordFailure(queue, sequence, failure, { now: now(), claimedAt, attempts: entry.attempts });
      return delivered;
    }
    await db.deletionManifestEntry.update({
      where: { sequence },
      data: { webhookStatus: "delivered", deliveredAt: now(), claimedUntil: null, lastError: null },
      select: { sequence: true },
    });
    delivered++;
  }
  return delivered;
}
