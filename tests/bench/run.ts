// `npm run bench`: every speed figure of the project, each next to its floor measured in the
// same run, written into the generated section of docs/benchmarks.md (tests/bench/report.ts).
// Starts the production build on its own SQLite database with the demo data (as the browser
// tests do), then measures:
//  - the notice page under a rush of first-time visitors (the in-process 5 s cache), the same
//    rush revalidating with If-None-Match (304s), and the page rendered on every request, each
//    under the same autocannon load as a bare node:http server answering with the same bytes;
//  - /check for known against unknown addresses, which timing must not tell apart, and its
//    latency next to the bare server's for the same answer;
//  - password changes under 50 clients and the notice page meanwhile, and the wrap job, each
//    against raw argon2id on the same cores (tests/bench/passwords.ts);
//  - the import of affected records at scale, next to sqlite3's own .import (tests/bench/import.ts);
//  - the staff inquiry queue with 100,000 inquiries on SQLite and PostgreSQL (tests/bench/inquiries.ts);
//  - the dashboard's figures and pages with 1,000,000 affected people, on both (tests/bench/dashboard.ts);
//  - the business-hours computation behind "open now" (pure, no floor).
// The knobs are in tests/bench/knobs.ts. Traffic goes only to 127.0.0.1; every run is bounded in time.
import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import autocannon from "autocannon";
import pg from "pg";
import { channelView, type ChannelRecord } from "~/domain/desk/desk-view";
import { secretsFileFor } from "../support/secrets-file";
import { captureResponse, FETCH_SENDS, startBareServer, type BareServer } from "./bare-server";
import { checkRequest, timedCheck } from "./check-timing";
import { measureEnumerationTiming, seedPasswordAccounts } from "./enumeration-timing";
import { benchDashboard } from "./dashboard";
import { benchImport } from "./import";
import { benchInquiryQueue } from "./inquiries";
import { benchPort, knobNumber, knobsOfThisRun, knobText } from "./knobs";
import { benchLeakedCheck, benchNoticeDuringWrap, benchPasswordChanges, benchWrapJob, rawArgon2Rate, type IdleFloors, type ServerSecrets } from "./passwords";
import { createReport, renderResults, single, spliceResults, summarize, type RunInfo, type Section } from "./report";
import { startTestServer, waitForApp } from "../support/app-process";

const PORT = benchPort(0);
const BASE = `http://127.0.0.1:${PORT}`;
const DURATION_S = knobNumber("BENCH_SECONDS");
const CONNECTIONS = 50;
const NOTICE_HEADERS = { "Accept-Language": "ja" };

const report = createReport((line) => console.log(line));
const parts: RunInfo["parts"] = [];
const failures: string[] = [];
const startedAt = new Date();
const loadAtStart = os.loadavg();

/** A failure is reported and the rest of the run still runs. */
async function guarded(name: string, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    console.error(error);
    failures.push(`${name}: ${(error as Error).message}`);
  }
}

/** One part of the run, timed for the report. */
async function part(name: string, work: () => Promise<void>): Promise<void> {
  const began = performance.now();
  console.log(`— ${name}`);
  await guarded(name, work);
  parts.push({ name, seconds: (performance.now() - began) / 1000 });
}

function secrets(): ServerSecrets {
  return JSON.parse(readFileSync(secretsFileFor(PORT), "utf8")) as ServerSecrets;
}

async function load(base: string, headers: Record<string, string>, everyRequestDistinct = false) {
  let counter = 0;
  const result = await autocannon({
    url: `${base}/`,
    connections: CONNECTIONS,
    duration: DURATION_S,
    headers,
    // A distinct query string per request misses every cache: the cost of a real render.
    requests: everyRequestDistinct ? [{ setupRequest: (request) => ({ ...request, path: `/?n=${counter++}` }) }] : undefined,
  });
  const statuses = Object.entries(result.statusCodeStats ?? {})
    .map(([code, { count }]) => `${code}×${count}`)
    .join(" ");
  const failed = result.errors + result.non2xx - (result.statusCodeStats?.["304"]?.count ?? 0);
  return {
    rate: single(result.requests.p50, "req/s"),
    latency: { unit: "ms" as const, median: result.latency.p50, p99: result.latency.p99, n: result.requests.total },
    note: `${statuses}${failed > 0 ? `, ${failed} errors` : ""}`,
  };
}

