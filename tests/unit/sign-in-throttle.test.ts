// The staff sign-in counts against a real SQLite file: attempts counted before they are
// checked, locks set only by confirmed failures, nothing left behind by a success or by an
// attempt that was never tried.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/db/client.server";
import { LIMITS } from "~/domain/staff/throttle-policy";
import { countAttempt, lockConfirmedFailures, settleSuccess, throttleKeys, throttleState, uncountAttempt } from "~/models/sign-in-throttle.server";
import { scratchSqliteDatabase } from "../support/scratch-sqlite";

Object.assign(process.env, {
  DATABASE_URL: scratchSqliteDatabase("throttle").url,
  SESSION_SECRET: randomBytes(32).toString("base64url"),
  LOOKUP_HASH_KEY: randomBytes(32).toString("base64url"),
  DATA_ENCRYPTION_KEYS: `t:${randomBytes(32).toString("base64")}`,
});

// Opened before the tests, with a hook's budget: on a busy machine the first query's setup
// alone can take most of a test's five seconds.
beforeAll(() => getDb().$connect(), 60_000);
afterAll(() => getDb().$disconnect());

const fresh = () => throttleKeys(randomBytes(8).toString("hex"), randomBytes(8).toString("hex"), null);

async function fail(keys: string[]) {
  expect(await countAttempt(keys)).toBeNull();
  await lockConfirmedFailures(keys);
}

describe("staff sign-in counts", () => {
  it("lock once the limit's last failure is confirmed", async () => {
    const keys = fresh();
    for (let n = 0; n < LIMITS.pair.lockAfter - 1; n++) await fail(keys);
    expect((await throttleState(keys)).lockedUntil).toBeNull();
    await fail(keys);
    expect((await throttleState(keys)).lockedUntil).not.toBeNull();
  });

  it("leave no lock after a success that reached a limit, nor after an attempt never tried", async () => {
    const succeeded = fresh();
    for (let n = 0; n < LIMITS.pair.lockAfter - 1; n++) await fail(succeeded);
    expect(await countAttempt(succeeded)).toBeNull();
    await settleSuccess(succeeded, "account");
    expect((await throttleState(succeeded)).lockedUntil).toBeNull();

    const untried = fresh();
    for (let n = 0; n < LIMITS.pair.lockAfter - 1; n++) await fail(untried);
    expect(await countAttempt(untried)).toBeNull();
    await uncountAttempt(untried);
    expect((await throttleState(untried)).lockedUntil).toBeNull();
    expect((await throttleState(untried)).failures).toBe(LIMITS.pair.lockAfter - 1);
  });

  it("let no more simultaneous attempts through than the limit", async () => {
    const keys = fresh();
    const refused = await Promise.all(Array.from({ length: 20 }, () => countAttempt(keys)));
    expect(refused.filter((until) => until === null)).toHaveLength(LIMITS.pair.lockAfter);
  });
});
