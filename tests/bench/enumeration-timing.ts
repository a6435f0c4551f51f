// Can anyone tell from the portal's answers whether an address is known? For every form that
// takes an address (the check, a visitor's inquiry, the customer and staff sign-ins), sends
// known and unknown addresses in pairs, one request at a time, the order within each pair
// drawn at random, and compares the response times and the responses themselves.
//
// Every request poses as a client of its own (the server must trust one proxy hop), and each
// known address is used no more often than its limits allow before they would change the
// answer: a limited or throttled request is cheaper, and would be a difference of our making.
//
// `npx tsx tests/bench/enumeration-timing.ts [port]` starts the production build on a SQLite
// database of its own (the demo data, plus the accounts with passwords it needs), measures,
// and stops it. `npm run build` first.
import { randomBytes, randomInt } from "node:crypto";
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { createDb } from "../../app/db/client.server";
import { hashPassword } from "../../app/utils/password.server";
import { emailLookupHash, encryptField, parseKeyRing } from "../../app/utils/personal-data.server";
import { secretsFileFor } from "../support/secrets-file";
import type { EnumerationTimingRow } from "./report";
import { startTestServer, waitForApp } from "../support/app-process";

export interface EnumerationTimingOptions {
  /** Customers on record (the demo's customer001@example.com…): for the check and the inquiry. */
  knownCustomers: string[];
  /** Customers who have chosen a password; the bench signs in with a wrong one. */
  customersWithPassword?: string[];
  /** Active staff members with a password; the bench signs in with a wrong one. */
  staff?: string[];
  /** Pairs per path, at most (fewer when the known addresses run out). */
  pairs?: number;
  warmUp?: number;
}

/** A path's figures, as the report's enumeration section shows them (tests/bench/report.ts). */
export type EnumerationTiming = EnumerationTimingRow;

interface Probe {
  path: string;
  /** Uses of one known address that stay below every limit or throttle on it. */
  usesPerKnown: number;
  known: string[];
  form: (email: string) => Record<string, string>;
  url: string;
}

interface Answer {
  ms: number;
  shape: string;
}

