// `npm run keys:reseal`: after a new key was put first in DATA_ENCRYPTION_KEYS on every
// instance, seals again under it every value still sealed under an older key, while the
// portal keeps serving; then counts, per key id, the envelopes that still name it, so the
// operator knows when an old key can go. `-- --check` only counts. Ctrl-C stops between
// pages; running it again carries on. Exit codes: 0 every envelope names the first key,
// 1 something is left (or it was stopped), 2 configuration or database trouble.
// Only counts, key ids and table names are printed: never a value, sealed or not.
import { loadConfigOrExit } from "~/config.server";
import { getDb } from "~/db/client.server";
import { addCounts, keyUsage } from "~/domain/keys/key-usage";
import { i18next, terminalLanguage } from "~/i18n/i18next.server";
import { sweepSealedTables, type TableSweep } from "~/models/keys/reseal.server";
import { parseKeyRing } from "~/utils/personal-data.server";
import { readCommandLine } from "./command-line";

const t = await i18next.getFixedT(terminalLanguage(), "operations", { keyPrefix: "reseal" });
const checkOnly = readCommandLine(t("usage"), { check: { type: "boolean" } }, 0).values.check === true;
const config = loadConfigOrExit(2);
const ring = parseKeyRing(config.DATA_ENCRYPTION_KEYS);

const stop = new AbortController();
process.on("SIGINT", () => {
  if (stop.signal.aborted) process.exit(130);
  console.error(t("stopping"));
  stop.abort();
});

const db = getDb();
try {
  let stopped = false;
  if (!checkOnly) {
    console.log(t("resealing", { keyId: ring.currentId }));
    const run = await sweepSealedTables(ring, { write: true, signal: stop.signal, onPage: progressLine() }, db);
    for (const sweep of run.tables) console.log(t("table", { ...sweep, keys: keyList(sweep) }));
    stopped = run.stopped;
  }
  if (stopped) {
    console.error(t("stopped"));
    process.exitCode = 1;
  } else {
    // Counted afresh after the writes: the app may have written meanwhile.
    console.log(t("checking"));
    const count = await sweepSealedTables(ring, { write: false, signal: stop.signal, onPage: progressLine() }, db);
    for (const sweep of count.tables) console.log(t("tableCheck", { ...sweep, keys: keyList(sweep) }));
    process.exitCode = count.stopped ? 1 : reportUsage(count.tables) ? 0 : 1;
    if (count.stopped) console.error(t("stopped"));
  }
} catch (error) {
  console.error(t("failed", { error: (error as Error).message }));
  process.exitCode = 2;
} finally {
  await db.$disconnect();
}

/** Prints the envelopes per key id and what the operator may do; true when nothing is left. */
function reportUsage(tables: TableSweep[]): boolean {
  const usage = keyUsage(tables.reduce(addCounts, { byKey: {}, unreadable: 0 }), [...ring.keys.keys()]);
  console.log(t("heading"));
  for (const key of usage.keys) {
    const line = key.current ? "keyCurrent" : key.inRing ? "keyOlder" : "keyNotInRing";
    console.log(t(line, { keyId: key.keyId, count: key.envelopes }));
  }
  if (usage.unreadable > 0) console.log(t("unreadable", { count: usage.unreadable }));
  if (usage.keys.some((key) => !key.current && key.envelopes > 0)) console.log(t("leftOver"));
  if (usage.retirable.length > 0) console.log(t("retirable", { keys: usage.retirable.join(", ") }));
  if (usage.done) console.log(t("done", { keyId: ring.currentId }));
  return usage.done;
}

function keyList(sweep: TableSweep): string {
  const entries = Object.entries(sweep.byKey);
  return entries.length === 0 ? t("noEnvelopes") : entries.map(([keyId, count]) => `${keyId} ${count}`).join(", ");
}

/** On a large table, a line every ten seconds so the operator sees it move. */
function progressLine() {
  let last = performance.now();
  return (sweep: TableSweep) => {
    if (performance.now() - last < 10_000) return;
    last = performance.now();
    console.log(t("progress", { table: sweep.table, rows: sweep.rows }));
  };
}
