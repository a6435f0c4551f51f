// The SQLite client on a real file: an open transaction keeps to itself, and a write lock held
// by another connection makes writes wait (without stopping the process) instead of reads.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { createDb, type Db } from "./client.server";
import { isDatabaseUnavailable } from "./unavailable";
import { LOCK_WAIT_MS } from "./sqlite-connections.server";

const dir = mkdtempSync(join(tmpdir(), "madoguchi-sqlite-connections-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let file: string;
let db: Db;
let other: Database.Database;

beforeEach(async (context) => {
  file = join(dir, `${context.task.id}.db`);
  other = new Database(file);
  other.pragma("journal_mode = WAL");
  other.exec("CREATE TABLE note (body TEXT NOT NULL)");
  db = createDb(`file:${file}`);
});

afterEach(async () => {
  if (other.inTransaction) other.exec("ROLLBACK");
  other.close();
  await db.$disconnect();
});

const notes = async () => (await db.$queryRaw<Array<{ body: string }>>`SELECT body FROM note ORDER BY body`).map((row) => row.body);

/** A promise and the function that settles it: a step one side waits for the other to reach. */
function signal() {
  let give!: () => void;
  const given = new Promise<void>((resolve) => (give = resolve));
  return { give, given };
}

/** Counts event-loop turns until `work` settles: zero means the process stood still meanwhile. */
async function turnsWhile(work: Promise<unknown>): Promise<number> {
  let turns = 0;
  let settled = false;
  void work.finally(() => (settled = true)).catch(() => undefined);
  while (!settled) {
    await new Promise((resolve) => setImmediate(resolve));
    turns++;
  }
  return turns;
}

describe("the SQLite client", { timeout: 30_000 }, () => {
  it("runs another request's queries outside a transaction that is open: they neither see its rows nor vanish with its rollback", async () => {
    const written = signal();
    const othersIssued = signal();
    const rolledBack = db
      .$transaction(async (tx) => {
        await tx.$executeRaw`INSERT INTO note (body) VALUES ('uncommitted')`;
        written.give();
        await othersIssued.given;
        throw new Error("the operation fails after the other's write");
      })
      .catch((error: Error) => error.message);

    await written.given;
    const seenMeanwhile = await notes();
    // It waits for the transaction's write lock, as a write of another process would.
    const othersWrite = db.$executeRaw`INSERT INTO note (body) VALUES ('committed by another request')`;
    othersIssued.give();
    await othersWrite;

    expect(await rolledBack).toBe("the operation fails after the other's write");
    expect(seenMeanwhile).toEqual([]);
    expect(await notes()).toEqual(["committed by another request"]);
  });

  it("keeps reading, and lets a transaction wait, while another process holds the write lock; the transaction goes on once it lets go", async () => {
    other.exec("INSERT INTO note (body) VALUES ('before')");
    other.exec("BEGIN IMMEDIATE");
    const transaction = db.$transaction(async (tx) => {
      // Read first, then write: the write lock is the transaction's from its start.
      const before = await tx.$queryRaw<Array<{ count: bigint }>>`SELECT COUNT(*) AS count FROM note`;
      await tx.$executeRaw`INSERT INTO note (body) VALUES ('after')`;
      return Number(before[0]!.count);
    });
    expect(await notes()).toEqual(["before"]);
    // Several reads' worth of the process's time went by while the transaction waited.
    const reads = await Promise.all([notes(), notes(), notes()]);
    expect(reads).toEqual([["before"], ["before"], ["before"]]);
    other.exec("ROLLBACK");
    expect(await transaction).toBe(1);
    expect(await notes()).toEqual(["after", "before"]);
  });

  it("gives up on writes after the lock wait with an error the portal answers as busy, and the process never stood still", async () => {
    other.exec("BEGIN IMMEDIATE");
    const started = Date.now();
    const failure = (error: unknown) => error;
    const writes = Promise.all([
      db.$executeRaw`INSERT INTO note (body) VALUES ('never')`.then(() => null, failure),
      // A transaction that reads before it writes waits as long: SQLite alone would fail it at once.
      db
        .$transaction(async (tx) => {
          await tx.$queryRaw`SELECT COUNT(*) FROM note`;
          await tx.$executeRaw`INSERT INTO note (body) VALUES ('never either')`;
        })
        .then(() => null, failure),
    ]);
    const turns = await turnsWhile(writes);
    const errors = await writes;
    expect(Date.now() - started).toBeGreaterThanOrEqual(LOCK_WAIT_MS - 100);
    expect(errors.map(isDatabaseUnavailable)).toEqual([true, true]);
    // With SQLite's own busy timeout the process slept through the whole wait in one turn.
    expect(turns).toBeGreaterThan(10);
    other.exec("ROLLBACK");
    expect(await notes()).toEqual([]);
  });
});
