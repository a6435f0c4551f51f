// The staff queue with 100,000 inquiries, on SQLite and on PostgreSQL: the built server
// answers the first page and filtered pages for a signed-in agent, and each page's p95
// is measured over sequential requests from one agent (the target: under 100 ms), then
// from four at once. The floor of each page: a bare node:http server answering with that
// page's captured bytes (tests/bench/bare-server.ts), timed by the same loop.
// Run alone: `npx tsx tests/bench/inquiries.ts` after `npm run build`.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { createDb, type Db } from "~/db/client.server";
import { INQUIRY_CATEGORIES } from "~/domain/inquiries/categories";
import { referenceFromBytes } from "~/domain/inquiries/reference";
import { emailLookupHash, encryptField, parseKeyRing } from "~/utils/personal-data.server";
import { secretsFileFor } from "../support/secrets-file";
import { captureResponse, FETCH_SENDS, startBareServer, type CapturedResponse } from "./bare-server";
import { benchPort, knobNumber, knobText } from "./knobs";
import { createReport, summarize, type Figure, type Report, type Section } from "./report";
import { pageHeaders, staffSessionCookie } from "./staff-cookie";
import { startTestServer, waitForApp } from "../support/app-process";

const PORT = benchPort(10);
const BASE = `http://127.0.0.1:${PORT}`;
const INQUIRIES = knobNumber("BENCH_INQUIRIES");
const AGENTS = 10;
/** Requests per page from one agent at a time (the target's measure), then from four at once. */
const SEQUENTIAL_REQUESTS = 100;
const CONCURRENT_AGENTS = 4;
const REQUESTS_PER_CONCURRENT_AGENT = 25;
const DAY = 24 * 60 * 60_000;

interface Secrets {
  SESSION_SECRET: string;
  LOOKUP_HASH_KEY: string;
  DATA_ENCRYPTION_KEYS: string;
  DATABASE_URL: string;
}

/** A queue as a busy desk would have it after some weeks: most inquiries answered or closed. */
async function seed(db: Db, secrets: Secrets): Promise<string[]> {
  const agents = await Promise.all(
    Array.from({ length: AGENTS }, (_, n) =>
      db.staffMember.create({
        data: { email: `bench-agent-${n}-${Date.now()}@staff.example.com`, displayName: `Agent ${n}`, role: "agent", status: "active", enrolledAt: new Date() },
        select: { id: true },
      }),
    ),
  );
  const ring = parseKeyRing(secrets.DATA_ENCRYPTION_KEYS);
  const now = Date.now();
  const statuses = [
    "new",
    "new",
    "open",
    "open",
    "open",
    "waiting",
    "waiting",
    "resolved",
    "resolved",
    "resolved",
    "closed",
    "closed",
    "closed",
    "closed",
    "closed",
    "closed",
  ];
  const batch = 2_000;
  for (let start = 0; start < INQUIRIES; start += batch) {
    const inquiries = [];
    const messages = [];
    for (let n = start; n < Math.min(start + batch, INQUIRIES); n++) {
      const id = `bench${randomBytes(10).toString("hex")}`;
      const status = statuses[n % statuses.length]!;
      const owed = status === "new" || status === "open";
      const email = `asker-${n}@example.org`;
      const createdAt = new Date(now - Math.floor(Math.random() * 60 * DAY));
      inquiries.push({
        id,
        reference: referenceFromBytes(randomBytes(5)),
        category: INQUIRY_CATEGORIES[n % INQUIRY_CATEGORIES.length]!,
        language: n % 10 < 7 ? "ja" : "en",
        status,
        emailHash: emailLookupHash(email, secrets.LOOKUP_HASH_KEY),
        emailCiphertext: encryptField(email, ring),
        contactBy: "email",
        // About one in eight answers owed is overdue.
        dueAt: owed ? new Date(now + Math.floor((Math.random() - 0.125) * 8 * DAY)) : null,
        dueKind: owed ? "first" : null,
        assigneeId: status === "new" ? null : agents[n % AGENTS]!.id,
        createdAt,
        lastActivityAt: new Date(createdAt.getTime() + Math.floor(Math.random() * DAY)),
      });
      messages.push({ inquiryId: id, kind: "customer", bodyCiphertext: encryptField(`question ${n}`, ring), createdAt });
    }
    await db.inquiry.createMany({ data: inquiries });
    await db.inquiryMessage.createMany({ data: messages });
  }
  return agents.map((agent) => agent.id);
}

async function timedPage(path: string, cookie: string, base = BASE, retried = false): Promise<{ ms: number; html: string }> {
  const began = performance.now();
  let response: Response;
  try {
    response = await fetch(`${base}${path}`, { headers: pageHeaders(cookie) });
  } catch (error) {
    // A pooled connection the server closed while the database was being seeded.
    if (retried) throw error;
    return timedPage(path, cookie, base, true);
  }
  const html = await response.text();
  const ms = performance.now() - began;
  if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
  return { ms, html };
}

async function latencies(base: string, path: string, cookie: string, clients: number, requestsEach: number): Promise<number[]> {
  const times: number[] = [];
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let n = 0; n < requestsEach; n++) times.push((await timedPage(path, cookie, base)).ms);
    }),
  );
  return times;
}

