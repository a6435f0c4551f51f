// The work queues (app/models/work-queue.server.ts) against a real SQLite file: an item is
// claimed by one caller however many race for it, a claim that ran out is taken over, a
// failure is recorded on the schedule and given up at its end, and what failed is stored
// redacted, for the deletion webhook as for the outbox.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/cli/prisma-cli";
import { getDb } from "~/db/client.server";
import { deliverManifestEntries } from "~/jobs/deletion-webhook.server";
import { MAIL_MAX_ATTEMPTS, mailQueue } from "~/models/outbox.server";
import { claimNext, recordFailure } from "~/models/work-queue.server";

const dir = mkdtempSync(join(tmpdir(), "madoguchi-work-queues-"));
// Credentials in the webhook's address: Node's fetch refuses such an address before connecting,
// quoting it whole, the kind of error text that must not be kept.
const WEBHOOK_CREDENTIALS = "erasures:hook-password-7Qx";
Object.assign(process.env, {
  DATABASE_URL: `file:${join(dir, "queues.db")}`,
  SESSION_SECRET: randomBytes(32).toString("base64url"),
  LOOKUP_HASH_KEY: randomBytes(32).toString("base64url"),
  DATA_ENCRYPTION_KEYS: `t:${randomBytes(32).toString("base64")}`,
  DELETION_WEBHOOK_URL: `http://${WEBHOOK_CREDENTIALS}@127.0.0.1:9/erasures`,
  DELETION_WEBHOOK_SECRET: randomBytes(32).toString("base64url"),
  DELETION_WEBHOOK_RETRY_BASE_SECONDS: "30",
});

