// The bench's results collector and its markdown (tests/bench/report.ts): what the generated
// section of docs/benchmarks.md says, and that writing it leaves the hand-written history alone.
import { describe, expect, test } from "vitest";
import {
  cell,
  commandLine,
  createReport,
  formatNumber,
  percentile,
  ratio,
  renderResults,
  RESULTS_END,
  RESULTS_START,
  spliceResults,
  summarize,
  type Knob,
  type RunInfo,
} from "../bench/report";

const knobs: Knob[] = [
  { name: "BENCH_SECONDS", value: "2", default: "10", meaning: "seconds per load run" },
  { name: "BENCH_DASHBOARD", value: undefined, default: "1", meaning: "0 skips the dashboard" },
];

function run(overrides: Partial<RunInfo> = {}): RunInfo {
  return {
    date: new Date("2026-11-22T05:06:07Z"),
    machine: {
      cpu: "AMD EPYC 7B13",
      cpus: 2,
      memoryGiB: 24,
      os: "Debian GNU/Linux 12 (bookworm)",
      node: "v20.20.2",
      postgres: "15.20",
      loadAverage: [0.5, 0.25, 1],
    },
    knobs,
    totalSeconds: 754,
    parts: [
      { name: "notice page", seconds: 40 },
      { name: "import", seconds: 75.4 },
    ],
    failures: [],
    ...overrides,
  };
}

describe("figures", () => {
  test("percentiles are nearest-rank over unsorted samples", () => {
    const samples = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(percentile(samples, 50)).toBe(5);
    expect(percentile(samples, 95)).toBe(10);
    expect(percentile(samples, 10)).toBe(1);
    expect(percentile([], 50)).toBeNaN();
    expect(summarize(samples)).toEqual({ unit: "ms", median: 5, p95: 10, p99: 10, n: 10 });
  });

  test("the ratio is measured over floor by medians, for times and for rates alike", () => {
    expect(ratio({ what: "page", measured: { unit: "ms", median: 30 }, floor: { what: "bare", figure: { unit: "ms", median: 2 } } })).toBe(15);
    expect(ratio({ what: "hashing", measured: { unit: "hashes/s", median: 45 }, floor: { what: "raw", figure: { unit: "hashes/s", median: 90 } } })).toBe(0.5);
    expect(ratio({ what: "alone", measured: { unit: "µs", median: 70 } })).toBeUndefined();
  });

  test("numbers keep fewer decimals as they grow, and say n/a when a figure could not be read", () => {
    expect(formatNumber(0.123)).toBe("0.12");
    expect(formatNumber(12.345)).toBe("12.3");
    expect(formatNumber(4184.4)).toBe("4,184");
    expect(formatNumber(Number.NaN)).toBe("n/a");
    expect(formatNumber(undefined)).toBe("—");
  });

  test("a floor in another unit than its measurement is refused when added", () => {
    const section = createReport().section("Passwords", "");
    expect(() =>
      section.add({ what: "changes", measured: { unit: "req/s", median: 22 }, floor: { what: "raw", figure: { unit: "hashes/s", median: 70 } } }),
    ).toThrow(/req\/s.*hashes\/s/);
  });

  test("each row added is also told to the log, with its floor and ratio", () => {
    const lines: string[] = [];
    const section = createReport((line) => lines.push(line)).section("Notice page", "");
    section.add({ what: "rush, latency", measured: { unit: "ms", median: 9, p99: 31 }, floor: { what: "bare", figure: { unit: "ms", median: 3 } } });
    expect(lines).toEqual(["Notice page, rush, latency: 9.00 ms, p99 31.0 ms; floor (bare) 3.00 ms, 3.00 ×"]);
  });
});