async function noticePage(section: Section, bare: BareServer, etag: string): Promise<void> {
  const floorWhat = "bare node:http, same bytes";
  const runs: Array<[string, Record<string, string>, boolean]> = [
    ["rush of first visits", NOTICE_HEADERS, false],
    ["revalidation with If-None-Match (304)", { ...NOTICE_HEADERS, "If-None-Match": etag }, false],
    ["rendered on every request (every cache missed on purpose)", NOTICE_HEADERS, true],
  ];
  let firstVisitFloor: Awaited<ReturnType<typeof load>> | undefined;
  for (const [what, headers, distinct] of runs) {
    const app = await load(BASE, headers, distinct);
    // The bare server does the same for any query string: the rush's floor is the render's too.
    const floor = distinct && firstVisitFloor ? firstVisitFloor : await load(bare.base, headers);
    if (!distinct && !headers["If-None-Match"]) firstVisitFloor = floor;
    section.add({ what: `${what}, throughput`, measured: app.rate, floor: { what: floorWhat, figure: floor.rate }, note: app.note });
    section.add({ what: `${what}, latency`, measured: app.latency, floor: { what: floorWhat, figure: floor.latency } });
  }
}

async function check(bare: BareServer): Promise<void> {
  // Known: the demo's customers for the check and the inquiry; for the sign-ins, accounts with
  // a password seeded here. Each known address is used below its limits (enumeration-timing.ts).
  const known = Array.from({ length: 300 }, (_, n) => `customer${String(n + 1).padStart(3, "0")}@example.com`);
  const pairs = knobNumber("BENCH_ENUMERATION_PAIRS");
  const accounts = await seedPasswordAccounts(secrets() as ServerSecrets & { DATABASE_URL: string }, Math.ceil(pairs / 3));
  const rows = await measureEnumerationTiming(BASE, { knownCustomers: known, customersWithPassword: accounts.customers, staff: accounts.staff, pairs });
  report.enumerationTiming(
    rows,
    "For each form that takes an address, registered and unknown addresses in pairs, one request at a time, the order " +
      "within each pair drawn at random, each request as its own client, and each known address used less often than its " +
      "limits allow (a limited answer is cheaper: a difference of the bench's making). The sign-ins use a wrong password. " +
      "Means are without the slowest and fastest tenth of each kind (a garbage collection lands on either at random); the " +
      "interval is Welch's. Identical responses: the same status and body once the CSP nonce and the address are taken out.",
  );
  const section = report.section(
    'Check ("Am I affected?")',
    "The same requests' medians, next to a bare node:http server answering with the app's captured answer, asked the same way one at a time.",
  );
  for (const row of rows.filter((candidate) => candidate.path === "POST /check")) {
    const floor: number[] = [];
    for (let n = 0; n < row.n; n++) floor.push(await timedCheck(bare.base, `floor-${n}@bench.example.net`, "192.0.2.250"));
    const figure = summarize(floor);
    section.add({ what: "POST /check, known address", measured: single(row.knownMedianMs, "ms"), floor: { what: "bare node:http, same answer", figure } });
    section.add({ what: "POST /check, unknown address", measured: single(row.unknownMedianMs, "ms"), floor: { what: "bare node:http, same answer", figure } });
  }
}

function deskStatus(section: Section): void {
  const weekdays = [1, 2, 3, 4, 5].map((day) => ({ day, opensAt: 540, closesAt: 1260 }));
  const phone: ChannelRecord = {
    key: "phone",
    kind: "phone",
    name: "phone",
    contact: "03-0000-0000",
    schedules: [{ effectiveFrom: "2026-01-01", effectiveUntil: null, holidayRule: "closed", intervals: weekdays }],
    closures: [{ startsOn: "2026-12-29", endsOn: "2027-01-03", reason: "year end" }],
  };
  const start = Date.parse("2026-12-25T12:00:00Z");
  const iterations = 20_000;
  const began = performance.now();
  for (let i = 0; i < iterations; i++) channelView(phone, "Asia/Tokyo", new Date(start + i * 60_000));
  section.add({
    what: `channelView of one channel across the year-end closure, ${iterations.toLocaleString("en")} calls`,
    measured: single(((performance.now() - began) * 1000) / iterations, "µs"),
    note: "pure computation in this process: no floor; it also shows how fast the machine is this hour",
  });
}

