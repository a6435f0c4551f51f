// The request limits' counters against a real SQLite file: a window opens with the first
// request and lasts the rule's length wherever the clock's hour falls, a refusal says when the
// window closes, and the count starts again after that.
import { afterAll, beforeAll, expect, it } from "vitest";
import { createDb, type Db } from "~/db/client.server";
import type { RateRule } from "~/domain/rate-limit/rate-limit";
import { consumeRateLimits } from "~/models/rate-limit.server";
import { scratchSqliteDatabase } from "../support/scratch-sqlite";

const { url } = scratchSqliteDatabase("rate-limits");
let db: Db;
const rule: RateRule = { name: "test:address", limit: 5, windowMs: 60 * 60_000 };
const at = (time: string) => new Date(`2026-11-21T${time}Z`);

beforeAll(() => {
  db = createDb(url);
});

afterAll(async () => {
  await db.$disconnect();
});

async function requestAt(subject: string, time: string) {
  return consumeRateLimits([{ rule, subject }], at(time), db);
}

it("refuses the sixth request of an hour even when the clock's hour began among them", async () => {
  for (const time of ["10:59:30", "10:59:40", "10:59:50", "11:00:00", "11:00:10"]) expect(await requestAt("across-the-hour", time)).toEqual({ limited: false });
  expect(await requestAt("across-the-hour", "11:00:20")).toEqual({ limited: true, retryAt: at("11:59:30") });
});

it("counts again from one once the window has closed", async () => {
  for (let n = 0; n < 5; n++) await requestAt("later", "08:00:00");
  expect((await requestAt("later", "08:59:59")).limited).toBe(true);
  for (let n = 0; n < 5; n++) expect(await requestAt("later", "09:00:00")).toEqual({ limited: false });
  expect(await requestAt("later", "09:10:00")).toEqual({ limited: true, retryAt: at("10:00:00") });
});

it("keeps subjects apart, and answers with the later window of several rules", async () => {
  for (let n = 0; n < 5; n++) await requestAt("one", "12:00:00");
  expect(await requestAt("other", "12:00:00")).toEqual({ limited: false });
  const daily: RateRule = { name: "test:daily", limit: 1, windowMs: 24 * 60 * 60_000 };
  await consumeRateLimits([{ rule: daily, subject: "one" }], at("12:00:00"), db);
  expect(
    await consumeRateLimits(
      [
        { rule, subject: "one" },
        { rule: daily, subject: "one" },
      ],
      at("12:30:00"),
      db,
    ),
  ).toEqual({
    limited: true,
    retryAt: new Date("2026-11-22T12:00:00Z"),
  });
});
