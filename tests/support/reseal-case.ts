// A database with personal data sealed under an old key k1 in every sealed column, and the
// checks of the reseal after a rotation to "k2,k1" (app/models/keys/reseal.server.ts). The
// SQLite test (tests/unit) and the PostgreSQL one (tests/postgres) both run exactly these.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Db } from "../../app/db/client.server";
import { seedDemo } from "../../app/db/seed/demo";
import { addCounts, keyUsage } from "../../app/domain/keys/key-usage";
import { sweepSealedTables, type TableSweep } from "../../app/models/keys/reseal.server";
import { SEALED_TABLES } from "../../app/models/keys/sealed-columns.server";
import { decryptField, encryptField, envelopeKeyId, parseKeyRing } from "../../app/utils/personal-data.server";

const k1 = `k1:${randomBytes(32).toString("base64")}`;
const k2 = `k2:${randomBytes(32).toString("base64")}`;
const oldRing = parseKeyRing(k1);
const rotatedRing = parseKeyRing(`${k2},${k1}`);
const newOnlyRing = parseKeyRing(k2);
const LOOKUP_HASH_KEY = randomBytes(32).toString("base64url");
// Small pages, so every table (and the staging area's two-column key) is read over several.
const BATCH_SIZE = 8;
const CHANGED_BY_APP = "changed-while-resealing@example.com";

/** The demo data (customers, inquiries and their messages) and a row in every other sealed table, all under k1. */
export async function seedUnderOldKey(db: Db): Promise<void> {
  await seedDemo(db, new Date(), { DESK_TIME_ZONE: "Asia/Tokyo", LOOKUP_HASH_KEY, DATA_ENCRYPTION_KEYS: k1 });
  const seal = (plaintext: string) => encryptField(plaintext, oldRing);
  const later = new Date(Date.now() + 86_400_000);
  await db.inquiry.create({
    data: {
      reference: "MD-PHONE001",
      category: "other",
      language: "ja",
      emailHash: "phone-sender",
      emailCiphertext: seal("phone@example.com"),
      nameCiphertext: seal("山田 花子"),
      contactBy: "phone",
      phoneCiphertext: seal("03-1234-5678"),
    },
  });
  const staff = await db.staffMember.create({
    data: { email: "agent@example.com", displayName: "Agent", role: "agent", status: "active", totpSecret: seal("JBSWY3DPEHPK3PXP") },
    select: { id: true },
  });
  await db.staffEnrolmentToken.create({ data: { staffId: staff.id, tokenHash: "enrol", pendingTotpSecret: seal("KRSXG5CTMVRXEZLU"), expiresAt: later } });
  await db.checkRequest.createMany({
    data: [
      { emailHash: "c1", emailCiphertext: seal("check-one@example.com"), language: "ja" },
      { emailHash: "c2", emailCiphertext: seal("check-two@example.com"), language: "en" },
      // Written by an instance that already had the new key first.
      { emailHash: "c3", emailCiphertext: encryptField("check-new@example.com", rotatedRing), language: "en" },
    ],
  });
  await db.pendingInquiry.create({
    data: {
      tokenHash: "pending",
      emailHash: "p1",
      payload: seal(JSON.stringify({ email: "pending@example.com", message: "届いていますか" })),
      language: "ja",
      expiresAt: later,
    },
  });
  await db.outboxMessage.createMany({
    data: [
      {
        template: "check-known",
        recipientHash: "o1",
        payload: seal(JSON.stringify({ to: "mail@example.com", subject: "件名", text: "本文", html: "<p>本文</p>" })),
      },
      { template: "check-known", status: "sent", payload: null, sentAt: new Date() },
    ],
  });
  const stagedLine = (runId: string, line: number, sealed: boolean) => ({
    runId,
    line,
    externalId: `${runId}-${line}`,
    emailHash: `${runId}-${line}`,
    customerFingerprint: "f",
    // A file with errors is staged unsealed, as "" (app/models/import/seal-lines.server.ts).
    emailCiphertext: sealed ? seal(`staged${line}@example.com`) : "",
    nameCiphertext: sealed && line % 2 === 0 ? seal(`名前 ${line}`) : null,
    languageCiphertext: sealed && line % 3 === 0 ? seal("en") : null,
    groupId: "g",
    categoryIds: "c",
    newCustomerId: `${runId}-customer-${line}`,
    newExposureId: `${runId}-exposure-${line}`,
  });
  await db.importStagingRow.createMany({
    data: [
      ...Array.from({ length: 11 }, (_, i) => stagedLine("run-a", i + 1, true)),
      ...Array.from({ length: 11 }, (_, i) => stagedLine("run-b", i + 1, true)),
      ...Array.from({ length: 3 }, (_, i) => stagedLine("run-c", i + 1, false)),
    ],
  });
}