/** One agent at a time (the target's measure), then four at once, after a few warm-up requests. */
async function pageFigures(base: string, path: string, cookie: string): Promise<{ alone: Figure; together: Figure }> {
  for (let n = 0; n < 5; n++) await timedPage(path, cookie, base);
  return {
    alone: summarize(await latencies(base, path, cookie, 1, SEQUENTIAL_REQUESTS)),
    together: summarize(await latencies(base, path, cookie, CONCURRENT_AGENTS, REQUESTS_PER_CONCURRENT_AGENT)),
  };
}

/** The link to the page after this one, as the page itself gives it. */
function nextPagePath(html: string): string | null {
  const match = /href="(\/staff\/inquiries\?[^"]*after=[^"]+)"/.exec(html);
  return match ? match[1]!.replace(/&amp;/g, "&") : null;
}

async function benchOn(label: string, databaseUrl: string, section: Section): Promise<void> {
  const server = startTestServer(PORT, databaseUrl, { E2E_LOG_LEVEL: "silent", E2E_SMTP_PORT: "off" });
  try {
    await waitForApp(server);
    const secrets = JSON.parse(readFileSync(secretsFileFor(PORT), "utf8")) as Secrets;
    const db = createDb(databaseUrl);
    const seeding = performance.now();
    const agents = await seed(db, secrets);
    // Statistics and visibility as a running desk has them (the housekeeping job's PRAGMA
    // optimize on SQLite; autovacuum on PostgreSQL).
    await db.$executeRawUnsafe(databaseUrl.startsWith("file:") ? "ANALYZE" : "VACUUM ANALYZE");
    console.log(`${label}: ${INQUIRIES.toLocaleString("en")} inquiries seeded and analyzed in ${((performance.now() - seeding) / 1000).toFixed(1)} s`);
    const cookie = await staffSessionCookie(db, secrets.SESSION_SECRET, agents[0]!);
    // Twenty pages deep by the cursor, as an agent paging through would get there.
    let deep = "/staff/inquiries?status=all";
    for (let page = 0; page < 20; page++) deep = nextPagePath((await timedPage(deep, cookie)).html) ?? deep;
    const pages: Array<[string, string]> = [
      ["first page (answers owed, by due time)", "/staff/inquiries"],
      ["category", "/staff/inquiries?category=card"],
      ["language", "/staff/inquiries?language=en"],
      ["assignee (one of ten agents)", `/staff/inquiries?assignee=${agents[3]}`],
      ["my inquiries", "/staff/inquiries?assignee=me"],
      ["overdue", "/staff/inquiries?overdue=1"],
      ["status closed (by last activity)", "/staff/inquiries?status=closed"],
      ["waiting + category + language", "/staff/inquiries?status=waiting&category=deletion&language=en"],
      ["everything", "/staff/inquiries?status=all"],
      ["21st page of everything (cursor)", deep],
    ];
    // Each page's bytes as the timed loop gets them, for its floor.
    const captured: CapturedResponse[] = [];
    for (const [, path] of pages) captured.push(await captureResponse(BASE, { path, headers: { ...FETCH_SENDS, ...pageHeaders(cookie) } }));
    const bare = await startBareServer(PORT + 1, captured);
    const floors = new Map<string, { alone: Figure; together: Figure }>();
    try {
      for (const [, path] of pages) floors.set(path, await pageFigures(bare.base, path, cookie));
    } finally {
      await bare.stop();
    }
    const floorWhat = "bare node:http, the page's bytes";
    for (const [name, path] of pages) {
      const { alone, together } = await pageFigures(BASE, path, cookie);
      const floor = floors.get(path)!;
      section.add({ what: `${name}, one agent`, measured: alone, floor: { what: floorWhat, figure: floor.alone } });
      section.add({ what: `${name}, ${CONCURRENT_AGENTS} agents at once`, measured: together, floor: { what: floorWhat, figure: floor.together } });
    }
    await db.$disconnect();
  } finally {
    server.child.kill("SIGTERM");
    await server.exited;
  }
}

function queueSection(report: Report, database: string): Section {
  return report.section(
    `Staff inquiry queue on ${database}, ${INQUIRIES.toLocaleString("en")} inquiries`,
    `The built server's \`/staff/inquiries\` pages for a signed-in agent, full HTML: after 5 warm-up requests, ` +
      `${SEQUENTIAL_REQUESTS} requests one after another (one agent; the target is a p95 under 100 ms), then ` +
      `${CONCURRENT_AGENTS} agents at once × ${REQUESTS_PER_CONCURRENT_AGENT}. Floor: a bare node:http server answering ` +
      "with the page's captured bytes (same status, headers and compressed body), timed by the same loop.",
  );
}

export async function benchInquiryQueue(report: Report): Promise<void> {
  await benchOn("inquiry queue on SQLite", "file:./data/bench-queue.db", queueSection(report, "SQLite"));
  const adminUrl = knobText("PG_ADMIN_URL");
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5_000 });
  try {
    await admin.connect();
  } catch (error) {
    report.section("Staff inquiry queue on PostgreSQL", `Skipped: no server at ${new URL(adminUrl).host} (${(error as Error).message}).`);
    return;
  }
  // A generated name (digits only), not input: identifiers can't be bound parameters.
  const name = `madoguchi_bench_${Date.now()}`;
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    await benchOn("inquiry queue on PostgreSQL", url.toString(), queueSection(report, "PostgreSQL"));
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await benchInquiryQueue(createReport(console.log));
