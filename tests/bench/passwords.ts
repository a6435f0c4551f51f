// Password hashing figures (part of `npm run bench`), each next to its floor measured in the
// same run: raw argon2id with the app's parameters on every core.
//  - password changes per second from 50 clients at once, each a verified customer looping
//    on the change form through the built server, while one visitor loads the notice page
//    over and over: its p50 and p99 latency during that load;
//  - the notice page's latency while the server's wrap job works through new MD5 hashes;
//  - the wrap job's throughput on freshly imported MD5 hashes, as a share of the raw rate.
import { randomBytes } from "node:crypto";
import os from "node:os";
import argon2 from "argon2";
import { createCookie } from "@remix-run/node";
import { createDb, type Db } from "~/db/client.server";
import { bearerTokenHash } from "~/utils/bearer-token.server";
import { ARGON2_PARAMETERS } from "~/utils/password.server";
import { emailLookupHash, encryptField, parseKeyRing } from "~/utils/personal-data.server";

export interface ServerSecrets {
  SESSION_SECRET: string;
  LOOKUP_HASH_KEY: string;
  DATA_ENCRYPTION_KEYS: string;
  DATABASE_URL: string;
}

const CLIENTS = 50;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** argon2id hashes per second with the app's parameters, one at a time per core. */
export async function rawArgon2Rate(seconds: number): Promise<number> {
  const deadline = performance.now() + seconds * 1000;
  let hashes = 0;
  const began = performance.now();
  await Promise.all(
    Array.from({ length: os.availableParallelism() }, async () => {
      while (performance.now() < deadline) {
        await argon2.hash(randomBytes(12).toString("base64url"), ARGON2_PARAMETERS);
        hashes++;
      }
    }),
  );
  return hashes / ((performance.now() - began) / 1000);
}

/** Customers as the import leaves them (a bare MD5), each with a session from a mailbox link. */
async function verifiedCustomers(db: Db, secrets: ServerSecrets, count: number, prefix: string): Promise<string[]> {
  const ring = parseKeyRing(secrets.DATA_ENCRYPTION_KEYS);
  const group = await db.affectedGroup.findFirstOrThrow({ select: { id: true } });
  const cookie = createCookie("customer_session", { secrets: [secrets.SESSION_SECRET] });
  const cookies: string[] = [];
  for (let n = 0; n < count; n++) {
    const email = `${prefix}-${n}@example.org`;
    const customer = await db.customer.create({
      data: {
        externalId: `${prefix}-${n}`,
        emailHash: emailLookupHash(email, secrets.LOOKUP_HASH_KEY),
        emailCiphertext: encryptField(email, ring),
        legacyPasswordHash: "5f4dcc3b5aa765d61d8327deb882cf99",
        legacyHashAlgorithm: "md5",
        exposures: { create: [{ groupId: group.id }] },
      },
      select: { id: true },
    });
    const id = randomBytes(32).toString("base64url");
    await db.customerSession.create({
      data: { idHash: bearerTokenHash(id), customerId: customer.id, clientHash: "bench", expiresAt: new Date(Date.now() + 2 * 3600_000) },
    });
    const header = await cookie.serialize(id);
    cookies.push(header.slice(0, header.indexOf(";")));
  }
  return cookies;
}

