// The dashboard's figures with a million affected people and 100,000 inquiries (issue 8), on
// SQLite and on PostgreSQL. Each database is migrated with the demo data, then seeded straight
// through its driver (Prisma would take far longer for nearly 8 million rows): 1,000,000
// customers in three groups with their exposed categories, 40 % with a leaked hash, 35 % who
// have checked and 20 % who have changed their password in the last 60 days; 100,000 inquiries
// over 90 days; 2,000 deletion requests. Then, on the same database:
//  - readFigures itself, for a privacy officer's sections and an agent's, over 30 days (a bar
//    per day) and 366 days (a bar per week): median and p95 of 20 reads, each next to its floor,
//    the same read's statements run alone on the driver; the slowest read's statements ranked;
//  - the plan of every statement readFigures issues (captured from Prisma, EXPLAINed with its
//    parameters): on SQLite no big table may be scanned without an index; on PostgreSQL the
//    plan is reported only (a sequential scan can be the right plan there);
//  - over HTTP on the built server: the staff home for a privacy officer and for an agent, the
//    CSV export and the regulator's summary, from one client and from four at once, each next to
//    a bare node:http server answering with the same page's bytes (tests/bench/bare-server.ts).
// BENCH_DASHBOARD_CUSTOMERS and BENCH_DASHBOARD_INQUIRIES scale it down, BENCH_DASHBOARD_HTTP=0
// leaves out the HTTP part (no build needed then), BENCH_DASHBOARD=0 skips it in `npm run bench`.
// Run alone: `npx tsx tests/bench/dashboard.ts` after `npm run build`.
import { spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import { pathToFileURL } from "node:url";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import Database from "better-sqlite3";
import pg from "pg";
import { createDb, type Db } from "~/db/client.server";
import { providerOf } from "~/db/provider";
import { addLocalDays, localDateOf } from "~/domain/business-hours";
import type { FigureSections } from "~/domain/dashboard/figures";
import { bucketsOf, type Period } from "~/domain/dashboard/period";
import { DEFAULT_DEADLINE_DAYS, deletionDueAt } from "~/domain/deletions/deadline";
import { INQUIRY_CATEGORIES } from "~/domain/inquiries/categories";
import { referenceFromBytes } from "~/domain/inquiries/reference";
import { LEGACY_HASH_ALGORITHMS } from "~/domain/legacy-hash/registry";
import { PrismaClient as PostgresClient } from "~/generated/postgresql/client";
import { PrismaClient as SqliteClient } from "~/generated/sqlite/client";
import { readFigures } from "~/models/dashboard/figures.server";
import { secretsFileFor } from "../support/secrets-file";
import { captureResponse, FETCH_SENDS, startBareServer, type CapturedResponse } from "./bare-server";
import { benchPort, knobNumber, knobText } from "./knobs";
import { createReport, summarize, type Figure, type Report, type Section } from "./report";
import { pageHeaders, staffSessionCookie } from "./staff-cookie";
import { startTestServer, waitForApp } from "../support/app-process";

const PORT = benchPort(20);
const BASE = `http://127.0.0.1:${PORT}`;
const CUSTOMERS = knobNumber("BENCH_DASHBOARD_CUSTOMERS");
const INQUIRIES = knobNumber("BENCH_DASHBOARD_INQUIRIES");
const DELETIONS = Math.min(2_000, Math.ceil(CUSTOMERS / 10));
const HTTP = knobText("BENCH_DASHBOARD_HTTP") !== "0";
/** Reads that follow a completed import, so the affected records are counted again. */
const AFTER_IMPORT_READS = 5;
const TIME_ZONE = knobText("DESK_TIME_ZONE");
const AGENTS = 5;
const MODEL_READS = 20;
/** Runs of a read's statements on the driver for its floor, after one warm-up run. */
const FLOOR_RUNS = 5;
/** Requests per page from one member of staff at a time, then from four at once; a slow page
 * stops early at its time budget, with at least the minimum measured. */
const SEQUENTIAL_REQUESTS = { most: 40, least: 20 };
const CONCURRENT_CLIENTS = 4;
const REQUESTS_PER_CONCURRENT_CLIENT = { most: 10, least: 5 };
const PAGE_BUDGET_MS = 20_000;
const BATCH = 5_000;
const DAY = 24 * 60 * 60_000;
const MINUTE = 60_000;
/** Tables big enough that reading them whole is the slowness the indexes are there to avoid
 * (a few thousand deletion requests are not). */
const BIG_TABLES = ["Customer", "CustomerExposure", "CustomerExposureCategory", "Inquiry"];

const SECTIONS: Record<"privacy officer" | "agent", FigureSections> = {
  "privacy officer": { inquiries: true, everything: true },
  agent: { inquiries: true, everything: false },
};

interface Secrets {
  SESSION_SECRET: string;
  LOOKUP_HASH_KEY: string;
  DATA_ENCRYPTION_KEYS: string;
  DATABASE_URL: string;
}

// ---------------------------------------------------------------------------------------
// The records, generated the same for both databases (a seeded generator, ids in order).

type Value = string | number | null;
type Row = Value[];
type ColumnType = "text" | "int" | "timestamp";
interface Table {
  name: string;
  columns: Array<[name: string, type: ColumnType]>;
}

/** mulberry32: small, seeded, good enough to spread dates and states. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** 25 characters like a cuid, in insertion order (so primary keys are appended to), never a cuid (those start with "c"). */
const benchId = (kind: string, n: number) => `bench${kind}${n.toString(36).padStart(19, "0")}`;
const lookupHash = (value: string) => createHash("sha256").update(value).digest("base64url");
/** A reference unique per n (an odd multiplier is a bijection on 40 bits) that looks random. */
function referenceOf(n: number, prefix: "MD" | "DR"): string {
  const bits = (BigInt(n + 1) * 0x9e3779b97fn) & 0xff_ffff_ffffn;
  return referenceFromBytes(Buffer.from(bits.toString(16).padStart(10, "0"), "hex"), prefix);
}
// Sealed values are never opened here: strings of the envelope's shape and length will do.
const POOL = randomBytes(3_072).toString("base64url");
const slice = (n: number, length: number) => POOL.slice((n * 37) % 4_000, ((n * 37) % 4_000) + length);
const envelope = (n: number, length = 40) => `k1.${slice(n, 16)}.${slice(n + 1, 22)}.${slice(n + 2, length)}`;
const argon2Phc = (n: number) => `$argon2id$v=19$m=19456,t=2,p=1$${slice(n, 22)}$${slice(n + 3, 43)}`;

const CUSTOMER: Table = {
  name: "Customer",
  columns: [
    ["id", "text"],
    ["externalId", "text"],
    ["emailHash", "text"],
    ["emailCiphertext", "text"],
    ["nameCiphertext", "text"],
    ["registeredAt", "timestamp"],
    ["legacyHashAlgorithm", "text"],
    ["legacyHashWrapped", "text"],
    ["passwordHash", "text"],
    ["passwordChangedAt", "timestamp"],
    ["passwordFirstChangedAt", "timestamp"],
    ["firstCheckedAt", "timestamp"],
    ["createdAt", "timestamp"],
    ["updatedAt", "timestamp"],
  ],
};

/** Imported 62 days ago; 40 % with a leaked hash (wrapped since, as the wrap job leaves them). */
function* customers(now: number): Generator<Row> {
  const random = generator(1);
  const imported = now - 62 * DAY;
  for (let n = 0; n < CUSTOMERS; n++) {
    const leaked = random() < 0.4;
    // The forced change falls on those with a leaked hash: 35 % of them and 10 % of the
    // others changed (20 % in all); each of them checked first, as did 19 % of the rest (35 %).
    const changed = random() < (leaked ? 0.35 : 0.1);
    const checkedAt = changed || random() < 0.1875 ? now - Math.floor(random() * 60 * DAY) : null;
    const firstChange = changed ? Math.min(now, checkedAt! + Math.floor(random() * 2 * DAY)) : null;
    const lastChange = firstChange !== null && random() < 0.1 ? firstChange + Math.floor(random() * (now - firstChange)) : firstChange;
    yield [
      benchId("c", n),
      `BENCH${String(n).padStart(7, "0")}`,
      lookupHash(`bench-customer-${n}`),
      envelope(n),
      n % 3 === 0 ? null : envelope(n + 5, 24),
      Date.UTC(2010 + (n % 15), n % 12, 1 + (n % 28)),
      leaked ? LEGACY_HASH_ALGORITHMS[0]! : null,
      leaked ? argon2Phc(n) : null,
      changed ? argon2Phc(n + 7) : null,
      lastChange,
      firstChange,
      checkedAt,
      imported,
      Math.max(imported, lastChange ?? 0),
    ];
  }
}

const EXPOSURE: Table = {
  name: "CustomerExposure",
  columns: [
    ["id", "text"],
    ["customerId", "text"],
    ["groupId", "text"],
    ["periodFrom", "text"],
    ["periodUntil", "text"],
  ],
};

interface Groups {
  members: string;
  inquirers: string;
  campaign: string;
}

/** Everyone in the members' group but one in twenty, who are only campaign entrants; one in five also in the inquirers' group. */
function* exposures(groups: Groups, inquiryPeriod: { from: string; until: string }): Generator<Row> {
  let e = 0;
  for (let n = 0; n < CUSTOMERS; n++) {
    const customer = benchId("c", n);
    yield [benchId("e", e++), customer, n % 20 === 19 ? groups.campaign : groups.members, null, null];
    if (n % 5 === 0) yield [benchId("e", e++), customer, groups.inquirers, inquiryPeriod.from, inquiryPeriod.until];
  }
}

const INQUIRY: Table = {
  name: "Inquiry",
  columns: [
    ["id", "text"],
    ["reference", "text"],
    ["category", "text"],
    ["language", "text"],
    ["status", "text"],
    ["customerId", "text"],
    ["emailHash", "text"],
    ["emailCiphertext", "text"],
    ["contactBy", "text"],
    ["assigneeId", "text"],
    ["dueAt", "timestamp"],
    ["dueKind", "text"],
    ["firstAnsweredAt", "timestamp"],
    ["firstResponseMinutes", "int"],
    ["lastActivityAt", "timestamp"],
    ["createdAt", "timestamp"],
  ],
};

/** Received over 90 days; the last two days' mostly still owed, older ones mostly answered and closed. */
function* inquiries(now: number, agents: string[]): Generator<Row> {
  const random = generator(2);
  const pick = (weights: Array<[string, number]>) => {
    let r = random();
    for (const [value, weight] of weights) if ((r -= weight) < 0) return value;
    return weights[weights.length - 1]![0];
  };
  for (let n = 0; n < INQUIRIES; n++) {
    const createdAt = now - Math.floor(random() * 90 * DAY);
    const status =
      now - createdAt < 2 * DAY
        ? pick([
            ["new", 0.5],
            ["open", 0.3],
            ["waiting", 0.2],
          ])
        : pick([
            ["new", 0.03],
            ["open", 0.07],
            ["waiting", 0.1],
            ["resolved", 0.25],
            ["closed", 0.55],
          ]);
    const answeredAt = status === "new" ? null : Math.min(now, createdAt + Math.floor(random() * 2 * DAY));
    const lastActivityAt = answeredAt === null ? createdAt : Math.min(now, answeredAt + Math.floor(random() * 3 * DAY));
    // An answer owed falls due a working day or so after receipt or after the last message.
    const dueAt = status === "new" ? createdAt + DAY : status === "open" ? lastActivityAt + Math.floor((1 + random() * 2) * DAY) : null;
    const email = `asker-${n}@example.org`;
    yield [
      benchId("i", n),
      referenceOf(n, "MD"),
      INQUIRY_CATEGORIES[n % INQUIRY_CATEGORIES.length]!,
      random() < 0.7 ? "ja" : "en",
      status,
      random() < 0.6 ? benchId("c", Math.floor(random() * CUSTOMERS)) : null,
      lookupHash(email),
      envelope(n, 32),
      random() < 0.9 ? "email" : "phone",
      status === "new" ? null : agents[n % agents.length]!,
      dueAt,
      dueAt === null ? null : status === "new" ? "first" : "next",
      answeredAt,
      answeredAt === null ? null : Math.max(1, Math.round(((answeredAt - createdAt) / MINUTE) * 0.4)),
      lastActivityAt,
      createdAt,
    ];
  }
}

// ---------------------------------------------------------------------------------------
// Seeding through the drivers.

interface BulkWriter {
  insert(table: Table, rows: Iterable<Row>): Promise<number>;
  execute(sql: string): Promise<void>;
  close(): Promise<void>;
}

/** On SQLite: one prepared statement, one transaction per table, dates as Prisma's adapter writes them. */
function sqliteWriter(file: string): BulkWriter {
  const db = new Database(file, { timeout: 5_000 });
  // A bench database need not survive a power cut.
  db.pragma("synchronous = OFF");
  db.pragma("cache_size = -262144");
  return {
    async insert(table, rows) {
      const names = table.columns.map(([name]) => `"${name}"`).join(", ");
      const statement = db.prepare(`INSERT INTO "${table.name}" (${names}) VALUES (${table.columns.map(() => "?").join(", ")})`);
      const dates = table.columns.flatMap(([, type], index) => (type === "timestamp" ? [index] : []));
      let count = 0;
      db.transaction(() => {
        for (const row of rows) {
          for (const index of dates) if (row[index] !== null) row[index] = new Date(row[index] as number).toISOString().replace("Z", "+00:00");
          statement.run(row);
          count++;
        }
      })();
      return count;
    },
    async execute(sql) {
      db.exec(sql);
    },
    async close() {
      db.close();
    },
  };
}

/** On PostgreSQL: a column of values per parameter, unnested into rows, the next batch built while the last is written. */
async function postgresWriter(url: string): Promise<BulkWriter> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  await client.query("SET synchronous_commit = off");
  // The rows are consistent by construction: no foreign-key trigger per row (a superuser's
  // setting; without one, seeding only takes longer).
  await client.query("SET session_replication_role = replica").catch(() => undefined);
  const pgType = { text: "text", int: "int", timestamp: "timestamp(3)" } as const;
  return {
    async insert(table, rows) {
      const names = table.columns.map(([name]) => `"${name}"`).join(", ");
      const unnest = table.columns.map(([, type], index) => `$${index + 1}::${pgType[type]}[]`).join(", ");
      const sql = `INSERT INTO "${table.name}" (${names}) SELECT * FROM unnest(${unnest})`;
      let pending: Promise<unknown> = Promise.resolve();
      let columns: Value[][] = table.columns.map(() => []);
      let count = 0;
      const flush = async () => {
        const values = columns;
        columns = table.columns.map(() => []);
        await pending;
        pending = client.query(sql, values);
        // Caught here and rethrown at the next await, so a failure isn't left unhandled meanwhile.
        pending.catch(() => undefined);
      };
      await client.query("BEGIN");
      try {
        for (const row of rows) {
          row.forEach((value, index) => {
            const type = table.columns[index]![1];
            columns[index]!.push(type === "timestamp" && value !== null ? new Date(value as number).toISOString() : value);
          });
          if (++count % BATCH === 0) await flush();
        }
        if (count % BATCH !== 0) await flush();
        await pending;
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      }
      return count;
    },
    async execute(sql) {
      await client.query(sql);
    },
    close: () => client.end(),
  };
}

