// What one `npm run bench` found, as rows rather than console lines: each part of the run adds
// its measurements to a section (one `add` per figure, each with the floor it was measured
// against in the same run), and the whole is rendered as the generated section at the top of
// docs/benchmarks.md, between two markers, leaving the hand-written history below it alone.
// Pure: no clock, no files, no machine; run.ts gathers those and passes them in.

export const RESULTS_START = "<!-- bench:results:start -->";
export const RESULTS_END = "<!-- bench:results:end -->";

/** Rates are better higher, the rest lower; a ratio only compares figures of one unit. */
export type Unit = "ms" | "s" | "µs" | "req/s" | "hashes/s" | "lines/s";

export interface Figure {
  unit: Unit;
  median: number;
  p95?: number;
  p99?: number;
  /** How many samples the median and percentiles were read from. */
  n?: number;
}

export interface Row {
  what: string;
  measured: Figure;
  /** What the same work costs with the app taken out, measured in the same run. */
  floor?: { what: string; figure: Figure };
  note?: string;
}

/** One address kind against the other on one path; the shape tests/bench/enumeration-timing.ts returns. */
export interface EnumerationTimingRow {
  path: string;
  /** Requests of each kind. */
  n: number;
  knownMeanMs: number;
  unknownMeanMs: number;
  knownMedianMs: number;
  unknownMedianMs: number;
  meanDiffMs: number;
  /** Half-width of the 95 % interval of meanDiffMs. */
  ci95Ms: number;
  /** Same status and body (nonces and the address blanked) and the same Set-Cookie names, in every pair. */
  identicalResponses: boolean;
}

export const ENUMERATION_TITLE = "Enumeration timing: known vs unknown addresses";

type Block = { kind: "figures"; title: string; description: string; rows: Row[] } | { kind: "enumeration"; description: string; rows: EnumerationTimingRow[] };

export interface Section {
  add(row: Row): void;
}

export interface Knob {
  name: string;
  /** As the run read it; undefined when unset, so the default applied. */
  value: string | undefined;
  default: string;
  meaning: string;
}

export interface RunInfo {
  date: Date;
  machine: { cpu: string; cpus: number; memoryGiB: number; os: string; node: string; postgres: string; loadAverage: number[] };
  knobs: Knob[];
  /** Wall time of the whole run (after the build) and of each measured part, in order. */
  totalSeconds: number;
  parts: Array<{ name: string; seconds: number }>;
  failures: string[];
}

export interface Report {
  section(title: string, description: string): Section;
  enumerationTiming(rows: EnumerationTimingRow[], description: string): void;
  blocks(): readonly Block[];
}

/** `log` hears each row as it is added, so a long run shows its progress. */
export function createReport(log: (line: string) => void = () => undefined): Report {
  const blocks: Block[] = [];
  return {
    section(title, description) {
      const block: Block = { kind: "figures", title, description, rows: [] };
      blocks.push(block);
      return {
        add(row) {
          if (row.floor && row.floor.figure.unit !== row.measured.unit) {
            throw new Error(`bench report: "${row.what}" is in ${row.measured.unit}, its floor in ${row.floor.figure.unit}`);
          }
          block.rows.push(row);
          log(rowLine(title, row));
        },
      };
    },
    enumerationTiming(rows, description) {
      blocks.push({ kind: "enumeration", description, rows });
      for (const row of rows) {
        log(
          `${ENUMERATION_TITLE}, ${row.path}: median ${ms(row.knownMedianMs)} vs ${ms(row.unknownMedianMs)} ms, ` +
            `difference of means ${signed(row.meanDiffMs)} ± ${ms(row.ci95Ms)} ms (n ${row.n} each), ` +
            `identical responses ${row.identicalResponses ? "yes" : "NO"}`,
        );
      }
    },
    blocks: () => blocks,
  };
}

/** Nearest-rank percentile of unsorted samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** Median, p95 and p99 of timed samples. */
export function summarize(samples: readonly number[], unit: Unit = "ms"): Figure {
  return { unit, median: percentile(samples, 50), p95: percentile(samples, 95), p99: percentile(samples, 99), n: samples.length };
}

