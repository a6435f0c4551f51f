// Posts each manifest entry to DELETION_WEBHOOK_URL until the receiver acknowledges it (any
// 2xx). Every app instance runs this; an entry is claimed before it is posted, so two
// instances don't post it at once. A receiver may still see an entry twice (a crash between
// its answer and our record of it): the delivery id header lets it drop the repeat.
import { getConfig } from "~/config.server";
import { getDb } from "~/db/client.server";
import { DELIVERY_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, webhookSignature } from "~/domain/deletions/manifest";
import { retryDelayMs } from "~/domain/outbox/retry";
import { logger } from "~/utils/logger.server";

/** Longer than a post may take (its timeout), so a live instance's claim never runs out mid-post. */
const CLAIM_MS = 60_000;
const POST_TIMEOUT_MS = 15_000;

function dueWhere(now: Date) {
  return { webhookStatus: "pending", nextAttemptAt: { lte: now }, OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }] };
}

async function claimNext(now: Date) {
  const db = getDb();
  const next = await db.deletionManifestEntry.findFirst({ where: dueWhere(now), orderBy: { sequence: "asc" }, select: { sequence: true } });
  if (!next) return null;
  const { count } = await db.deletionManifestEntry.updateMany({
    where: { sequence: next.sequence, ...dueWhere(now) },
    data: { claimedUntil: new Date(now.getTime() + CLAIM_MS), attempts: { increment: 1 } },
  });
  if (count !== 1) return null;
  return db.deletionManifestEntry.findUniqueOrThrow({ where: { sequence: next.sequence }, select: { sequence: true, requestId: true, body: true, attempts: true } });
}

/** Why a post failed, in words about the receiver, for the operations view. */
function describe(error: unknown): string {
  return String((error as Error)?.message ?? error).slice(0, 200);
}

/** Posts every due entry in order; stops at the first failure (the receiver is likely down). Returns how many were delivered. */
export async function deliverManifestEntries(now = () => new Date()): Promise<number> {
  const config = getConfig();
  if (!config.DELETION_WEBHOOK_URL || !config.DELETION_WEBHOOK_SECRET) return 0;
  const db = getDb();
  let delivered = 0;
  for (;;) {
    const entry = await claimNext(now());
    if (!entry) return delivered;
    const timestamp = String(Math.floor(now().getTime() / 1000));
    let failure: string | null = null;
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
      failure = describe(error);
    }
    if (!failure) {
      await db.deletionManifestEntry.update({
        where: { sequence: entry.sequence },
        data: { webhookStatus: "delivered", deliveredAt: now(), claimedUntil: null, lastError: null },
        select: { sequence: true },
      });
      delivered++;
      continue;
    }
    // Retried until acknowledged: the pause grows to a cap, the attempts never run out.
    const retryAt = new Date(now().getTime() + retryDelayMs(entry.attempts, config.DELETION_WEBHOOK_RETRY_BASE_SECONDS * 1000));
    await db.deletionManifestEntry.update({
      where: { sequence: entry.sequence },
      data: { nextAttemptAt: retryAt, claimedUntil: null, lastError: failure },
      select: { sequence: true },
    });
    logger.warn({ job: "deletion-webhook", sequence: entry.sequence, attempts: entry.attempts, error: failure }, "deletion webhook post failed");
    return delivered;
  }
}