beforeAll(() => prisma(["migrate", "deploy"], process.env.DATABASE_URL!), 60_000);
afterAll(async () => {
  await getDb().$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

/** The first query opens the database, which on a busy machine takes seconds. */
const DATABASE_TEST_TIMEOUT_MS = 30_000;

const queue = mailQueue({ claimMs: 60_000, retryBaseMs: 30_000 });

/** Queued mail rows of a template only this test uses, due at `due`. */
async function queueMail(template: string, count: number, due: Date, data: { attempts?: number } = {}): Promise<string[]> {
  const ids = [];
  for (let n = 0; n < count; n++) {
    const row = await getDb().outboxMessage.create({ data: { template, payload: "not read here", nextAttemptAt: due, ...data }, select: { id: true } });
    ids.push(row.id);
  }
  return ids;
}

describe("claiming", () => {
  it(
    "gives each due item to one of many callers racing for it",
    async () => {
      const now = new Date("2030-01-01T00:00:00Z");
      // Due long before anything another test queues, so these are claimed first.
      const ids = await queueMail("race", 3, new Date("2000-01-01T00:00:00Z"));
      const claims = await Promise.all(Array.from({ length: 8 }, () => claimNext(queue, now)));
      const won = claims.filter((id) => id !== null && ids.includes(id));
      expect(new Set(won).size).toBe(won.length);
      expect(new Set(won)).toEqual(new Set(ids));
      const rows = await getDb().outboxMessage.findMany({ where: { id: { in: ids } }, select: { status: true, attempts: true, claimedUntil: true } });
      expect(rows).toEqual(ids.map(() => ({ status: "sending", attempts: 1, claimedUntil: new Date("2030-01-01T00:01:00Z") })));
    },
    DATABASE_TEST_TIMEOUT_MS,
  );

  it(
    "takes over an item whose claim ran out, and not before",
    async () => {
      const [id] = await queueMail("taken-over", 1, new Date("2001-01-01T00:00:00Z"));
      const claimedAt = new Date("2031-01-01T00:00:00Z");
      // Items the race above left claimed have run out by then and are claimed on the way.
      const claimed: Array<string | null> = [];
      for (let n = 0; n < 5 && !claimed.includes(id!); n++) claimed.push(await claimNext(queue, claimedAt));
      expect(claimed).toContain(id);
      const stillClaimed = new Date(claimedAt.getTime() + 59_000);
      expect(await queue.findDue(stillClaimed, 100)).not.toContain(id);
      const ranOut = new Date(claimedAt.getTime() + 61_000);
      expect(await queue.findDue(ranOut, 100)).toContain(id);
      expect(await queue.claim(id!, ranOut, new Date(ranOut.getTime() + 60_000))).toBe(true);
      expect(await getDb().outboxMessage.findUniqueOrThrow({ where: { id }, select: { attempts: true } })).toEqual({ attempts: 2 });
    },
    DATABASE_TEST_TIMEOUT_MS,
  );
});

describe("recording a failure", () => {
  it(
    "retries on the schedule, and gives up at its last attempt",
    async () => {
      const now = new Date("2032-01-01T00:00:00Z");
      const [early] = await queueMail("early-failure", 1, now, { attempts: 1 });
      const [last] = await queueMail("last-failure", 1, now, { attempts: MAIL_MAX_ATTEMPTS });
      expect(await recordFailure(queue, early!, new Error("connect ECONNREFUSED 127.0.0.1:25"), { now, claimedAt: now, attempts: 2 })).toEqual({
        failure: "connect ECONNREFUSED 127.0.0.1:25",
        retryAt: new Date(now.getTime() + 60_000),
      });
      await recordFailure(queue, last!, new Error("550 <someone@example.com>: no such user"), { now, claimedAt: now, attempts: MAIL_MAX_ATTEMPTS });
      const rows = await getDb().outboxMessage.findMany({
        where: { id: { in: [early!, last!] } },
        orderBy: { template: "asc" },
        select: { template: true, status: true, nextAttemptAt: true, lastError: true },
      });
      expect(rows).toEqual([
        { template: "early-failure", status: "queued", nextAttemptAt: new Date(now.getTime() + 60_000), lastError: "connect ECONNREFUSED 127.0.0.1:25" },
        { template: "last-failure", status: "failed", nextAttemptAt: now, lastError: "550 <[redacted]>: no such user" },
      ]);
    },
    DATABASE_TEST_TIMEOUT_MS,
  );

  it(
    "stores the deletion webhook's error redacted, as the outbox's, and retries it on its schedule",
    async () => {
      const request = await getDb().deletionRequest.create({
        data: { reference: "DR-QUEUE001", emailHash: "h", externalId: "x-1", language: "ja", status: "completed", dueAt: new Date() },
        select: { id: true },
      });
      const { sequence } = await getDb().deletionManifestEntry.create({ data: { requestId: request.id, body: "{}" }, select: { sequence: true } });
      const before = Date.now();
      expect(await deliverManifestEntries()).toBe(0);
      const entry = await getDb().deletionManifestEntry.findUniqueOrThrow({
        where: { sequence },
        select: { webhookStatus: true, attempts: true, nextAttemptAt: true, claimedUntil: true, lastError: true },
      });
      // Node's fetch refuses an address with credentials and quotes it whole in its message.
      expect(entry.lastError).toContain("[redacted]");
      expect(entry.lastError).not.toContain(WEBHOOK_CREDENTIALS);
      expect(entry.lastError).not.toContain("@");
      expect(entry).toMatchObject({ webhookStatus: "pending", attempts: 1, claimedUntil: null });
      expect(entry.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before + 30_000);
      expect(entry.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now() + 30_000);
    },
    DATABASE_TEST_TIMEOUT_MS,
  );
});

describe("a process that is stopping", () => {
  it(
    "claims nothing more once its signal has aborted, and leaves the item to the next run",
    async () => {
      const request = await getDb().deletionRequest.create({
        data: { reference: "DR-QUEUE002", emailHash: "h2", externalId: "x-2", language: "ja", status: "completed", dueAt: new Date() },
        select: { id: true },
      });
      const { sequence } = await getDb().deletionManifestEntry.create({ data: { requestId: request.id, body: "{}" }, select: { sequence: true } });
      const state = () => getDb().deletionManifestEntry.findUniqueOrThrow({ where: { sequence }, select: { attempts: true, claimedUntil: true } });

      expect(await deliverManifestEntries({ signal: AbortSignal.abort() })).toBe(0);
      expect(await state()).toEqual({ attempts: 0, claimedUntil: null });
      // The same call without the signal tries it (and fails: the receiver is unreachable).
      expect(await deliverManifestEntries()).toBe(0);
      expect((await state()).attempts).toBe(1);
    },
    DATABASE_TEST_TIMEOUT_MS,
  );
});
