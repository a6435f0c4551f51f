// The affected-records import against a real SQLite file: a line whose person was erased on
// request (a completed deletion request names their address or their external id) is left
// out of the merge and put on record as skipped, without rejecting the file.
import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "~/db/client.server";
import { scratchSqliteDatabase } from "../support/scratch-sqlite";

const { dir, url } = scratchSqliteDatabase("import");
const config = {
  DATABASE_URL: url,
  LOOKUP_HASH_KEY: randomBytes(32).toString("base64url"),
  DATA_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString("base64")}`,
};

// The audit log reads the app's configuration, so it must be complete before app code runs.
Object.assign(process.env, config, { SESSION_SECRET: randomBytes(32).toString("base64url") });

const { createDb } = await import("~/db/client.server");
const { runImport } = await import("~/models/import/run-import.server");
const { countRunIssues, createImportRun, getRun, listRunIssues } = await import("~/models/import/runs.server");
const { emailLookupHash } = await import("~/utils/personal-data.server");

const HEADER = "external_id,email,name,group,categories";
let db: Db;

async function importFile(name: string, lines: string[]) {
  const filePath = join(dir, name);
  writeFileSync(filePath, `${[HEADER, ...lines].join("\n")}\n`);
  const run = await createImportRun({ source: "cli", fileName: name, bytesTotal: 1, startedById: null }, null, db);
  const outcome = await runImport({ runId: run.id, filePath, bytesTotal: 1, actor: null }, config);
  return { runId: run.id, outcome };
}

function customers() {
  return db.customer.findMany({
    orderBy: { externalId: "asc" },
    select: { externalId: true, emailHash: true, exposures: { select: { group: { select: { key: true } } } } },
  });
}

beforeAll(async () => {
  db = createDb(config.DATABASE_URL);
  const email = await db.dataCategory.create({
    data: { key: "email", labelJa: "メールアドレス", labelEn: "Email address", recommendedActionJa: "-", recommendedActionEn: "-" },
    select: { id: true },
  });
  for (const key of ["members", "inquirers"]) {
    await db.affectedGroup.create({
      data: { key, nameJa: key, nameEn: key, descriptionJa: "-", descriptionEn: "-", categories: { create: { categoryId: email.id } } },
    });
  }
  const request = (reference: string, address: string, externalId: string, status: string) => ({
    reference,
    emailHash: emailLookupHash(address, config.LOOKUP_HASH_KEY),
    externalId,
    language: "ja",
    status,
    dueAt: new Date(),
  });
  await db.deletionRequest.createMany({
    data: [
      request("DR-ADDRESS0", "erased@example.org", "old-id", "completed"),
      request("DR-EXTERNAL", "old@example.org", "erased-id", "completed"),
      // Not carried out (yet, or ever): such a person is imported as usual.
      request("DR-APPROVED", "approved@example.org", "approved-id", "approved"),
      request("DR-REFUSED0", "refused@example.org", "refused-id", "refused"),
    ],
  });
}, 120_000);

afterAll(async () => {
  await db?.$disconnect();
});

describe("importing people erased on request", { timeout: 60_000 }, () => {
  it("rejects a bad file for its bad lines only, not for its erased people", async () => {
    const { runId, outcome } = await importFile("bad.csv", [
      "erased-id,new@example.org,,members,email", // 2
      "someone,not-an-address,,members,email", // 3
    ]);
    expect(outcome).toEqual({ status: "rejected", linesRead: 2, errorCount: 1 });
    expect(await listRunIssues(runId, { skip: 0, take: 10 }, db)).toEqual([{ line: 3, reason: "bad-email", detail: null }]);
    expect(await customers()).toEqual([]);
  });

  it("leaves out the lines whose address or external id an erasure names, and lists them", async () => {
    const { runId, outcome } = await importFile("first.csv", [
      "kept-id,kept@example.org,Kept,members,email", // 2
      "new-id,Erased@Example.org,,members,email", // 3: the erased address, under a new id
      "erased-id,new@example.org,,members,email", // 4: the erased id, with a new address...
      "erased-id,new@example.org,,inquirers,email", // 5: ...in two groups
      "approved-id,approved@example.org,,members,email", // 6
      "refused-id,refused@example.org,,inquirers,email", // 7
    ]);
    expect(outcome).toMatchObject({
      status: "completed",
      linesRead: 6,
      customersCreated: 3,
      customersUpdated: 0,
      exposuresWritten: 3,
      linesSkipped: 3,
    });
    expect((await customers()).map((customer) => customer.externalId)).toEqual(["approved-id", "kept-id", "refused-id"]);
    expect(await getRun(runId, db)).toMatchObject({ status: "completed", errorCount: 0, linesSkipped: 3 });
    expect(await countRunIssues(runId, db)).toBe(3);
    expect(await listRunIssues(runId, { skip: 0, take: 10 }, db)).toEqual([3, 4, 5].map((line) => ({ line, reason: "erased-on-request", detail: null })));
    const audit = await db.auditEntry.findFirstOrThrow({ where: { targetId: runId }, select: { result: true, details: true } });
    expect(audit.result).toBe("ok");
    expect(JSON.parse(audit.details ?? "{}")).toMatchObject({ status: "completed", lines: 6, linesSkipped: 3 });
    expect(await db.importStagingRow.count()).toBe(0);
  });

  it("leaves a skipped line's namesake customer as it was", async () => {
    const before = (await customers()).find((customer) => customer.externalId === "kept-id");
    const { outcome } = await importFile("second.csv", [
      "kept-id,erased@example.org,Kept,inquirers,email", // 2: an existing customer given the erased address
      "approved-id,approved@example.org,,inquirers,email", // 3
    ]);
    expect(outcome).toMatchObject({ status: "completed", customersCreated: 0, customersUpdated: 1, exposuresWritten: 1, linesSkipped: 1 });
    const after = await customers();
    expect(after.find((customer) => customer.externalId === "kept-id")).toEqual(before);
    expect(after.find((customer) => customer.externalId === "approved-id")?.exposures).toEqual([{ group: { key: "inquirers" } }]);
  });

  it("imports a file without erased people as before", async () => {
    const { runId, outcome } = await importFile("third.csv", ["kept-id,kept@example.org,Kept,inquirers,email"]);
    expect(outcome).toMatchObject({ status: "completed", customersUpdated: 1, linesSkipped: 0 });
    expect(await countRunIssues(runId, db)).toBe(0);
  });
});