/** The demo's two groups and a third, smaller one with two categories. */
async function ensureGroups(db: Db): Promise<Groups> {
  const campaign = await db.affectedGroup.upsert({
    where: { key: "campaign" },
    update: {},
    create: {
      key: "campaign",
      nameJa: "キャンペーン応募者",
      nameEn: "Campaign entrants",
      descriptionJa: "2025年のプレゼントキャンペーンに応募された方",
      descriptionEn: "People who entered the 2025 gift campaign",
      position: 2,
      categories: { create: ["name", "email"].map((key) => ({ category: { connect: { key } } })) },
    },
    select: { id: true },
  });
  const byKey = async (key: string) => (await db.affectedGroup.findUniqueOrThrow({ where: { key }, select: { id: true } })).id;
  return { members: await byKey("members"), inquirers: await byKey("inquirers"), campaign: campaign.id };
}

async function createStaff(db: Db, role: string, n: number): Promise<string> {
  const staff = await db.staffMember.create({
    data: { email: `bench-${role}-${n}@staff.example.com`, displayName: `Bench ${role} ${n}`, role, status: "active", enrolledAt: new Date() },
    select: { id: true },
  });
  return staff.id;
}

const DELETION_STATES: Array<[string, number]> = [
  ["completed", 0.5],
  ["refused", 0.08],
  ["cancelled", 0.07],
  ["received", 0.12],
  ["reviewing", 0.12],
  ["approved", 0.08],
  ["executing", 0.03],
];