/** Every sealed value, read with the app's own client (not the reseal's queries), by "Table.column rowKey". */
async function readSealed(db: Db): Promise<Map<string, string>> {
  const values = new Map<string, string>();
  const put = (table: string, key: string, fields: Record<string, string | null>) => {
    for (const [column, value] of Object.entries(fields)) if (value) values.set(`${table}.${column} ${key}`, value);
  };
  for (const { id, ...fields } of await db.customer.findMany({ select: { id: true, emailCiphertext: true, nameCiphertext: true, languageCiphertext: true } }))
    put("Customer", id, fields);
  for (const { id, ...fields } of await db.checkRequest.findMany({ select: { id: true, emailCiphertext: true } })) put("CheckRequest", id, fields);
  for (const { id, ...fields } of await db.inquiry.findMany({ select: { id: true, emailCiphertext: true, nameCiphertext: true, phoneCiphertext: true } }))
    put("Inquiry", id, fields);
  for (const { id, ...fields } of await db.inquiryMessage.findMany({ select: { id: true, bodyCiphertext: true } })) put("InquiryMessage", id, fields);
  for (const { id, ...fields } of await db.pendingInquiry.findMany({ select: { id: true, payload: true } })) put("PendingInquiry", id, fields);
  for (const { id, ...fields } of await db.outboxMessage.findMany({ select: { id: true, payload: true } })) put("OutboxMessage", id, fields);
  for (const { id, ...fields } of await db.staffMember.findMany({ select: { id: true, totpSecret: true } })) put("StaffMember", id, fields);
  for (const { id, ...fields } of await db.staffEnrolmentToken.findMany({ select: { id: true, pendingTotpSecret: true } }))
    put("StaffEnrolmentToken", id, fields);
  for (const { runId, line, ...fields } of await db.importStagingRow.findMany({
    select: { runId: true, line: true, emailCiphertext: true, nameCiphertext: true, languageCiphertext: true },
  })) {
    put("ImportStagingRow", `${runId}/${line}`, fields);
  }
  return values;
}

const total = (tables: TableSweep[], field: "resealed" | "changedMeanwhile" | "unreadable") => tables.reduce((sum, table) => sum + table[field], 0);
const usageOf = (tables: TableSweep[]) => keyUsage(tables.reduce(addCounts, { byKey: {}, unreadable: 0 }), [...rotatedRing.keys.keys()]);

/**
 * A client on which the app "writes" once, between the reseal's read of the first page and
 * its write of it: it changes the first customer's address, as the running portal could.
 */
