// `npm run bench`: the speed figures in docs/benchmarks.md. Starts the production build on
// its own SQLite database with the demo data (as the browser tests do), then measures:
//  - the notice page under a rush of first-time visitors (the in-process 5 s cache);
//  - the same rush revalidating with If-None-Match, as browsers and a CDN do (304s);
//  - the notice page rendered on every request (every cache missed on purpose);
//  - the business-hours status computation behind "open now";
//  - /check for known against unknown addresses, which timing must not tell apart;
//  - password changes under 50 clients and the notice page meanwhile, and the wrap job,
//    each against raw argon2id on the same cores (tests/bench/passwords.ts);
//  - the import of affected records at scale, next to sqlite3's own .import (tests/bench/import.ts);
//  - the staff inquiry queue with 100,000 inquiries on SQLite and PostgreSQL (tests/bench/inquiries.ts);
//  - the dashboard's figures and pages with 1,000,000 affected people, on both (tests/bench/dashboard.ts).
// Traffic goes only to 127.0.0.1; every run is bounded in time.
import { spawn } from "node:child_process";
import os from "node:os";
import autocannon from "autocannon";
import { channelView, type ChannelRecord } from "~/domain/desk/desk-view";
import { readFileSync } from "node:fs";
import { secretsFileFor } from "../support/secrets-file";
import { waitForServer } from "./wait-for-server";
import { measureCheckTiming } from "./check-timing";
import { benchDashboard } from "./dashboard";
import { benchImport } from "./import";
import { benchInquiryQueue } from "./inquiries";
import { benchNoticeDuringWrap, benchPasswordChanges, benchWrapJob, rawArgon2Rate, type ServerSecrets } from "./passwords";

const PORT = 3200;
const BASE = `http://127.0.0.1:${PORT}`;
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;

function secrets(): ServerSecrets {
  return JSON.parse(readFileSync(secretsFileFor(PORT), "utf8")) as ServerSecrets;
}

async function load(title: string, headers: Record<string, string>, everyRequestDistinct = false) {
  let counter = 0;
  const result = await autocannon({
    url: `${BASE}/`,
    connections: CONNECTIONS,
    duration: DURATION_S,
    headers,
    // A distinct query string per request misses every cache: the cost of a real render.
    requests: everyRequestDistinct ? [{ setupRequest: (request) => ({ ...request, path: `/?n=${counter++}` }) }] : undefined,
  });
  const statuses = Object.entries(result.statusCodeStats ?? {}).map(([code, { count }]) => `${code}×${count}`).join(" ");
  console.log(
    `${title}: ${Math.round(result.requests.average)} req/s, latency p50 ${result.latency.p50} ms, ` +
      `p99 ${result.latency.p99} ms, errors ${result.errors + result.non2xx - (result.statusCodeStats?.["304"]?.count ?? 0)} (${statuses})`,
  );
}

function businessHours() {
  const weekdays = [1, 2, 3, 4, 5].map((day) => ({ day, opensAt: 540, closesAt: 1260 }));
  const phone: ChannelRecord = {
    key: "phone", kind: "phone", name: "phone", contact: "03-0000-0000",
    schedules: [{ effectiveFrom: "2026-01-01", effectiveUntil: null, holidayRule: "closed", intervals: weekdays }],
    closures: [{ startsOn: "2026-12-29", endsOn: "2027-01-03", reason: "year end" }],
  };
  const start = Date.parse("2026-12-25T12:00:00Z");
  const iterations = 20_000;
  const began = performance.now();
  for (let i = 0; i < iterations; i++) channelView(phone, "Asia/Tokyo", new Date(start + i * 60_000));
  const perCall = ((performance.now() - began) * 1000) / iterations;
  console.log(`desk status (channelView, across the year-end closure): ${perCall.toFixed(1)} µs per channel`);
}

console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
console.log(`load: ${CONNECTIONS} connections for ${DURATION_S} s per run, from the same machine`);
businessHours();

const server = spawn(process.execPath, ["--import", "tsx", "tests/support/test-server.ts", String(PORT)], {
  // No SMTP receiver here: mail waits in the outbox instead of being retried against nothing.
  env: { ...process.env, E2E_LOG_LEVEL: "silent", E2E_SMTP_PORT: "off" },
  stdio: ["ignore", "ignore", "inherit"],
});
try {
  await waitForServer(BASE);
  const first = await fetch(`${BASE}/`, { headers: { "Accept-Language": "ja" } });
  const etag = first.headers.get("etag") ?? "";
  await load("notice page, rush of first visits", { "Accept-Language": "ja" });
  await load("notice page, revalidation with ETag (304)", { "Accept-Language": "ja", "If-None-Match": etag });
  await load("notice page, rendered on every request", { "Accept-Language": "ja" }, true);
  // The demo's 300 customers are the known addresses, each used once.
  await measureCheckTiming(BASE, Array.from({ length: 300 }, (_, n) => `customer${String(n + 1).padStart(3, "0")}@example.com`));
  await benchPasswordChanges(BASE, secrets(), DURATION_S, (rate) => console.log(`raw argon2id (m=19456, t=2, p=1) on ${os.availableParallelism()} cores, server idle: ${rate.toFixed(1)} hashes/s`));
  await benchNoticeDuringWrap(BASE, secrets(), 1_000);
} finally {
  server.kill("SIGTERM");
  await new Promise((resolve) => server.once("exit", resolve));
}

// With the server stopped, so the job and its floor have the cores to themselves.
const rawAlone = await rawArgon2Rate(DURATION_S);
console.log(`raw argon2id again, server stopped: ${rawAlone.toFixed(1)} hashes/s`);
const wrapHashes = Number(process.env.BENCH_WRAP_HASHES ?? 2_000);
if (wrapHashes > 0) await benchWrapJob(secrets(), wrapHashes, rawAlone);

// After the server has stopped, so the import has both cores to itself.
await benchImport();

// On servers of their own (BENCH_INQUIRIES=0 skips it).
if (Number(process.env.BENCH_INQUIRIES ?? 1) > 0) await benchInquiryQueue();
// Last: it seeds a million people into each database (BENCH_DASHBOARD=0 skips it).
if (process.env.BENCH_DASHBOARD !== "0") await benchDashboard();