function mean(values: number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

function variance(values: number[]): number {
  const m = mean(values);
  return values.reduce((sum, value) => sum + (value - m) ** 2, 0) / Math.max(1, values.length - 1);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Without the slowest and fastest tenth: a garbage collection or a background job lands on
 * either kind at random and would otherwise dominate the comparison of means. */
function trimmed(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const cut = Math.floor(sorted.length / 10);
  return sorted.slice(cut, sorted.length - cut);
}

let clients = 0;
function nextClient(): string {
  clients++;
  return `10.${(clients >> 16) & 255}.${(clients >> 8) & 255}.${clients & 255}`;
}

async function send(base: string, probe: Probe, email: string): Promise<Answer> {
  const began = performance.now();
  const response = await fetch(`${base}${probe.url}`, {
    method: "POST",
    redirect: "manual",
    headers: { Origin: base, "Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-For": nextClient() },
    body: new URLSearchParams(probe.form(email)),
  });
  const body = await response.text();
  const ms = performance.now() - began;
  const cookies = response.headers
    .getSetCookie()
    .map((cookie) => cookie.split("=")[0])
    .sort();
  const blanked = body
    .replaceAll(email, "ADDRESS")
    .replace(/nonce="[^"]*"/g, 'nonce=""')
    .replace(/nonce=\\"[^"\\]*\\"/g, "nonce=");
  return { ms, shape: JSON.stringify([response.status, cookies, blanked]) };
}

function unknownAddress(): string {
  return `nobody-${randomBytes(6).toString("hex")}@bench.example.net`;
}

async function measure(base: string, probe: Probe, pairs: number, warmUp: number): Promise<EnumerationTiming> {
  for (let n = 0; n < warmUp; n++) await send(base, probe, unknownAddress());
  const plan = probe.known.flatMap((email) => Array.from({ length: probe.usesPerKnown }, () => email)).slice(0, pairs);
  const known: number[] = [];
  const unknown: number[] = [];
  let identical = true;
  for (const email of plan) {
    const knownFirst = randomInt(2) === 0;
    const first = await send(base, probe, knownFirst ? email : unknownAddress());
    const second = await send(base, probe, knownFirst ? unknownAddress() : email);
    const [k, u] = knownFirst ? [first, second] : [second, first];
    known.push(k.ms);
    unknown.push(u.ms);
    if (k.shape !== u.shape) identical = false;
  }
  const [tk, tu] = [trimmed(known), trimmed(unknown)];
  return {
    path: probe.path,
    n: plan.length,
    knownMeanMs: mean(tk),
    unknownMeanMs: mean(tu),
    knownMedianMs: median(known),
    unknownMedianMs: median(unknown),
    meanDiffMs: mean(tk) - mean(tu),
    ci95Ms: 1.96 * Math.sqrt(variance(tk) / tk.length + variance(tu) / tu.length),
    identicalResponses: identical,
  };
}

const WRONG_PASSWORD = "not the password, deliberately";

/** Measures every path with the addresses given, prints a table, and returns the figures. */
export async function measureEnumerationTiming(base: string, options: EnumerationTimingOptions): Promise<EnumerationTiming[]> {
  const pairs = options.pairs ?? 100;
  const warmUp = options.warmUp ?? 10;
  // Limits per address per hour: check 5, inquiry 5, customer sign-in 10; staff sign-in
  // is slowed from the fourth failure. One use fewer than each, to stay clear of them.
  const probes: Probe[] = [
    { path: "POST /check", url: "/check?lng=ja", usesPerKnown: 4, known: options.knownCustomers, form: (email) => ({ email }) },
    {
      path: "POST /inquiries/new (visitor)",
      url: "/inquiries/new?lng=ja",
      usesPerKnown: 4,
      known: options.knownCustomers,
      form: (email) => ({ category: "other", message: "確認のための問い合わせです。", language: "ja", contactBy: "email", email }),
    },
    {
      path: "POST /signin (customer, wrong password)",
      url: "/signin?lng=ja",
      usesPerKnown: 9,
      known: options.customersWithPassword ?? [],
      form: (email) => ({ email, password: WRONG_PASSWORD }),
    },
    {
      path: "POST /staff/login (wrong password)",
      url: "/staff/login?lng=ja",
      usesPerKnown: 3,
      known: options.staff ?? [],
      form: (email) => ({ email, password: WRONG_PASSWORD, code: "123456" }),
    },
  ];
  const results: EnumerationTiming[] = [];
  for (const probe of probes) {
    if (probe.known.length === 0) continue;
    results.push(await measure(base, probe, pairs, warmUp));
  }
  const ms = (value: number) => value.toFixed(2).padStart(8);
  console.log("known vs unknown address: means without the extreme tenths, medians of all, in ms");
  console.log(`${"path".padEnd(42)}${"n".padStart(5)}  known mean  unknown mean  known med  unknown med   difference (95 %)   identical`);
  for (const r of results) {
    console.log(
      `${r.path.padEnd(42)}${String(r.n).padStart(5)}  ${ms(r.knownMeanMs)}    ${ms(r.unknownMeanMs)}      ${ms(r.knownMedianMs)}   ${ms(r.unknownMedianMs)}   ` +
        `${ms(r.meanDiffMs)} ± ${r.ci95Ms.toFixed(2).padEnd(6)}   ${r.identicalResponses ? "yes" : "NO"}`,
    );
  }
  return results;
}

interface ServerSecrets {
  DATABASE_URL: string;
  LOOKUP_HASH_KEY: string;
  DATA_ENCRYPTION_KEYS: string;
}

/** Customers with a password and staff members with one, written into a bench server's database. */
export async function seedPasswordAccounts(secrets: ServerSecrets, count: number): Promise<{ customers: string[]; staff: string[] }> {
  const db = createDb(secrets.DATABASE_URL);
  const ring = parseKeyRing(secrets.DATA_ENCRYPTION_KEYS);
  // One hash for all: what is measured is the verification, which costs the same for any hash.
  const passwordHash = await hashPassword(`bench ${randomBytes(8).toString("hex")}`);
  const customers = Array.from({ length: count }, (_, n) => `password-${n}-${randomBytes(3).toString("hex")}@bench.example.org`);
  const staff = Array.from({ length: count }, (_, n) => `staff-${n}-${randomBytes(3).toString("hex")}@bench.example.org`);
  for (const email of customers) {
    await db.customer.create({
      data: {
        externalId: `bench-${email}`,
        emailHash: emailLookupHash(email, secrets.LOOKUP_HASH_KEY),
        emailCiphertext: encryptField(email, ring),
        passwordHash,
      },
      select: { id: true },
    });
  }
  for (const email of staff) {
    await db.staffMember.create({
      data: {
        email,
        displayName: "Bench",
        role: "agent",
        status: "active",
        enrolledAt: new Date(),
        passwordHash,
        totpSecret: encryptField("JBSWY3DPEHPK3PXP", ring),
      },
      select: { id: true },
    });
  }
  await db.$disconnect();
  return { customers, staff };
}

async function main() {
  const port = Number(process.argv[2] ?? 3506);
  const base = `http://127.0.0.1:${port}`;
  const server = startTestServer(port, undefined, { E2E_SMTP_PORT: "off", E2E_LOG_LEVEL: "error" }, { output: "inherit" });
  try {
    await waitForApp(server);
    const secrets = JSON.parse(readFileSync(secretsFileFor(port), "utf8")) as ServerSecrets;
    const accounts = await seedPasswordAccounts(secrets, 40);
    await measureEnumerationTiming(base, {
      knownCustomers: Array.from({ length: 100 }, (_, n) => `customer${String(n + 1).padStart(3, "0")}@example.com`),
      customersWithPassword: accounts.customers,
      staff: accounts.staff,
      pairs: Number(process.env.BENCH_PAIRS ?? 100),
    });
  } finally {
    server.child.kill("SIGTERM");
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main();