/** Half of them completed (those people are erased, so they are not among the customers), the open ones received in the last 40 days. */
async function seedDeletions(db: Db, now: number, officer: string): Promise<void> {
  const random = generator(3);
  const rows = [];
  for (let k = 0; k < DELETIONS; k++) {
    let r = random();
    const status = DELETION_STATES.find(([, weight]) => (r -= weight) < 0)?.[0] ?? "received";
    const open = ["received", "reviewing", "approved", "executing"].includes(status);
    // An erased person's number is past the customers', so they are in no other table.
    const n = status === "completed" ? CUSTOMERS + k : Math.floor((k * CUSTOMERS) / DELETIONS);
    const receivedAt = new Date(now - Math.floor(random() * (open ? 40 : 90) * DAY));
    const decided = ["approved", "refused", "executing", "completed"].includes(status);
    const decidedAt = decided ? new Date(Math.min(now, receivedAt.getTime() + Math.floor((1 + random() * 20) * DAY))) : null;
    rows.push({
      reference: referenceOf(k, "DR"),
      customerId: status === "completed" ? null : benchId("c", n),
      openKey: open ? benchId("c", n) : null,
      emailHash: lookupHash(`bench-customer-${n}`),
      externalId: `BENCH${String(n).padStart(7, "0")}`,
      language: k % 4 === 0 ? "en" : "ja",
      status,
      receivedAt,
      dueAt: deletionDueAt(receivedAt, DEFAULT_DEADLINE_DAYS, TIME_ZONE),
      reviewStartedAt: status === "received" || status === "cancelled" ? null : new Date(receivedAt.getTime() + DAY / 2),
      decidedAt,
      decidedById: decided ? officer : null,
      groundKey: status === "refused" ? "legal-retention" : null,
      // Due erasures in the future, and claims held: the server's deletion job would otherwise
      // spend the timed minutes failing on the seed's fake envelopes.
      executeAfter:
        status === "approved" || status === "executing"
          ? new Date(now + 30 * DAY)
          : decidedAt && status !== "refused"
            ? new Date(decidedAt.getTime() + DAY)
            : null,
      claimedUntil: status === "executing" ? new Date(now + 30 * DAY) : null,
      completedAt: status === "completed" && decidedAt ? new Date(Math.min(now, decidedAt.getTime() + DAY + MINUTE)) : null,
      cancelledAt: status === "cancelled" ? new Date(Math.min(now, receivedAt.getTime() + 2 * DAY)) : null,
      erased: status === "completed" ? '{"customer":1}' : null,
    });
  }
  for (let start = 0; start < rows.length; start += 500) await db.deletionRequest.createMany({ data: rows.slice(start, start + 500) });
}

