// The import of affected records at scale (part of `npm run bench`): a generated file of
// BENCH_IMPORT_ROWS lines (default 1,000,000; 0 skips this part), first loaded by sqlite3's own
// `.import` into an empty table (the floor: no checks, no encryption, no indexes), then
// imported by `npm run import:affected` into a fresh, migrated SQLite database with the demo's
// groups. Reports seconds, lines per second, the merge's write-lock time and peak memory.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { once } from "node:events";
import { knobNumber } from "./knobs";
import { single, type Section } from "./report";

const ROWS = knobNumber("BENCH_IMPORT_ROWS");
const FAMILY = ["佐藤", "鈴木", "高橋", "田中", "伊藤"];
const GIVEN = ["花子", "太郎", "陽菜", "蓮", "結衣"];

/** Customers in the demo's groups; every fourth also in the inquirers' group (a second line). */
async function writeFile(file: string, rows: number): Promise<void> {
  const out = createWriteStream(file);
  let chunk = "external_id,email,name,registered_on,group,categories,period_from,period_until,legacy_hash,legacy_hash_algorithm\n";
  let written = 0;
  for (let n = 1; written < rows; n++) {
    const id = `B${String(n).padStart(7, "0")}`;
    const customer = `${id},bench${n}@example.org,${n % 3 === 0 ? "" : `${FAMILY[n % 5]} ${GIVEN[(n >> 3) % 5]}`},20${10 + (n % 15)}-${String(1 + (n % 12)).padStart(2, "0")}-${String(1 + (n % 28)).padStart(2, "0")}`;
    const legacy = n % 2 ? "5f4dcc3b5aa765d61d8327deb882cf99,md5" : ",";
    chunk += `${customer},members,name;email;address;phone;password-hash,,,${legacy}\n`;
    written++;
    if (n % 4 === 0 && written < rows) {
      chunk += `${customer},inquirers,name;email;inquiry-content,2026-06-13,2026-06-27,${legacy}\n`;
      written++;
    }
    if (chunk.length > 1 << 16) {
      if (!out.write(chunk)) await once(out, "drain");
      chunk = "";
    }
  }
  out.end(chunk);
  await once(out, "finish");
}

function seconds(since: number): number {
  return (performance.now() - since) / 1000;
}

export async function benchImport(section: Section): Promise<void> {
  if (ROWS <= 0) return;
  const dir = mkdtempSync(path.join(tmpdir(), "madoguchi-bench-import-"));
  try {
    const file = path.join(dir, "affected.csv");
    await writeFile(file, ROWS);
    const megabytes = statSync(file).size / 1_048_576;

    let began = performance.now();
    const floor = spawnSync("sqlite3", [path.join(dir, "floor.db"), ".mode csv", `.import ${file} affected`], { encoding: "utf8" });
    if (floor.status !== 0) throw new Error(`sqlite3 .import failed: ${floor.stderr || floor.error?.message}`);
    const floorSeconds = seconds(began);

    const env = {
      ...process.env,
      DATABASE_URL: `file:${path.join(dir, "madoguchi.db")}`,
      SESSION_SECRET: randomBytes(32).toString("base64url"),
      LOOKUP_HASH_KEY: randomBytes(32).toString("base64url"),
      DATA_ENCRYPTION_KEYS: `bench:${randomBytes(32).toString("base64")}`,
      LOG_LEVEL: "silent",
      LANG: "C",
    };
    const setup = spawnSync(process.execPath, ["--import", "tsx", "app/cli/setup.ts"], { env, encoding: "utf8" });
    if (setup.status !== 0) throw new Error(`setup failed: ${setup.stderr}`);

    // GNU time reports the peak resident memory of the import process (worker threads included).
    began = performance.now();
    const run = spawnSync("/usr/bin/time", ["-f", "peak-rss-kb %M", process.execPath, "--import", "tsx", "app/cli/import-affected.ts", file], {
      env,
      encoding: "utf8",
    });
    const importSeconds = seconds(began);
    if (run.status !== 0) throw new Error(`import failed: ${run.stdout}${run.stderr}`);
    const peakMb = Number(/peak-rss-kb (\d+)/.exec(run.stderr)?.[1] ?? 0) / 1024;
    const merge = /final write ([\d.]+) s/.exec(run.stdout)?.[1] ?? "?";
    section.add({
      what: `npm run import:affected, ${ROWS.toLocaleString("en")} lines (${megabytes.toFixed(0)} MB), start to exit`,
      measured: single(importSeconds, "s"),
      floor: { what: "sqlite3 .import of the same file into one plain table", figure: single(floorSeconds, "s") },
      note: `${Math.round(ROWS / importSeconds).toLocaleString("en")} lines/s; write lock held by the merge ${merge} s; peak RSS ${peakMb.toFixed(0)} MB`,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