/** Password changes per second from CLIENTS customers at once, and the notice page's latency meanwhile. */
export async function benchPasswordChanges(
  base: string,
  secrets: ServerSecrets,
  seconds: number,
  reportRaw: (rate: number) => void,
): Promise<void> {
  const db = createDb(secrets.DATABASE_URL);
  const cookies = await verifiedCustomers(db, secrets, CLIENTS, `bench-change-${Date.now()}`);
  // The check figures before leave a thousand checks to answer; let the server finish them first.
  while ((await db.checkRequest.count()) > 0) await new Promise((resolve) => setTimeout(resolve, 500));
  await db.$disconnect();
  const rawRate = await rawArgon2Rate(seconds);
  reportRaw(rawRate);
  const deadline = performance.now() + seconds * 1000;
  const statuses = new Map<number, number>();
  let changes = 0;
  const clients = cookies.map(async (initial) => {
    let cookie = initial;
    while (performance.now() < deadline) {
      // A fresh random password each time: passes every rule, so each request does the whole change.
      const password = randomBytes(12).toString("base64url");
      const response = await fetch(`${base}/my/password`, {
        method: "POST",
        redirect: "manual",
        headers: { Origin: base, Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ password, confirm: password }),
      });
      await response.arrayBuffer();
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      // Each change ends every session and starts a new one: follow it, as a browser would.
      const next = response.headers.get("set-cookie");
      if (response.status === 302 && next) {
        cookie = next.slice(0, next.indexOf(";"));
        changes++;
      } else if (response.status === 503) {
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  });
  const latencies: number[] = [];
  const visitor = (async () => {
    while (performance.now() < deadline) {
      const began = performance.now();
      const response = await fetch(`${base}/`, { headers: { "Accept-Language": "ja" } });
      await response.arrayBuffer();
      latencies.push(performance.now() - began);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  const began = performance.now();
  await Promise.all([...clients, visitor]);
  const elapsed = (performance.now() - began) / 1000;
  const rate = changes / elapsed;
  const answered = [...statuses].map(([status, count]) => `${status}×${count}`).join(" ");
  console.log(
    `password changes, ${CLIENTS} clients for ${seconds} s: ${rate.toFixed(1)} changes/s (${answered}); ` +
      `each is 2 argon2id (the leaked-password check on the wrapped hash, the new hash): ${(rate * 2).toFixed(1)} argon2id/s = ` +
      `${Math.round((rate * 200) / rawRate)} % of raw`,
  );
  console.log(
    `  notice page meanwhile (one visitor, ${latencies.length} loads): p50 ${percentile(latencies, 50).toFixed(1)} ms, ` +
      `p99 ${percentile(latencies, 99).toFixed(1)} ms, max ${Math.max(...latencies).toFixed(1)} ms`,
  );
}

/** Bare MD5 hashes as an import leaves them, and the job told there is work. */
async function importBareHashes(db: Db, secrets: ServerSecrets, count: number): Promise<void> {
  const prefix = `bench-wrap-${Date.now()}`;
  const ring = parseKeyRing(secrets.DATA_ENCRYPTION_KEYS);
  await db.customer.createMany({
    data: Array.from({ length: count }, (_, n) => ({
      externalId: `${prefix}-${n}`,
      emailHash: emailLookupHash(`${prefix}-${n}@example.org`, secrets.LOOKUP_HASH_KEY),
      emailCiphertext: encryptField(`${prefix}-${n}@example.org`, ring),
      legacyPasswordHash: randomBytes(16).toString("hex"),
      legacyHashAlgorithm: "md5",
    })),
  });
  await db.jobLease.upsert({ where: { name: "wrap-legacy-hashes" }, create: { name: "wrap-legacy-hashes" }, update: { finishedAt: null } });
}

/** One visitor loading the notice page while the running server wraps `count` new hashes. */
export async function benchNoticeDuringWrap(base: string, secrets: ServerSecrets, count: number): Promise<void> {
  const db = createDb(secrets.DATABASE_URL);
  await importBareHashes(db, secrets, count);
  const state = () => db.jobLease.findUniqueOrThrow({ where: { name: "wrap-legacy-hashes" }, select: { startedAt: true, finishedAt: true, done: true } });
  const latencies: number[] = [];
  const deadline = performance.now() + 120_000;
  // The server's loop looks every 10 s; measure from when the run has begun until it ends.
  while ((await state()).finishedAt === null && performance.now() < deadline) {
    const began = performance.now();
    const response = await fetch(`${base}/`, { headers: { "Accept-Language": "ja" } });
    await response.arrayBuffer();
    if ((await db.jobLease.count({ where: { name: "wrap-legacy-hashes", leaseUntil: { gt: new Date() } } })) > 0) latencies.push(performance.now() - began);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const run = await state();
  await db.$disconnect();
  const seconds = run.finishedAt && run.startedAt ? (run.finishedAt.getTime() - run.startedAt.getTime()) / 1000 : Number.NaN;
  console.log(
    `notice page while the server wraps ${count.toLocaleString("en")} hashes (${(run.done / seconds).toFixed(1)} hashes/s, one visitor, ` +
      `${latencies.length} loads): p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms`,
  );
}

/** The wrap job on `count` bare MD5 hashes in the (stopped) server's database, in this process. */
export async function benchWrapJob(secrets: ServerSecrets, count: number, rawRate: number): Promise<void> {
  Object.assign(process.env, secrets, { LOG_LEVEL: "silent" });
  const { getDb } = await import("~/db/client.server");
  const { wrapLegacyHashes } = await import("~/models/legacy-hash-wrap.server");
  const db = getDb();
  await importBareHashes(db, secrets, count);
  const began = performance.now();
  const outcome = await wrapLegacyHashes();
  const rate = count / ((performance.now() - began) / 1000);
  await db.$disconnect();
  console.log(
    `wrap job, ${count.toLocaleString("en")} MD5 hashes (${outcome}): ${rate.toFixed(1)} hashes/s = ${Math.round((rate * 100) / rawRate)} % of raw argon2id`,
  );
}