interface Seeded {
  officer: string;
  agents: string[];
}

async function seed(label: string, databaseUrl: string, db: Db): Promise<Seeded> {
  const began = performance.now();
  const now = Date.now();
  const officer = await createStaff(db, "privacy-officer", 0);
  const agents = await Promise.all(Array.from({ length: AGENTS }, (_, n) => createStaff(db, "agent", n)));
  const groups = await ensureGroups(db);
  const sqlite = providerOf(databaseUrl) === "sqlite";
  const writer = sqlite ? sqliteWriter(databaseUrl.slice("file:".length)) : await postgresWriter(databaseUrl);
  const times: string[] = [];
  const step = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    const result = await work();
    times.push(`${name} ${((performance.now() - start) / 1000).toFixed(1)} s`);
    return result;
  };
  let exposureCount = 0;
  try {
    await step("customers", () => writer.insert(CUSTOMER, customers(now)));
    const inquiryPeriod = { from: localDateOf(new Date(now - 160 * DAY), TIME_ZONE), until: localDateOf(new Date(now - 146 * DAY), TIME_ZONE) };
    exposureCount = await step("exposures", () => writer.insert(EXPOSURE, exposures(groups, inquiryPeriod)));
    // Each exposure with its group's categories, as the import writes them. The exposure is
    // the outer loop (CROSS JOIN in SQLite), so the primary key is appended to in order.
    await step("exposed categories", () =>
      writer.execute(`INSERT INTO "CustomerExposureCategory" ("exposureId", "categoryId")
        SELECT e."id", g."categoryId" FROM "CustomerExposure" e CROSS JOIN "AffectedGroupCategory" g
        WHERE g."groupId" = e."groupId" AND substr(e."id", 1, 5) = 'bench'`),
    );
    await step("inquiries", () => writer.insert(INQUIRY, inquiries(now, agents)));
    await step("deletion requests", () => seedDeletions(db, now, officer));
    // Statistics and visibility as a running desk has them (the housekeeping job's PRAGMA
    // optimize on SQLite; autovacuum on PostgreSQL).
    await step(sqlite ? "ANALYZE" : "VACUUM ANALYZE", () => writer.execute(sqlite ? "ANALYZE" : "VACUUM ANALYZE"));
    // And the written pages settled, as on a desk that has been running: SQLite's log folded
    // into the database, PostgreSQL's dirty buffers flushed (a superuser's command).
    await writer.execute(sqlite ? "PRAGMA wal_checkpoint(TRUNCATE)" : "CHECKPOINT").catch(() => undefined);
  } finally {
    await writer.close();
  }
  const categories = await db.customerExposureCategory.count();
  const bytes = sqlite
    ? statSync(databaseUrl.slice("file:".length)).size
    : Number((await db.$queryRawUnsafe<Array<{ size: bigint }>>("SELECT pg_database_size(current_database()) AS size"))[0]!.size);
  console.log(
    `${label}: seeded ${CUSTOMERS.toLocaleString("en")} customers, ${exposureCount.toLocaleString("en")} exposures, ` +
      `${categories.toLocaleString("en")} exposed categories (with the demo's), ${INQUIRIES.toLocaleString("en")} inquiries, ` +
      `${DELETIONS.toLocaleString("en")} deletion requests in ${((performance.now() - began) / 1000).toFixed(1)} s (${times.join(", ")}); ` +
      `${Math.round(bytes / 2 ** 20).toLocaleString("en")} MiB on disk`,
  );
  return { officer, agents };
}

