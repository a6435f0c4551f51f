// The affected records' counts are kept between dashboard views only until an import
// completes or a person is erased, against a real SQLite file: a change by either is counted
// on the next view, while the kept counts spare every other view the recount.
import { afterAll, beforeAll, expect, it } from "vitest";
import { createDb, type Db } from "~/db/client.server";
import { affectedCounts } from "~/models/dashboard/affected-counts.server";
import { scratchSqliteDatabase } from "../support/scratch-sqlite";

const { url } = scratchSqliteDatabase("affected");
let db: Db;
let groupId: string;

async function addPerson(n: number) {
  return db.customer.create({
    data: { externalId: `E${n}`, emailHash: `h${n}`, emailCiphertext: "sealed", exposures: { create: { groupId } } },
    select: { id: true },
  });
}

beforeAll(async () => {
  db = createDb(url);
  ({ id: groupId } = await db.affectedGroup.create({
    data: { key: "members", nameJa: "会員", nameEn: "Members", descriptionJa: "-", descriptionEn: "-" },
    select: { id: true },
  }));
});

afterAll(async () => {
  await db.$disconnect();
});

it("recounts after an import completes or a person is erased, and only then", async () => {
  const first = await addPerson(1);
  expect((await affectedCounts(db)).people).toBe(1);
  // Written behind the import's back (as only tests do): the kept counts stand.
  const second = await addPerson(2);
  expect((await affectedCounts(db)).people).toBe(1);

  await db.importRun.create({ data: { source: "cli", fileName: "a.csv", status: "completed", bytesTotal: 1, finishedAt: new Date() } });
  const afterImport = await affectedCounts(db);
  expect(afterImport.people).toBe(2);
  expect(afterImport.perGroup.get(groupId)).toBe(2);

  // A failed import changed nothing: no recount.
  await addPerson(3);
  await db.importRun.create({ data: { source: "cli", fileName: "b.csv", status: "failed", bytesTotal: 1, finishedAt: new Date() } });
  expect((await affectedCounts(db)).people).toBe(2);

  // An erasure appends its manifest entry in the same transaction as the deletion: the
  // recount finds the third person and not the two gone.
  await db.customer.deleteMany({ where: { id: { in: [first.id, second.id] } } });
  const request = await db.deletionRequest.create({
    data: { reference: "DR-TEST-0001", emailHash: "h2", externalId: "E2", language: "ja", status: "completed", dueAt: new Date() },
    select: { id: true },
  });
  await db.deletionManifestEntry.create({ data: { requestId: request.id, body: "{}" } });
  const afterErasure = await affectedCounts(db);
  expect(afterErasure.people).toBe(1);
  expect(afterErasure.perGroup.get(groupId)).toBe(1);
});