async function postgresVersion(): Promise<string> {
  const client = new pg.Client({ connectionString: knobText("PG_ADMIN_URL"), connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    return (await client.query<{ server_version: string }>("SHOW server_version")).rows[0]!.server_version;
  } catch {
    return "not reachable (its parts were skipped)";
  } finally {
    await client.end().catch(() => undefined);
  }
}

function operatingSystem(): string {
  try {
    const name = /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(readFileSync("/etc/os-release", "utf8"))?.[1];
    return `${name ?? os.type()} (${os.type()} ${os.release()})`;
  } catch {
    return `${os.type()} ${os.release()}`;
  }
}

async function writeResults(): Promise<void> {
  const run: RunInfo = {
    date: startedAt,
    machine: {
      cpu: os.cpus()[0]?.model.trim() ?? "unknown CPU",
      cpus: os.cpus().length,
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      os: operatingSystem(),
      node: process.version,
      postgres: await postgresVersion(),
      loadAverage: loadAtStart,
    },
    knobs: knobsOfThisRun(),
    totalSeconds: (Date.now() - startedAt.getTime()) / 1000,
    parts,
    failures,
  };
  const results = renderResults(report, run);
  const file = knobText("BENCH_REPORT_FILE");
  if (file === "-") {
    console.log(results);
    return;
  }
  writeFileSync(file, spliceResults(readFileSync(file, "utf8"), results));
  console.log(`results written to ${file}`);
}

console.log(`load: ${CONNECTIONS} connections for ${DURATION_S} s per load run, from the same machine`);
await part("desk status", async () => deskStatus(report.section('Desk status ("open now")', "The business-hours computation, in the bench's own process.")));

await guarded("the demo server", async () => {
  // No SMTP receiver here: mail waits in the outbox instead of being retried against nothing.
  const server = startTestServer(PORT, undefined, { E2E_LOG_LEVEL: "silent", E2E_SMTP_PORT: "off" });
  try {
    await waitForApp(server);
    // The floor's bytes: exactly what autocannon and the check loop get from the app.
    const page = await captureResponse(BASE, { path: "/", headers: NOTICE_HEADERS });
    const etag = page.headers[page.headers.findIndex((name, i) => i % 2 === 0 && name.toLowerCase() === "etag") + 1] ?? "";
    const notModified = await captureResponse(BASE, { path: "/", headers: NOTICE_HEADERS, ifNoneMatch: etag });
    const probe = checkRequest(BASE, "floor-capture@bench.example.net", "192.0.2.251");
    const checked = await captureResponse(BASE, { method: "POST", path: "/check", headers: { ...FETCH_SENDS, ...probe.headers }, body: probe.body });
    const bare = await startBareServer(benchPort(1), [page, notModified, checked]);
    try {
      await part("notice page", () =>
        noticePage(
          report.section(
            "Notice page",
            `\`GET /\` (Accept-Language ja) with autocannon, ${CONNECTIONS} connections for ${DURATION_S} s a run, from the same machine. ` +
              "Floor: a bare node:http server (no framework, a process of its own) answering with the bytes of a captured answer " +
              "of the real page (same status, headers and body; Node adds Date and keep-alive to both), under the same load. " +
              "Throughput is the median of autocannon's per-second counts; autocannon gives p99, not p95.",
          ),
          bare,
          etag,
        ),
      );
      await part("check", () => check(bare));
    } finally {
      await bare.stop();
    }
    const passwords = report.section(
      "Passwords",
      `Floors: raw argon2id with the app's parameters (m=19456, t=2, p=1), one hash at a time per core for ${DURATION_S} s; ` +
        `the notice page's latency for the same visitor (a load every 20 ms) for ${DURATION_S} s with the server idle.`,
    );
    let floors: IdleFloors | undefined;
    await part("password changes", async () => {
      floors = await benchPasswordChanges(BASE, secrets(), DURATION_S, passwords);
    });
    await part("notice page during the wrap", async () => {
      if (!floors) throw new Error("no floors: the password changes part failed");
      await benchNoticeDuringWrap(BASE, secrets(), knobNumber("BENCH_NOTICE_WRAP_HASHES"), passwords, floors);
    });
    // With the server stopped, so the job and its floor have the cores to themselves.
    server.child.kill("SIGTERM");
    await server.exited;
    await part("wrap job", async () => {
      const wrapHashes = knobNumber("BENCH_WRAP_HASHES");
      if (wrapHashes > 0) await benchWrapJob(secrets(), wrapHashes, await rawArgon2Rate(DURATION_S), passwords);
    });
    await part("leaked-password check", () => benchLeakedCheck(passwords));
  } finally {
    if (server.child.exitCode === null && server.child.signalCode === null) {
      server.child.kill("SIGTERM");
      await server.exited;
    }
  }
});

// After the server has stopped, so the import has both cores to itself.
if (knobNumber("BENCH_IMPORT_ROWS") > 0) {
  await part("import", () =>
    benchImport(
      report.section(
        "Import of affected records",
        "A generated file like the demo's (every fourth person on a second line in the inquirers' group), into a fresh migrated SQLite " +
          "database with the demo's groups. Floor: sqlite3's own `.import` of the same file into one plain table (no checks, no encryption, no indexes).",
      ),
    ),
  );
}
// On servers of their own.
if (knobNumber("BENCH_INQUIRIES") > 0) await part("inquiry queue", () => benchInquiryQueue(report));
// Last: it seeds a million people into each database.
if (knobText("BENCH_DASHBOARD") !== "0") await part("dashboard", () => benchDashboard(report));

await writeResults();
if (failures.length > 0) {
  console.error(`bench: ${failures.length} part(s) failed:\n${failures.join("\n")}`);
  process.exit(1);
}