// ---------------------------------------------------------------------------------------
// readFigures, its statements and their plans.

const ms = (value: number) => `${value.toFixed(1)} ms`;

function lastDays(days: number): Period {
  const to = localDateOf(new Date(), TIME_ZONE);
  return { from: addLocalDays(to, -(days - 1)), to };
}

interface Statement {
  sql: string;
  params: Value[];
}

/** A client like the app's that also hands over each statement it sends, with its parameters. */
function recordingDb(databaseUrl: string): { db: Db; statements: Statement[] } {
  const statements: Statement[] = [];
  const log = [{ emit: "event" as const, level: "query" as const }];
  const record = (event: { query: string; params: string }) => {
    // Prisma logs dates as ISO strings with "Z" and LIMIT/OFFSET as strings; the SQLite adapter
    // binds dates as "+00:00", as they are stored.
    const params = (JSON.parse(event.params) as Value[]).map((value) =>
      typeof value !== "string"
        ? value
        : /^-?\d+$/.test(value)
          ? Number(value)
          : providerOf(databaseUrl) === "sqlite" && /^\d{4}-\d\d-\d\dT[\d:.]+Z$/.test(value)
            ? value.replace("Z", "+00:00")
            : value,
    );
    statements.push({ sql: event.query, params });
  };
  if (providerOf(databaseUrl) === "sqlite") {
    const db = new SqliteClient({ adapter: new PrismaBetterSQLite3({ url: databaseUrl }), log });
    db.$on("query", record);
    return { db, statements };
  }
  const db = new PostgresClient({ adapter: new PrismaPg({ connectionString: databaseUrl }), log });
  db.$on("query", record);
  return { db: db as unknown as Db, statements };
}

