// Password hashing figures (part of `npm run bench`), each next to its floor measured in the
// same run: raw argon2id with the app's parameters on every core for the hashing rates, and
// the notice page's latency for one visitor while the server is idle for its latency under load.
//  - password changes per second from 50 clients at once, each a verified customer looping
//    on the change form through the built server, while one visitor loads the notice page
//    over and over: its latency during that load;
//  - the notice page's latency while the server's wrap job works through new MD5 hashes;
//  - the wrap job's throughput on freshly imported MD5 hashes, as a share of the raw rate.
import { createHash, randomBytes } from "node:crypto";
import os from "node:os";
import argon2 from "argon2";
import { createCookie } from "@remix-run/node";
import { createDb, type Db } from "~/db/client.server";
import { leakedPasswordVariants, MAX_LEAKED_VARIANTS } from "~/domain/passwords/leaked-variants";
import { leakedPasswordMatch, wrapLegacyHash } from "~/models/legacy-password.server";
import { bearerTokenHash } from "~/utils/bearer-token.server";
import { ARGON2_PARAMETERS } from "~/utils/password.server";
import { emailLookupHash, encryptField, parseKeyRing } from "~/utils/personal-data.server";
import { single, summarize, type Figure, type Section } from "./report";

export interface ServerSecrets {
  SESSION_SECRET: string;
  LOOKUP_HASH_KEY: string;
  DATA_ENCRYPTION_KEYS: string;
  DATABASE_URL: string;
}

const CLIENTS = 50;
/** The visitor's pause between loads of the notice page. */
const VISITOR_PAUSE_MS = 20;
const IDLE = "the same visitor, server idle";