function withConcurrentWrite(db: Db, firstCustomerId: string): Db {
  let written = false;
  return new Proxy(db, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property);
      if (property === "$transaction" && !written) {
        return async (...args: Parameters<Db["$transaction"]>) => {
          written = true;
          await target.customer.update({
            where: { id: firstCustomerId },
            data: { emailCiphertext: encryptField(CHANGED_BY_APP, rotatedRing) },
            select: { id: true },
          });
          return target.$transaction(...args);
        };
      }
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

export function describeReseal(getDb: () => Db): void {
  describe("resealing after a key rotation", { timeout: 120_000 }, () => {
    let before: Map<string, string>;
    let afterFirstRuns: Map<string, string>;
    let firstCustomerKey: string;

    it("starts with data under k1 in every sealed column the reseal knows", async () => {
      before = await readSealed(getDb());
      const seededColumns = new Set([...before.keys()].map((key) => key.split(" ")[0]));
      const sealedColumns = SEALED_TABLES.flatMap(({ table, columns }) => columns.map((column) => `${table}.${column}`));
      expect([...seededColumns].sort()).toEqual(sealedColumns.sort());
      expect([...before.values()].filter((value) => envelopeKeyId(value) === "k2")).toHaveLength(1);
      const firstCustomer = await getDb().customer.findFirstOrThrow({ orderBy: { id: "asc" }, select: { id: true } });
      firstCustomerKey = `Customer.emailCiphertext ${firstCustomer.id}`;
    });

    it("only counts with --check: every k1 envelope is reported and nothing is written", async () => {
      const check = await sweepSealedTables(rotatedRing, { write: false, batchSize: BATCH_SIZE }, getDb());
      const usage = usageOf(check.tables);
      expect(usage.keys).toEqual([
        { keyId: "k2", envelopes: 1, inRing: true, current: true },
        { keyId: "k1", envelopes: before.size - 1, inRing: true, current: false },
      ]);
      expect(usage.done).toBe(false);
      expect(total(check.tables, "resealed")).toBe(0);
      expect(await readSealed(getDb())).toEqual(before);
    });

    it("reseals under k2 over two runs (the first stopped), leaving a value the app wrote meanwhile as the app wrote it", async () => {
      const db = getDb();
      const firstCustomerId = firstCustomerKey.split(" ")[1]!;
      const stop = new AbortController();
      let pages = 0;
      const stopped = await sweepSealedTables(
        rotatedRing,
        { write: true, batchSize: BATCH_SIZE, signal: stop.signal, onPage: () => ++pages === 2 && stop.abort() },
        withConcurrentWrite(db, firstCustomerId),
      );
      expect(stopped.stopped).toBe(true);
      expect(total(stopped.tables, "changedMeanwhile")).toBe(1);
      const partly = total(stopped.tables, "resealed");
      expect(partly).toBeGreaterThan(0);
      expect(partly).toBeLessThan(before.size - 2);

      const resumed = await sweepSealedTables(rotatedRing, { write: true, batchSize: BATCH_SIZE }, db);
      expect(resumed.stopped).toBe(false);
      // Every k1 envelope, except the one the app replaced itself.
      expect(partly + total(resumed.tables, "resealed")).toBe(before.size - 2);
      expect(total(resumed.tables, "changedMeanwhile")).toBe(0);
      expect(total(resumed.tables, "unreadable")).toBe(0);

      afterFirstRuns = await readSealed(db);
      expect([...afterFirstRuns.keys()].sort()).toEqual([...before.keys()].sort());
      for (const [key, envelope] of afterFirstRuns) {
        expect(envelopeKeyId(envelope), key).toBe("k2");
        const expected = key === firstCustomerKey ? CHANGED_BY_APP : decryptField(before.get(key)!, rotatedRing);
        expect(decryptField(envelope, newOnlyRing), key).toBe(expected);
      }
    });

    it("changes nothing when run again, and --check then finds only k2", async () => {
      const again = await sweepSealedTables(rotatedRing, { write: true, batchSize: BATCH_SIZE }, getDb());
      expect(total(again.tables, "resealed")).toBe(0);
      expect(total(again.tables, "changedMeanwhile")).toBe(0);
      expect(await readSealed(getDb())).toEqual(afterFirstRuns);

      const check = await sweepSealedTables(rotatedRing, { write: false, batchSize: BATCH_SIZE }, getDb());
      const usage = usageOf(check.tables);
      expect(usage.keys).toEqual([
        { keyId: "k2", envelopes: before.size, inRing: true, current: true },
        { keyId: "k1", envelopes: 0, inRing: true, current: false },
      ]);
      expect(usage).toMatchObject({ unreadable: 0, retirable: ["k1"], done: true });
    });

    it("leaves what no key of the ring opens as it is, and says so", async () => {
      const db = getDb();
      const lost = encryptField("lost@example.com", parseKeyRing(`k0:${randomBytes(32).toString("base64")}`));
      const damaged = encryptField("damaged@example.com", rotatedRing).replace(/\.[^.]+$/, `.${Buffer.from("x").toString("base64url")}`);
      await db.checkRequest.createMany({
        data: [
          { emailHash: "lost", emailCiphertext: lost, language: "ja" },
          { emailHash: "damaged", emailCiphertext: damaged, language: "ja" },
        ],
      });
      try {
        const run = await sweepSealedTables(rotatedRing, { write: true, batchSize: BATCH_SIZE }, db);
        expect(total(run.tables, "resealed")).toBe(0);
        expect(run.tables.find((table) => table.table === "CheckRequest")).toMatchObject({ unreadable: 2, byKey: { k0: 1, k2: 4 } });
        const usage = usageOf(run.tables);
        expect(usage.keys.at(-1)).toEqual({ keyId: "k0", envelopes: 1, inRing: false, current: false });
        expect(usage.done).toBe(false);
        const kept = await db.checkRequest.findMany({
          where: { emailHash: { in: ["lost", "damaged"] } },
          orderBy: { emailHash: "asc" },
          select: { emailCiphertext: true },
        });
        expect(kept.map((row) => row.emailCiphertext)).toEqual([damaged, lost]);
      } finally {
        await db.checkRequest.deleteMany({ where: { emailHash: { in: ["lost", "damaged"] } } });
      }
    });
  });
}
