// `npm run import:affected -- [--preview] file.csv`: imports affected records from a CSV file
// on the server (format: README, "Importing affected records"). It first prints the encoding
// the file is read in and its first names as decoded (ADR 019); `--preview` stops there,
// writing nothing, and a file in neither encoding stops there with exit 1. Then a progress
// bar with rate and ETA on a terminal, a line every few seconds otherwise. A rejected file
// lists every bad line and exits 1; nothing of it is written. Messages follow LANG (ja or en).
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import cliProgress from "cli-progress";
import { loadConfigOrExit } from "~/config.server";
import { createDb } from "~/db/client.server";
import { issueMessage } from "~/domain/import/reasons";
import { recordAudit } from "~/models/audit.server";
import { previewImportFile } from "~/models/import/preview.server";
import { i18next, terminalLanguage } from "~/i18n/i18next.server";
import { runImport, type ImportProgress } from "~/models/import/run-import.server";
import { createImportRun, ImportBusyError, listRunIssuesAfter } from "~/models/import/runs.server";
import { readCommandLine } from "./command-line";

const t = await i18next.getFixedT(terminalLanguage(), "staff-import");

function fail(message: string, code = 2): never {
  console.error(message);
  process.exit(code);
}

const { positionals, values: options } = readCommandLine(t("cli.usage"), { preview: { type: "boolean", default: false } }, 1);
const file = positionals[0];
if (!file) fail(t("cli.usage"));
const config = loadConfigOrExit(2);
const stats = existsSync(file) ? statSync(file) : null;
if (!stats?.isFile()) fail(t("cli.notFound", { file }));

const db = createDb(config.DATABASE_URL);
const started = performance.now();
try {
  // How the file reads, before anything else: mojibake is caught by eye here.
  const preview = await previewImportFile(file, stats.size);
  await recordAudit(
    {
      actor: null,
      action: "import.preview",
      result: preview.refusedAt === null ? "ok" : "failed",
      details: {
        source: "cli",
        fileName: path.basename(file).slice(0, 200),
        bytes: stats.size,
        encoding: preview.encoding,
        namesShown: preview.names.length,
        refusedAt: preview.refusedAt,
      },
    },
    db,
  );
  if (preview.refusedAt !== null) fail(t("encoding.refused", { line: preview.refusedAt }), 1);
  console.log(t(`encoding.${preview.encoding ?? "ascii"}`));
  if (!preview.nameColumn) console.log(t("preview.noNameColumn"));
  else if (preview.names.length === 0) console.log(t("preview.noNames"));
  else {
    console.log(t("cli.names"));
    for (const { line, name } of preview.names) console.log(t("cli.name", { line, name }));
  }
  if (options.preview) {
    console.log(t("cli.previewOnly"));
    process.exit(0);
  }

  const run = await createImportRun({ source: "cli", fileName: path.basename(file).slice(0, 200), bytesTotal: stats.size, startedById: null }, null, db).catch(
    (error: unknown) => {
      if (error instanceof ImportBusyError) fail(t("cli.busy"), 1);
      throw error;
    },
  );

  // Ctrl-C stops the run between steps and cleans up; a second one quits at once (the
  // database keeps nothing half-written either way, and the run is retired later).
  const stop = new AbortController();
  process.on("SIGINT", () => {
    if (stop.signal.aborted) process.exit(130);
    console.error(`\n${t("cli.stopping")}`);
    stop.abort();
  });

  const progress = progressReporter(stats.size);
  const outcome = await runImport(
    { runId: run.id, filePath: file, bytesTotal: stats.size, actor: null, onProgress: progress.update, signal: stop.signal },
    config,
  );
  progress.stop();

  if (outcome.status === "completed") {
    console.log(
      t("cli.completed", {
        lines: outcome.linesRead,
        created: outcome.customersCreated,
        updated: outcome.customersUpdated,
        exposures: outcome.exposuresWritten,
        seconds: ((performance.now() - started) / 1000).toFixed(1),
        merge: (outcome.mergeMs / 1000).toFixed(1),
      }),
    );
    if (outcome.linesSkipped > 0) console.log(t("cli.skipped", { count: outcome.linesSkipped }));
  } else if (outcome.status === "rejected") {
    console.error(t("cli.rejected", { count: outcome.errorCount }));
    // Page through the bad lines, so a file that is wrong throughout isn't held in memory.
    let after: { line: number; reason: string } | null = null;
    for (;;) {
      const issues = await listRunIssuesAfter(run.id, after, 1_000, db);
      for (const issue of issues) {
        const { key, values } = issueMessage(issue.reason, issue.detail);
        console.error(t("cli.issue", { line: issue.line, reason: issue.reason, message: t(key, values) }));
      }
      if (issues.length < 1_000) break;
      after = issues.at(-1)!;
    }
    process.exitCode = 1;
  } else {
    console.error(outcome.status === "abandoned" ? t("cli.abandoned") : t("cli.failed", { failure: outcome.failure }));
    process.exitCode = 1;
  }
} finally {
  await db.$disconnect();
}

/** A bar with rate and ETA on a terminal; otherwise a plain line every five seconds and at each change of phase. */
function progressReporter(bytesTotal: number) {
  const megabytes = (bytes: number) => (bytes / 1_048_576).toFixed(1);
  if (process.stdout.isTTY) {
    const bar = new cliProgress.SingleBar({
      stream: process.stdout,
      format: "{bar} {percentage}% | {done}/{size} MB | {rate} MB/s | ETA {eta_formatted} | {lines} lines, {bad} bad | {phase}",
      etaBuffer: 50,
      hideCursor: true,
    });
    bar.start(bytesTotal, 0, { done: "0.0", size: megabytes(bytesTotal), rate: "0.0", lines: 0, bad: 0, phase: t("status.reading") });
    return {
      update: (p: ImportProgress) => {
        const seconds = (performance.now() - started) / 1000;
        bar.update(p.bytesRead, {
          done: megabytes(p.bytesRead),
          rate: megabytes(p.bytesRead / Math.max(seconds, 0.001)),
          lines: p.linesRead,
          bad: p.errorCount,
          phase: t(`status.${p.status}`),
        });
      },
      stop: () => bar.stop(),
    };
  }
  let lastLine = 0;
  let lastStatus = "";
  return {
    update: (p: ImportProgress) => {
      if (p.status === "reading" && performance.now() - lastLine < 5_000) return;
      if (p.status !== "reading" && p.status === lastStatus) return;
      lastLine = performance.now();
      lastStatus = p.status;
      const percent = bytesTotal > 0 ? Math.floor((p.bytesRead / bytesTotal) * 100) : 100;
      console.log(
        p.status === "reading" ? t("cli.reading", { percent, lines: p.linesRead, bad: p.errorCount }) : t("cli.phase", { status: t(`status.${p.status}`) }),
      );
    },
    stop: () => {},
  };
}