/** One visitor loading the notice page, a pause between loads, for as long as `going()` says. */
async function visitor(base: string, going: () => boolean | Promise<boolean>, counts: () => boolean | Promise<boolean> = () => true): Promise<number[]> {
  const latencies: number[] = [];
  while (await going()) {
    const began = performance.now();
    const response = await fetch(`${base}/`, { headers: { "Accept-Language": "ja" } });
    await response.arrayBuffer();
    const took = performance.now() - began;
    if (await counts()) latencies.push(took);
    await new Promise((resolve) => setTimeout(resolve, VISITOR_PAUSE_MS));
  }
  return latencies;
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

export interface IdleFloors {
  /** argon2id hashes per second on every core while the server is idle. */
  rawRate: number;
  /** The notice page's latency for one visitor while nothing else runs. */
  idle: Figure;
}

/** Password changes per second from CLIENTS customers at once, and the notice page's latency
 * meanwhile; returns the floors it measured first, with the server idle. */
export async function benchPasswordChanges(base: string, secrets: ServerSecrets, seconds: number, section: Section): Promise<IdleFloors> {
  const db = createDb(secrets.DATABASE_URL);
  const cookies = await verifiedCustomers(db, secrets, CLIENTS, `bench-change-${Date.now()}`);
  // The check figures before leave a thousand checks to answer; let the server finish them first.
  while ((await db.checkRequest.count()) > 0) await new Promise((resolve) => setTimeout(resolve, 500));
  await db.$disconnect();
  const rawRate = await rawArgon2Rate(seconds);
  const idleUntil = performance.now() + seconds * 1000;
  const idle = summarize(await visitor(base, () => performance.now() < idleUntil));
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
  const began = performance.now();
  const [latencies] = await Promise.all([visitor(base, () => performance.now() < deadline), ...clients]);
  const elapsed = (performance.now() - began) / 1000;
  const rate = changes / elapsed;
  const answered = [...statuses].map(([status, count]) => `${status}×${count}`).join(" ");
  const raw = { what: "raw argon2id, all cores, server idle", figure: single(rawRate, "hashes/s") };
  // Each change is 2 argon2id: the leaked-password check on the wrapped hash, and the new hash.
  section.add({
    what: `password changes, ${CLIENTS} clients for ${seconds} s, as argon2id hashes (2 a change)`,
    measured: single(rate * 2, "hashes/s"),
    floor: raw,
    note: `${rate.toFixed(1)} changes/s; answers ${answered}`,
  });
  section.add({
    what: `notice page meanwhile, one visitor every ${VISITOR_PAUSE_MS} ms`,
    measured: summarize(latencies),
    floor: { what: IDLE, figure: idle },
    note: `max ${Math.max(...latencies).toFixed(1)} ms`,
  });
  return { rawRate, idle };
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
export async function benchNoticeDuringWrap(base: string, secrets: ServerSecrets, count: number, section: Section, floors: IdleFloors): Promise<void> {
  const db = createDb(secrets.DATABASE_URL);
  await importBareHashes(db, secrets, count);
  const state = () => db.jobLease.findUniqueOrThrow({ where: { name: "wrap-legacy-hashes" }, select: { startedAt: true, finishedAt: true, done: true } });
  const deadline = performance.now() + 120_000;
  // The server's loop looks every 10 s; measure from when the run has begun until it ends.
  const latencies = await visitor(
    base,
    async () => (await state()).finishedAt === null && performance.now() < deadline,
    async () => (await db.jobLease.count({ where: { name: "wrap-legacy-hashes", leaseUntil: { gt: new Date() } } })) > 0,
  );
  const run = await state();
  await db.$disconnect();
  const seconds = run.finishedAt && run.startedAt ? (run.finishedAt.getTime() - run.startedAt.getTime()) / 1000 : Number.NaN;
  section.add({
    what: `notice page while the running server wraps ${count.toLocaleString("en")} MD5 hashes, one visitor`,
    measured: summarize(latencies),
    floor: { what: IDLE, figure: floors.idle },
  });
  section.add({
    what: "the wrap job meanwhile, in the running server",
    measured: single(run.done / seconds, "hashes/s"),
    floor: { what: "raw argon2id, all cores, server idle", figure: single(floors.rawRate, "hashes/s") },
  });
}

/** The wrap job on `count` bare MD5 hashes in the (stopped) server's database, in this process. */
export async function benchWrapJob(secrets: ServerSecrets, count: number, rawRate: number, section: Section): Promise<void> {
  Object.assign(process.env, secrets, { LOG_LEVEL: "silent" });
  const { getDb } = await import("~/db/client.server");
  const { wrapLegacyHashes } = await import("~/jobs/legacy-hash-wrap.server");
  const db = getDb();
  await importBareHashes(db, secrets, count);
  const began = performance.now();
  const outcome = await wrapLegacyHashes();
  const rate = count / ((performance.now() - began) / 1000);
  await db.$disconnect();
  section.add({
    what: `the wrap job alone on ${count.toLocaleString("en")} MD5 hashes, server stopped`,
    measured: single(rate, "hashes/s"),
    floor: { what: "raw argon2id, all cores, server stopped", figure: single(rawRate, "hashes/s") },
    note: String(outcome),
  });
}

/** Passwords the policy lets through, as people choose them: with separators, symbols and digits, or none. */
const CHOSEN = ["Hanabi_2019!", "!!Summer-Sea-1987", "s@kura-no-hana2024", "窓口で春を待つ猫と柴犬", "correct horse battery staple"];

/**
 * What refusing the leaked password's variants costs one change: the check against a wrapped
 * hash (as the wrap job leaves every leaked one) for passwords that are not the leaked one, so
 * every form is compared. Its unit, one argon2id verification, is the floor.
 */
export async function benchLeakedCheck(section: Section): Promise<void> {
  const wrapped = (await wrapLegacyHash("md5", createHash("md5").update("sakura2015").digest("hex")))!;
  const record = { legacyHashAlgorithm: "md5", legacyPasswordHash: null, legacyHashParameters: wrapped.parameters, legacyHashWrapped: wrapped.wrapped };
  const checks: number[] = [];
  const verifications: number[] = [];
  for (let round = 0; round < 6; round++) {
    for (const password of CHOSEN) {
      const began = performance.now();
      await leakedPasswordMatch(record, password);
      if (round > 0) checks.push(performance.now() - began);
    }
    for (let n = 0; n < CHOSEN.length; n++) {
      const began = performance.now();
      await argon2.verify(wrapped.wrapped, randomBytes(16).toString("hex"));
      if (round > 0) verifications.push(performance.now() - began);
    }
  }
  const comparisons = CHOSEN.map((password) => 1 + leakedPasswordVariants(password.normalize("NFKC")).length);
  section.add({
    what: "leaked-password check of one change, wrapped hash, variants included",
    measured: summarize(checks),
    floor: { what: "one argon2id verification", figure: summarize(verifications) },
    note: `${Math.min(...comparisons)}–${Math.max(...comparisons)} comparisons for these passwords, at most ${2 + MAX_LEAKED_VARIANTS}; one core`,
  });
}