export function single(value: number, unit: Unit): Figure {
  return { unit, median: value };
}

/** measured ÷ floor, by medians: for times how many times longer, for rates the share of the floor's rate. */
export function ratio(row: Row): number | undefined {
  if (!row.floor) return undefined;
  return row.measured.median / row.floor.figure.median;
}

export function formatNumber(value: number | undefined): string {
  if (value === undefined) return "—";
  if (!Number.isFinite(value)) return "n/a";
  const magnitude = Math.abs(value);
  const digits = magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : 2;
  return value.toLocaleString("en", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function withUnit(value: number | undefined, unit: Unit): string {
  return value === undefined ? "—" : `${formatNumber(value)} ${unit}`;
}

const ms = (value: number) => formatNumber(value);
const signed = (value: number) => (value > 0 ? `+${formatNumber(value)}` : formatNumber(value));

function formatRatio(value: number | undefined): string {
  if (value === undefined) return "—";
  return `${formatNumber(value)} ×`;
}

function rowLine(title: string, row: Row): string {
  const { measured, floor } = row;
  const spread = [
    measured.p95 === undefined ? "" : `, p95 ${withUnit(measured.p95, measured.unit)}`,
    measured.p99 === undefined ? "" : `, p99 ${withUnit(measured.p99, measured.unit)}`,
  ].join("");
  const against = floor ? `; floor (${floor.what}) ${withUnit(floor.figure.median, floor.figure.unit)}, ${formatRatio(ratio(row))}` : "";
  return `${title}, ${row.what}: ${withUnit(measured.median, measured.unit)}${spread}${against}${row.note ? ` (${row.note})` : ""}`;
}

/** A table cell: no pipe or line break of its own may end the cell early. */
export function cell(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map(cell).join(" | ")} |`;
  return [line(header), `| ${header.map(() => "---").join(" | ")} |`, ...rows.map(line)].join("\n");
}

function figuresTable(rows: readonly Row[]): string {
  const hasP95 = rows.some((row) => row.measured.p95 !== undefined);
  const hasP99 = rows.some((row) => row.measured.p99 !== undefined);
  const hasNote = rows.some((row) => row.note);
  const header = [
    "measurement",
    "median",
    ...(hasP95 ? ["p95"] : []),
    ...(hasP99 ? ["p99"] : []),
    "floor",
    "floor's median",
    "ratio",
    ...(hasNote ? ["notes"] : []),
  ];
  return table(
    header,
    rows.map((row) => {
      const { measured, floor } = row;
      const n = measured.n === undefined ? "" : ` (n ${measured.n.toLocaleString("en")})`;
      return [
        `${row.what}${n}`,
        withUnit(measured.median, measured.unit),
        ...(hasP95 ? [withUnit(measured.p95, measured.unit)] : []),
        ...(hasP99 ? [withUnit(measured.p99, measured.unit)] : []),
        floor?.what ?? "—",
        floor ? withUnit(floor.figure.median, floor.figure.unit) : "—",
        formatRatio(ratio(row)),
        ...(hasNote ? [row.note ?? ""] : []),
      ];
    }),
  );
}

function enumerationTable(rows: readonly EnumerationTimingRow[]): string {
  return table(
    ["path", "n each", "known median", "unknown median", "known mean", "unknown mean", "difference of means (95 %)", "identical responses"],
    rows.map((row) => [
      row.path,
      row.n.toLocaleString("en"),
      `${ms(row.knownMedianMs)} ms`,
      `${ms(row.unknownMedianMs)} ms`,
      `${ms(row.knownMeanMs)} ms`,
      `${ms(row.unknownMeanMs)} ms`,
      `${signed(row.meanDiffMs)} ± ${ms(row.ci95Ms)} ms`,
      row.identicalResponses ? "yes" : "**no**",
    ]),
  );
}

function duration(seconds: number): string {
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${Math.round(seconds - minutes * 60)} s`;
}

/** The knobs as a shell prefix of the command, those left unset out. */
export function commandLine(knobs: readonly Knob[]): string {
  // Values are shown as typed, quoted when the shell would split them.
  const quote = (value: string) => (/^[\w.,:/@=+-]*$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`);
  return [...knobs.filter((knob) => knob.value !== undefined).map((knob) => `${knob.name}=${quote(knob.value!)}`), "npm run bench"].join(" ");
}

/** The generated section, markers included. */
export function renderResults(report: Report, run: RunInfo): string {
  const { machine } = run;
  const changed = run.knobs.filter((knob) => knob.value !== undefined && knob.value !== knob.default);
  const lines = [
    RESULTS_START,
    "## Latest run (written by `npm run bench`)",
    "",
    "Everything between the two `bench:results` markers is replaced by each run (tests/bench/run.ts);",
    "the hand-written history of earlier runs follows it.",
    "",
    `- **Date**: ${run.date.toISOString().slice(0, 16).replace("T", " ")} UTC`,
    `- **Machine**: ${machine.cpus} × ${machine.cpu}, ${machine.memoryGiB} GiB, ${machine.os}, Node ${machine.node}, PostgreSQL ${machine.postgres}; ` +
      `load average at the start ${machine.loadAverage.map((value) => value.toFixed(2)).join(", ")}`,
    `- **Command**: \`${commandLine(run.knobs)}\``,
    `- **Took**: ${duration(run.totalSeconds)} after the build (${run.parts.map((part) => `${part.name} ${duration(part.seconds)}`).join(", ")})`,
  ];
  if (changed.length > 0) {
    lines.push(
      "",
      `> **Not the reference figures**: this run changed ${changed.map((knob) => `\`${knob.name}=${knob.value}\``).join(", ")} from the defaults.`,
    );
  }
  if (run.failures.length > 0) {
    lines.push(
      "",
      "**Parts that failed** (their figures are missing or partial):",
      "",
      ...run.failures.map((failure) => `- ${failure.replace(/\r?\n/g, " ")}`),
    );
  }
  lines.push(
    "",
    "Knobs (environment variables) this run read:",
    "",
    table(
      ["knob", "this run", "default", "what it does"],
      run.knobs.map((knob) => [`\`${knob.name}\``, knob.value === undefined ? "(default)" : `\`${knob.value}\``, `\`${knob.default}\``, knob.meaning]),
    ),
    "",
    "Each figure is next to its floor, measured in the same run on the same machine: the same work",
    "with the app taken out. The ratio is the measurement's median divided by the floor's: for times,",
    "how many times longer than the floor; for rates, the share of the floor's rate.",
  );
  for (const block of report.blocks()) {
    if (block.kind === "figures") {
      lines.push(
        "",
        `### ${block.title}`,
        "",
        block.description,
        "",
        block.rows.length > 0 ? figuresTable(block.rows) : "_No figures: this part did not run to its end._",
      );
    } else {
      lines.push("", `### ${ENUMERATION_TITLE}`, "", block.description, "", enumerationTable(block.rows));
    }
  }
  lines.push(RESULTS_END);
  return lines.join("\n");
}

/** The document with its generated section replaced, or put right after the title the first time. */
export function spliceResults(document: string, results: string): string {
  const start = document.indexOf(RESULTS_START);
  const end = document.indexOf(RESULTS_END);
  const starts = document.split(RESULTS_START).length - 1;
  const ends = document.split(RESULTS_END).length - 1;
  if (starts === 1 && ends === 1 && start < end) {
    return document.slice(0, start) + results + document.slice(end + RESULTS_END.length);
  }
  if (starts === 0 && ends === 0) {
    const title = /^# .*\n/m.exec(document);
    const at = title ? title.index + title[0].length : 0;
    return `${document.slice(0, at)}\n${results}\n${document.slice(at)}`;
  }
  // A marker lost or doubled by hand: refuse rather than overwrite history.
  throw new Error(`docs/benchmarks.md: expected one ${RESULTS_START} before one ${RESULTS_END}`);
}