describe("the generated section", () => {
  function sampleReport() {
    const report = createReport();
    const notice = report.section("Notice page", "GET / under autocannon.");
    notice.add({
      what: "rush, throughput",
      measured: { unit: "req/s", median: 4184 },
      floor: { what: "bare node:http, same bytes", figure: { unit: "req/s", median: 20920 } },
      note: "200×41840",
    });
    notice.add({
      what: "rush, latency",
      measured: { unit: "ms", median: 9, p99: 31, n: 41840 },
      floor: { what: "bare node:http, same bytes", figure: { unit: "ms", median: 2 } },
    });
    report.enumerationTiming(
      [
        {
          path: "/check",
          n: 600,
          knownMeanMs: 15.41,
          unknownMeanMs: 15.48,
          knownMedianMs: 15.55,
          unknownMedianMs: 15.76,
          meanDiffMs: -0.07,
          ci95Ms: 0.34,
          identicalResponses: true,
        },
      ],
      "Known against unknown.",
    );
    report.section("Dashboard on PostgreSQL", "Skipped: no server at 127.0.0.1:5432.");
    return report;
  }

  test("says when, on what, with which command, and how long it took", () => {
    const text = renderResults(sampleReport(), run());
    expect(text.startsWith(RESULTS_START)).toBe(true);
    expect(text.endsWith(RESULTS_END)).toBe(true);
    expect(text).toContain("- **Date**: 2026-11-22 05:06 UTC");
    expect(text).toContain(
      "- **Machine**: 2 × AMD EPYC 7B13, 24 GiB, Debian GNU/Linux 12 (bookworm), Node v20.20.2, PostgreSQL 15.20; load average at the start 0.50, 0.25, 1.00",
    );
    expect(text).toContain("- **Command**: `BENCH_SECONDS=2 npm run bench`");
    expect(text).toContain("- **Took**: 12 min 34 s after the build (notice page 40 s, import 1 min 15 s)");
    expect(text).toContain("| `BENCH_SECONDS` | `2` | `10` | seconds per load run |");
    expect(text).toContain("| `BENCH_DASHBOARD` | (default) | `1` | 0 skips the dashboard |");
  });

  test("a run with shrunken knobs says it is not the reference", () => {
    expect(renderResults(sampleReport(), run())).toContain("> **Not the reference figures**: this run changed `BENCH_SECONDS=2` from the defaults.");
    const defaults = knobs.map((knob) => ({ ...knob, value: undefined }));
    expect(renderResults(sampleReport(), run({ knobs: defaults }))).not.toContain("Not the reference");
  });

  test("one table per area: median, the percentiles some row has, the floor and the ratio", () => {
    const text = renderResults(sampleReport(), run());
    expect(text).toContain(
      [
        "### Notice page",
        "",
        "GET / under autocannon.",
        "",
        "| measurement | median | p99 | floor | floor's median | ratio | notes |",
        "| --- | --- | --- | --- | --- | --- | --- |",
        "| rush, throughput | 4,184 req/s | — | bare node:http, same bytes | 20,920 req/s | 0.20 × | 200×41840 |",
        "| rush, latency (n 41,840) | 9.00 ms | 31.0 ms | bare node:http, same bytes | 2.00 ms | 4.50 × |  |",
      ].join("\n"),
    );
  });

  test("the enumeration section has its own table, and a skipped part says so", () => {
    const text = renderResults(sampleReport(), run());
    expect(text).toContain("### Enumeration timing: known vs unknown addresses");
    expect(text).toContain("| /check | 600 | 15.6 ms | 15.8 ms | 15.4 ms | 15.5 ms | -0.07 ± 0.34 ms | yes |");
    expect(text).toContain("### Dashboard on PostgreSQL\n\nSkipped: no server at 127.0.0.1:5432.\n\n_No figures: this part did not run to its end._");
  });

  test("failed parts are listed", () => {
    const text = renderResults(sampleReport(), run({ failures: ["dashboard: statements reading a big table\nwithout an index"] }));
    expect(text).toContain("**Parts that failed** (their figures are missing or partial):\n\n- dashboard: statements reading a big table without an index");
  });

  test("a pipe in a name cannot end its cell early", () => {
    expect(cell("a | b\nc")).toBe("a \\| b c");
  });

  test("the command quotes what the shell would split", () => {
    expect(commandLine([{ name: "PG_ADMIN_URL", value: "postgresql://root@127.0.0.1:5432/postgres", default: "", meaning: "" }])).toBe(
      "PG_ADMIN_URL=postgresql://root@127.0.0.1:5432/postgres npm run bench",
    );
    expect(commandLine([{ name: "DESK_TIME_ZONE", value: "it's here", default: "", meaning: "" }])).toBe("DESK_TIME_ZONE='it'\\''s here' npm run bench");
  });
});

describe("writing into docs/benchmarks.md", () => {
  const history = "## 2026-11-21 — foundation (issue 2)\n\nHand-written figures.\n";
  const results = `${RESULTS_START}\nnew figures\n${RESULTS_END}`;

  test("replaces only what is between the markers", () => {
    const document = `# Benchmarks\n\nIntro.\n\n${RESULTS_START}\nold figures\n${RESULTS_END}\n\n${history}`;
    expect(spliceResults(document, results)).toBe(`# Benchmarks\n\nIntro.\n\n${results}\n\n${history}`);
  });

  test("the first time, puts the section right after the title", () => {
    expect(spliceResults(`# Benchmarks\n\n${history}`, results)).toBe(`# Benchmarks\n\n${results}\n\n${history}`);
  });

  test("refuses a document whose markers were lost or doubled, rather than overwrite history", () => {
    expect(() => spliceResults(`# Benchmarks\n${RESULTS_START}\n${history}`, results)).toThrow(/expected one/);
    expect(() => spliceResults(`# Benchmarks\n${RESULTS_END}\nx\n${RESULTS_START}\n`, results)).toThrow(/expected one/);
    expect(() => spliceResults(`${RESULTS_START}${RESULTS_END}${RESULTS_START}${RESULTS_END}`, results)).toThrow(/expected one/);
  });
});
