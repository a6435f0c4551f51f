// Every environment variable `npm run bench` reads, in one place: the parts read their values
// here, and the generated section of docs/benchmarks.md lists them with this run's values.
import type { Knob } from "./report";

const KNOBS = {
  BENCH_SECONDS: { default: "10", meaning: "seconds per load run (notice page, password changes, raw argon2id)" },
  BENCH_PORT: { default: "3200", meaning: "first port: the main server; +1 its bare floor server; the queue +10/+11, the dashboard +20/+21" },
  BENCH_ENUMERATION_PAIRS: {
    default: "100",
    meaning: "known/unknown pairs per form in the enumeration timing (the check, a visitor's inquiry, the customer and staff sign-ins)",
  },
  BENCH_NOTICE_WRAP_HASHES: { default: "1000", meaning: "MD5 hashes the running server wraps while the notice page is timed" },
  BENCH_WRAP_HASHES: { default: "2000", meaning: "MD5 hashes the wrap job works through alone (0 skips it)" },
  BENCH_IMPORT_ROWS: { default: "1000000", meaning: "lines of the generated import file (0 skips the import)" },
  BENCH_INQUIRIES: { default: "100000", meaning: "inquiries seeded for the staff queue (0 skips the queue)" },
  BENCH_DASHBOARD: { default: "1", meaning: "0 skips the dashboard" },
  BENCH_DASHBOARD_CUSTOMERS: { default: "1000000", meaning: "affected people seeded for the dashboard" },
  BENCH_DASHBOARD_INQUIRIES: { default: "100000", meaning: "inquiries seeded for the dashboard" },
  BENCH_DASHBOARD_HTTP: { default: "1", meaning: "0 leaves out the dashboard's pages over HTTP (readFigures only)" },
  BENCH_REPORT_FILE: { default: "docs/benchmarks.md", meaning: "the file whose generated section the run replaces (`-` prints it instead)" },
  PG_ADMIN_URL: {
    default: "postgresql://root@127.0.0.1:5432/postgres",
    meaning: "PostgreSQL server for the queue and dashboard (their PostgreSQL halves are skipped without one)",
  },
  DESK_TIME_ZONE: { default: "Asia/Tokyo", meaning: "the desk's zone for the dashboard's periods" },
} as const;

export type KnobName = keyof typeof KNOBS;

export function knobText(name: KnobName): string {
  return process.env[name] || KNOBS[name].default;
}

export function knobNumber(name: KnobName): number {
  const value = Number(knobText(name));
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number ≥ 0, not "${process.env[name]}"`);
  return value;
}

/** Ports of the parts, all from BENCH_PORT so the whole run moves together. */
export function benchPort(offset: number): number {
  return knobNumber("BENCH_PORT") + offset;
}

/** The knobs as this run read them, for the report. */
export function knobsOfThisRun(): Knob[] {
  return Object.entries(KNOBS).map(([name, knob]) => ({
    name,
    value: process.env[name] ? (name === "PG_ADMIN_URL" ? withoutPassword(process.env[name]) : process.env[name]) : undefined,
    default: knob.default,
    meaning: knob.meaning,
  }));
}

/** The admin URL as the report may show it: a password in it stays out of the docs. */
function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(not a URL)";
  }
}