/** The statement as a reader would write it: Prisma's count wrapper, quotes and schema names left out. */
function shortSql(sql: string): string {
  return sql
    .replace(/`main`\.|"public"\./g, "")
    .replace(/[`"]/g, "")
    .replace(/\$\d+/g, "?")
    .replace(/\b\w+\.(\w+)/g, "$1")
    .replace(/^SELECT COUNT\(\*\) AS \S+ FROM \(SELECT id FROM (\w+) WHERE (.*?)( LIMIT \?)? OFFSET \?\) AS sub$/, "count $1 where $2")
    .replace(/^SELECT COUNT\(\*\) AS \S+, (\w+) FROM (\w+) WHERE 1=1 GROUP BY \w+( LIMIT \?)? OFFSET \?$/, "count $2 group by $1")
    .replace(/ where 1=1$| WHERE 1=1/, "");
}

interface Driver {
  run(statement: Statement): Promise<void>;
  plan(statement: Statement): Promise<{ text: string; ok: boolean }>;
  close(): Promise<void>;
}

function sqliteDriver(file: string): Driver {
  const db = new Database(file, { readonly: true });
  const bigScan = new RegExp(`^SCAN (main\\.)?(${BIG_TABLES.join("|")})$`);
  return {
    async run({ sql, params }) {
      db.prepare(sql).all(params);
    },
    async plan({ sql, params }) {
      const details = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as Array<{ detail: string }>)
        .map((row) => row.detail)
        .filter((detail) => !/^(CO-ROUTINE|SCAN) sub$/.test(detail));
      // "USING INDEX" without COVERING also reads each matching row from the table.
      return { text: details.join("; ").replace(/main\./g, ""), ok: !details.some((detail) => bigScan.test(detail)) };
    },
    async close() {
      db.close();
    },
  };
}

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  Plans?: PlanNode[];
}

async function postgresDriver(url: string): Promise<Driver> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  const scans = (node: PlanNode): string[] => [
    ...(node["Relation Name"] || node["Index Name"] ? [`${node["Node Type"]} ${node["Index Name"] ?? node["Relation Name"]}`] : []),
    ...(node.Plans ?? []).flatMap(scans),
  ];
  return {
    async run({ sql, params }) {
      await client.query(sql, params);
    },
    async plan({ sql, params }) {
      const result = await client.query<{ "QUERY PLAN": Array<{ Plan: PlanNode }> }>(`EXPLAIN (FORMAT JSON) ${sql}`, params);
      return { text: scans(result.rows[0]!["QUERY PLAN"][0]!.Plan).join("; "), ok: true };
    },
    close: () => client.end(),
  };
}

interface ModelOutcome {
  badPlans: string[];
}

/** The statements of one read back to back on the driver, no Prisma in between: the read's floor. */
async function driverFloor(driver: Driver, statements: Statement[]): Promise<Figure> {
  const once = async () => {
    const began = performance.now();
    for (const statement of statements) await driver.run(statement);
    return performance.now() - began;
  };
  await once();
  const times: number[] = [];
  for (let n = 0; n < FLOOR_RUNS; n++) times.push(await once());
  return summarize(times);
}

const openDriver = (databaseUrl: string) =>
  providerOf(databaseUrl) === "sqlite" ? Promise.resolve(sqliteDriver(databaseUrl.slice("file:".length))) : postgresDriver(databaseUrl);

async function benchModel(label: string, databaseUrl: string, section: Section): Promise<ModelOutcome> {
  const db = createDb(databaseUrl);
  const floorDriver = await openDriver(databaseUrl);
  const floorWhat = (statements: Statement[]) => `its ${statements.length} statements alone on the driver (median of ${FLOOR_RUNS})`;
  let slowest = { p95: 0, name: "", sections: SECTIONS.agent, period: lastDays(30) };
  try {
    for (const [role, sections] of Object.entries(SECTIONS)) {
      for (const days of [30, 366]) {
        const period = lastDays(days);
        const read = () => readFigures({ period, timeZone: TIME_ZONE, now: new Date(), sections }, db);
        for (let n = 0; n < 2; n++) await read();
        const times: number[] = [];
        for (let n = 0; n < MODEL_READS; n++) {
          const began = performance.now();
          await read();
          times.push(performance.now() - began);
        }
        const buckets = bucketsOf(period, TIME_ZONE);
        const name = `${role}, ${days} days, ${buckets.list.length} ${buckets.days === 1 ? "daily" : "weekly"} bars`;
        const measured = summarize(times);
        const statements = await statementsOf(databaseUrl, sections, period, true);
        section.add({ what: `readFigures, ${name}`, measured, floor: { what: floorWhat(statements), figure: await driverFloor(floorDriver, statements) } });
        if (measured.p95! > slowest.p95) slowest = { p95: measured.p95!, name, sections, period };
      }
    }
    // The reads above keep the affected records' counts between views; the first view after
    // an import (or an erasure) counts them again. A completed run marks one.
    const period = lastDays(30);
    const markImport = (n: number) =>
      db.importRun.create({ data: { source: "cli", fileName: `bench-${n}.csv`, status: "completed", bytesTotal: 0, finishedAt: new Date() } });
    const times: number[] = [];
    for (let n = 0; n < AFTER_IMPORT_READS; n++) {
      await markImport(n);
      const began = performance.now();
      await readFigures({ period, timeZone: TIME_ZONE, now: new Date(), sections: SECTIONS["privacy officer"] }, db);
      times.push(performance.now() - began);
    }
    // One more import, so the captured read is also a first view and counts the records again.
    await markImport(AFTER_IMPORT_READS);
    const statements = await statementsOf(databaseUrl, SECTIONS["privacy officer"], period);
    section.add({
      what: "readFigures, privacy officer, 30 days, first view after an import (affected records recounted)",
      measured: summarize(times),
      floor: { what: floorWhat(statements), figure: await driverFloor(floorDriver, statements) },
    });
  } finally {
    await db.$disconnect();
    await floorDriver.close();
  }

  // The slowest read once more, each statement it sends captured and then timed alone on the
  // driver; and the plans of a privacy officer's statements (an agent's are among them) for
  // both periods, since the planner may choose differently for a wider range.
  const slowestStatements = await statementsOf(databaseUrl, slowest.sections, slowest.period, true);
  const planned = new Map<string, Map<number, Statement>>();
  for (const days of [30, 366]) {
    for (const statement of await statementsOf(databaseUrl, SECTIONS["privacy officer"], lastDays(days))) {
      const byDays = planned.get(statement.sql) ?? new Map<number, Statement>();
      if (!byDays.has(days)) byDays.set(days, statement);
      planned.set(statement.sql, byDays);
    }
  }
  const driver = await openDriver(databaseUrl);
  const badPlans: string[] = [];
  try {
    const byShape = new Map<string, { count: number; ms: number }>();
    for (const statement of slowestStatements) {
      const began = performance.now();
      await driver.run(statement);
      const took = performance.now() - began;
      const shape = byShape.get(statement.sql) ?? { count: 0, ms: 0 };
      byShape.set(statement.sql, { count: shape.count + 1, ms: shape.ms + took });
    }
    const total = [...byShape.values()].reduce((sum, shape) => sum + shape.ms, 0);
    console.log(`  ${label}, the ${slowestStatements.length} statements of one read (${slowest.name}) alone on the driver, ${ms(total)} in all; the slowest:`);
    const ranked = [...byShape.entries()].sort(([, a], [, b]) => b.ms - a.ms);
    for (const [sql, shape] of ranked.slice(0, 5)) {
      console.log(`    ${ms(shape.ms).padStart(10)}  ×${String(shape.count).padEnd(4)} ${shortSql(sql)}`);
    }
    console.log(
      `  ${label}, query plans${providerOf(databaseUrl) === "sqlite" ? " (a big table read without an index fails the bench)" : " (reported only)"}:`,
    );
    // In the order of the breakdown above, then the statements that read didn't send.
    const order = [...new Set([...ranked.map(([sql]) => sql), ...planned.keys()])].filter((sql) => planned.has(sql));
    for (const sql of order) {
      const plans: Array<{ days: number; text: string; ok: boolean }> = [];
      for (const [days, statement] of planned.get(sql)!) plans.push({ days, ...(await driver.plan(statement)) });
      const ok = plans.every((plan) => plan.ok);
      if (!ok) badPlans.push(`${label}: ${shortSql(sql)}: ${plans.map((plan) => `${plan.days} days: ${plan.text}`).join(" | ")}`);
      console.log(`    ${ok ? "  " : "✗ "}${shortSql(sql)}`);
      if (plans.every((plan) => plan.text === plans[0]!.text)) console.log(`        → ${plans[0]!.text}`);
      else for (const plan of plans) console.log(`        → ${`${plan.days} days:`.padEnd(10)}${plan.ok ? "" : "✗ "}${plan.text}`);
    }
  } finally {
    await driver.close();
  }
  return { badPlans };
}

/** Every statement one read sends, with its parameters: a first view's (the affected records
 * counted, kept per client) or, with `kept`, a later view's, as the timed reads mostly are. */
async function statementsOf(databaseUrl: string, sections: FigureSections, period: Period, kept = false): Promise<Statement[]> {
  const recording = recordingDb(databaseUrl);
  try {
    const read = () => readFigures({ period, timeZone: TIME_ZONE, now: new Date(), sections }, recording.db);
    if (kept) {
      await read();
      recording.statements.length = 0;
    }
    await read();
  } finally {
    await recording.db.$disconnect();
  }
  return recording.statements;
}

// ---------------------------------------------------------------------------------------
// Over HTTP, on the built server.

async function timedGet(base: string, path: string, cookie: string, who: string): Promise<{ ms: number; bytes: number }> {
  const began = performance.now();
  // Not following redirects: a page that sends its reader to the sign-in form is an error here.
  const response = await fetch(`${base}${path}`, { headers: pageHeaders(cookie), redirect: "manual" });
  const body = await response.arrayBuffer();
  const took = performance.now() - began;
  if (response.status !== 200) throw new Error(`dashboard bench: GET ${path} as ${who} answered ${response.status}`);
  return { ms: took, bytes: body.byteLength };
}

async function latencies(base: string, path: string, cookie: string, who: string, clients: number, each: { most: number; least: number }): Promise<number[]> {
  const times: number[] = [];
  const began = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let n = 0; n < each.most && (n < each.least || performance.now() - began < PAGE_BUDGET_MS); n++) {
        times.push((await timedGet(base, path, cookie, who)).ms);
      }
    }),
  );
  return times;
}

/** From one client, then from four at once, after two warm-up requests. */
async function pageFigures(base: string, path: string, cookie: string, who: string): Promise<{ alone: Figure; together: Figure; bytes: number }> {
  let bytes = 0;
  for (let n = 0; n < 2; n++) bytes = (await timedGet(base, path, cookie, who)).bytes;
  return {
    alone: summarize(await latencies(base, path, cookie, who, 1, SEQUENTIAL_REQUESTS)),
    together: summarize(await latencies(base, path, cookie, who, CONCURRENT_CLIENTS, REQUESTS_PER_CONCURRENT_CLIENT)),
    bytes,
  };
}

async function benchHttp(databaseUrl: string, secrets: Secrets, seeded: Seeded, section: Section): Promise<void> {
  // The same database and secrets: test-server's restart mode migrates (nothing to do) and serves.
  const server = startTestServer(PORT, databaseUrl, { E2E_LOG_LEVEL: "silent", E2E_SMTP_PORT: "off", E2E_RESTART: "1" });
  try {
    await waitForApp(server);
    const db = createDb(databaseUrl);
    const cookies = {
      "privacy officer": await staffSessionCookie(db, secrets.SESSION_SECRET, seeded.officer),
      agent: await staffSessionCookie(db, secrets.SESSION_SECRET, seeded.agents[0]!),
    };
    await db.$disconnect();
    const pages: Array<[string, keyof typeof cookies, string]> = [30, 366].flatMap((days) => {
      const { from, to } = lastDays(days);
      const query = `from=${from}&to=${to}`;
      return [
        [`staff home, privacy officer, ${days} days`, "privacy officer", `/staff?${query}`],
        [`staff home, agent, ${days} days`, "agent", `/staff?${query}`],
        [`figures.csv, ${days} days`, "privacy officer", `/staff/figures.csv?${query}`],
        [`regulator summary (ja), ${days} days`, "privacy officer", `/staff/report?${query}&language=ja`],
      ] as Array<[string, keyof typeof cookies, string]>;
    });
    // Each page's bytes as the timed loop gets them, for its floor.
    const captured: CapturedResponse[] = [];
    for (const [, who, path] of pages) captured.push(await captureResponse(BASE, { path, headers: { ...FETCH_SENDS, ...pageHeaders(cookies[who]) } }));
    const bare = await startBareServer(PORT + 1, captured);
    const floors = new Map<string, { alone: Figure; together: Figure }>();
    try {
      for (const [name, who, path] of pages) floors.set(name, await pageFigures(bare.base, path, cookies[who], who));
    } finally {
      await bare.stop();
    }
    const floorWhat = "bare node:http, the page's bytes";
    for (const [name, who, path] of pages) {
      const { alone, together, bytes } = await pageFigures(BASE, path, cookies[who], who);
      const floor = floors.get(name)!;
      const size = `${(bytes / 1024).toFixed(0)} kB`;
      section.add({ what: `${name}, one client`, measured: alone, floor: { what: floorWhat, figure: floor.alone }, note: size });
      section.add({
        what: `${name}, ${CONCURRENT_CLIENTS} clients at once`,
        measured: together,
        floor: { what: floorWhat, figure: floor.together },
        note: size,
      });
    }
  } finally {
    server.child.kill("SIGTERM");
    await server.exited;
  }
}

// ---------------------------------------------------------------------------------------

/** Migrates a fresh database with the demo data (as `npm run setup` does), seeds it and measures. */
async function benchOn(label: string, databaseUrl: string, section: Section): Promise<ModelOutcome> {
  if (providerOf(databaseUrl) === "sqlite") {
    for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(databaseUrl.slice("file:".length) + suffix, { force: true });
  }
  const secrets: Secrets = {
    SESSION_SECRET: randomBytes(32).toString("base64url"),
    LOOKUP_HASH_KEY: randomBytes(32).toString("base64url"),
    DATA_ENCRYPTION_KEYS: `bench:${randomBytes(32).toString("base64")}`,
    DATABASE_URL: databaseUrl,
  };
  // Where the test server reads them from when it restarts on this database.
  mkdirSync("data", { recursive: true });
  writeFileSync(secretsFileFor(PORT), JSON.stringify(secrets), { mode: 0o600 });
  const setup = spawnSync(process.execPath, ["--import", "tsx", "app/cli/setup.ts"], {
    env: { ...process.env, ...secrets, DEMO_DATA: "true", LOG_LEVEL: "silent", DESK_TIME_ZONE: TIME_ZONE },
    encoding: "utf8",
  });
  if (setup.status !== 0) throw new Error(`setup failed: ${setup.stdout}${setup.stderr}`);

  const db = createDb(databaseUrl);
  let seeded: Seeded;
  try {
    seeded = await seed(label, databaseUrl, db);
  } finally {
    await db.$disconnect();
  }
  const outcome = await benchModel(label, databaseUrl, section);
  if (HTTP) await benchHttp(databaseUrl, secrets, seeded, section);
  // Last: it writes a row per person, which the reads above must not see.
  benchCampaignStart(secrets, section);
  return outcome;
}

/** A notification campaign started for everyone seeded (tests/bench/campaign-start.ts), next to its bare INSERT … SELECT. */
function benchCampaignStart(secrets: Secrets, section: Section): void {
  const run = spawnSync(process.execPath, ["--import", "tsx", "tests/bench/campaign-start.ts"], {
    env: { ...process.env, ...secrets, LOG_LEVEL: "silent", DESK_TIME_ZONE: TIME_ZONE },
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(`campaign start failed: ${run.stdout}${run.stderr}`);
  const { seconds, floorSeconds, listed } = JSON.parse(run.stdout.trim().split("\n").at(-1)!) as { seconds: number; floorSeconds: number; listed: number };
  section.add({
    what: `notification campaign started: the list of ${listed.toLocaleString("en")} people written (target: under 60 s)`,
    measured: { unit: "s", median: seconds, n: 1 },
    floor: { what: "the same rows by a bare INSERT … SELECT", figure: { unit: "s", median: floorSeconds, n: 1 } },
  });
}

function dashboardSection(report: Report, database: string): Section {
  return report.section(
    `Dashboard on ${database}, ${CUSTOMERS.toLocaleString("en")} affected people, ${INQUIRIES.toLocaleString("en")} inquiries`,
    `\`readFigures\` ${MODEL_READS} times per case after 2 warm-up reads (the first view after an import: ${AFTER_IMPORT_READS} reads), ` +
      `in the desk's zone ${TIME_ZONE}; its floor: the statements one such read sends, captured from Prisma and run back to back ` +
      "on the database driver with no Prisma in between (SQL work alone). " +
      (HTTP
        ? `Pages over HTTP from the built server: ${SEQUENTIAL_REQUESTS.most} requests from one client, then ${CONCURRENT_CLIENTS} clients × ` +
          `${REQUESTS_PER_CONCURRENT_CLIENT.most} at once (fewer past ${PAGE_BUDGET_MS / 1000} s a page); their floor: a bare node:http ` +
          "server answering with the page's captured bytes, timed by the same loop."
        : "Pages over HTTP left out (`BENCH_DASHBOARD_HTTP=0`)."),
  );
}

export async function benchDashboard(report: Report): Promise<void> {
  // The machine may be shared: the load when the run began says how far to trust its figures.
  const load = os
    .loadavg()
    .map((value) => value.toFixed(1))
    .join(", ");
  console.log(`dashboard: seeding and measuring, load average ${load}`);
  const badPlans: string[] = [];
  const sqliteUrl = "file:./data/bench-dashboard.db";
  try {
    badPlans.push(...(await benchOn("dashboard on SQLite", sqliteUrl, dashboardSection(report, "SQLite"))).badPlans);
  } finally {
    // About a gigabyte at full size: not left behind.
    for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(sqliteUrl.slice("file:".length) + suffix, { force: true });
  }
  const adminUrl = knobText("PG_ADMIN_URL");
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5_000 });
  let connected = false;
  try {
    await admin.connect();
    connected = true;
  } catch (error) {
    report.section("Dashboard on PostgreSQL", `Skipped: no server at ${new URL(adminUrl).host} (${(error as Error).message}).`);
  }
  if (connected) {
    // A generated name (digits only), not input: identifiers can't be bound parameters.
    const name = `madoguchi_bench_dashboard_${Date.now()}`;
    try {
      await admin.query(`CREATE DATABASE "${name}"`);
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      badPlans.push(...(await benchOn("dashboard on PostgreSQL", url.toString(), dashboardSection(report, "PostgreSQL"))).badPlans);
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    }
  }
  if (badPlans.length > 0) throw new Error(`dashboard bench: statements reading a big table without an index:\n${badPlans.join("\n")}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await benchDashboard(createReport(console.log));
