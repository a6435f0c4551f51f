// `npm run keys:reseal` as an operator runs it, on a real SQLite file: what it prints, its exit
// codes, and that no value (sealed or not) ever reaches the terminal.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { resolve } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createDb, type Db } from "~/db/client.server";
import { encryptField, parseKeyRing } from "~/utils/personal-data.server";
import { scratchSqliteDatabase } from "../support/scratch-sqlite";

// The command starts in an empty folder, so no developer's .env fills anything in.
const { dir, url } = scratchSqliteDatabase("reseal-cli");
const k1 = `k1:${randomBytes(32).toString("base64")}`;
const k2 = `k2:${randomBytes(32).toString("base64")}`;
const PLAINTEXTS = ["cli-customer@example.com", "田中 太郎", "cli-check@example.com"];
let db: Db;
const envelopes: string[] = [];

function reseal(args: string[], language = "en") {
  const result = spawnSync(resolve("node_modules/.bin/tsx"), [resolve("app/cli/reseal.ts"), ...args], {
    cwd: dir,
    env: {
      PATH: process.env.PATH ?? "",
      NODE_ENV: "production",
      LANG: language,
      TSX_TSCONFIG_PATH: resolve("tsconfig.json"),
      DATABASE_URL: url,
      SESSION_SECRET: randomBytes(32).toString("base64url"),
      LOOKUP_HASH_KEY: randomBytes(32).toString("base64url"),
      DATA_ENCRYPTION_KEYS: `${k2},${k1}`,
    },
    encoding: "utf8",
    timeout: 60_000,
  });
  const output = result.stdout + result.stderr;
  for (const secret of [...PLAINTEXTS, ...envelopes]) expect(output).not.toContain(secret);
  return { status: result.status, output };
}

beforeAll(async () => {
  db = createDb(url);
  const ring = parseKeyRing(k1);
  envelopes.push(...PLAINTEXTS.map((plaintext) => encryptField(plaintext, ring)));
  await db.customer.create({ data: { externalId: "C1", emailHash: "h1", emailCiphertext: envelopes[0]!, nameCiphertext: envelopes[1]! } });
  await db.checkRequest.create({ data: { emailHash: "h2", emailCiphertext: envelopes[2]!, language: "en" } });
}, 60_000);

afterAll(async () => {
  await db.$disconnect();
});

it("counts with --check, reseals, and then tells the operator the old key can go", { timeout: 180_000 }, async () => {
  const before = reseal(["--check"]);
  expect(before.status).toBe(1);
  expect(before.output).toContain("Customer: 1 rows; by key: k1 2; 0 unreadable");
  expect(before.output).toContain("k1: 3");
  expect(before.output).toContain("keep those keys");
  expect(await db.customer.findFirstOrThrow({ select: { emailCiphertext: true } })).toEqual({ emailCiphertext: envelopes[0] });

  const run = reseal([]);
  expect(run.status).toBe(0);
  expect(run.output).toContain("Customer: 1 rows; by key: k1 2; 2 resealed, 0 changed by the app meanwhile, 0 unreadable");
  expect(run.output).toContain("CheckRequest: 1 rows; by key: k1 1; 1 resealed");
  expect(run.output).toContain("k2 (first key, encrypts): 3");
  expect(run.output).toContain("  k1: 0");
  expect(run.output).toContain("No envelope names these keys any more: k1.");

  const after = reseal(["--check"], "ja_JP.UTF-8");
  expect(after.status).toBe(0);
  expect(after.output).toContain("すべての値が先頭の鍵 k2 で暗号化されています。");
});
