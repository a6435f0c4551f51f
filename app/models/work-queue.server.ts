// Claiming due work with a time-limited claim, trying it again on a schedule and recording the
// outcome: the one mechanism behind the outbox, the deletion webhook, the check answers,
// deletion execution and the job leases (ADR 025). Each queue keeps its own table and says in
// its own typed Prisma calls which of its rows are due and what a claim and a failure write;
// this module owns the rest: the race between instances, the end of a claim, the retry
// schedule, and that what failed is redacted before it is stored or logged.
//
// Every claim is one conditional update ("still due"), outside any lock: of two instances
// racing for an item, the database gives one of them a count of 1, on SQLite (one writer at a
// time) as on PostgreSQL (the condition is evaluated again on the locked row). An instance that
// dies while holding an item holds it only until its claim runs out.
import { describeFailure } from "~/domain/work-queue/redact";
import { claimEnd, nextAttemptAt, type RetrySchedule } from "~/domain/work-queue/retry";
import { logger } from "~/utils/logger.server";

export interface WorkQueue<Key> {
  /** Names the queue in logs: the background loop (app/domain/operations/loops.ts) or job that works through it. */
  name: string;
  /** How long a claim lasts: longer than one item's work can take, so a live instance never loses its claim. */
  claimMs: number;
  /**
   * Up to `take` items due at `now`, first due first: waiting and unclaimed, or claimed by an
   * instance whose claim has run out.
   */
  findDue(now: Date, take: number): Promise<Key[]>;
  /** Claims the item until `until` on condition that it is still due at `now`; true when this instance won it. */
  claim(key: Key, now: Date, until: Date): Promise<boolean>;
  /**
   * How a failure is recorded on the item. Without it (a table with no attempt count), the item
   * stays claimed and is tried again when the claim runs out.
   */
  retry?: {
    schedule: RetrySchedule;
    /** A failure that trying again can't mend (a mail server's "no such user"): given up at once. */
    givesUpAtOnce?(error: unknown): boolean;
    /**
     * Writes the failure (already redacted) and when to try again; `retryAt` null: given up.
     * `cause` is what was thrown, for a queue that records what kind of failure it was.
     */
    record(key: Key, failure: string, retryAt: Date | null, cause: unknown): Promise<void>;
  };
}

/** Candidates read per look: enough that losing a race or two does not mean another read. */
const CANDIDATES = 4;
/** Lost races in a row after which this instance leaves the queue to the others until its next run. */
const MAX_LOST_ROUNDS = 5;

/** The next due item, claimed for this instance; null when none is due (or others keep winning them). */
export async function claimNext<Key>(queue: WorkQueue<Key>, now: Date): Promise<Key | null> {
  for (let round = 0; round < MAX_LOST_ROUNDS; round++) {
    const candidates = await queue.findDue(now, CANDIDATES);
    if (candidates.length === 0) return null;
    for (const key of candidates) {
      if (await queue.claim(key, now, claimEnd(now, queue.claimMs))) return key;
    }
  }
  return null;
}

export interface RecordedFailure {
  /** What failed, redacted: no address, no credentials, one short line. */
  failure: string;
  /** When the item is tried again; null when it was given up. */
  retryAt: Date | null;
}

/**
 * Records that the work on a claimed item failed: the redacted error and the next attempt on a
 * queue with a schedule, else the item waits out the claim taken at `claimedAt`. Logged the
 * same way for every queue.
 */
export async function recordFailure<Key>(
  queue: WorkQueue<Key>,
  key: Key,
  error: unknown,
  at: { now: Date; claimedAt: Date; attempts?: number },
): Promise<RecordedFailure> {
  const failure = describeFailure(error);
  let retryAt: Date | null;
  if (queue.retry) {
    retryAt = queue.retry.givesUpAtOnce?.(error) ? null : nextAttemptAt(queue.retry.schedule, at.attempts ?? 1, at.now);
    await queue.retry.record(key, failure, retryAt, error);
  } else {
    retryAt = claimEnd(at.claimedAt, queue.claimMs);
  }
  logger.warn(
    { job: queue.name, item: String(key), attempts: at.attempts, retryAt, givenUp: retryAt === null, error: failure },
    "background work on an item failed",
  );
  return { failure, retryAt };
}
