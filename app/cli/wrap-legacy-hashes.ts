// `npm run wrap:legacy-hashes`: wraps every bare legacy password hash in argon2id now, with
// a progress bar (rate, ETA) on a terminal. The app's instances do the same in the
// background; whichever holds the job's lease works, so when an instance already is, this
// shows that run's progress instead. Ctrl-C stops between batches; a later run carries on.
import cliProgress from "cli-progress";
import { loadConfigOrExit } from "~/config.server";
import { getDb } from "~/db/client.server";
import { i18next, terminalLanguage } from "~/i18n/i18next.server";
import { getWrapState, wrapLegacyHashes, type WrapOutcome, type WrapProgress } from "~/jobs/legacy-hash-wrap.server";
import { readCommandLine } from "./command-line";

const t = await i18next.getFixedT(terminalLanguage(), "staff-import");
readCommandLine(t("wrap.usage"), {}, 0);
loadConfigOrExit(2);

const stop = new AbortController();
process.on("SIGINT", () => {
  if (stop.signal.aborted) process.exit(130);
  console.error(`\n${t("wrap.cli.stopping")}`);
  stop.abort();
});

const started = performance.now();
const progress = progressReporter();
try {
  let outcome = await wrapLegacyHashes({ signal: stop.signal, onProgress: progress.update });
  if (outcome === "held-elsewhere") {
    console.log(t("wrap.cli.elsewhere"));
    outcome = await followOtherInstance();
  }
  progress.stop();
  const seconds = (performance.now() - started) / 1000;
  if (outcome === "nothing-to-do") console.log(t("wrap.cli.nothing"));
  else if (outcome === "finished") console.log(t("wrap.cli.finished", { seconds: seconds.toFixed(1) }));
  else {
    console.error(t("wrap.cli.stopped"));
    process.exitCode = 1;
  }
} finally {
  await getDb().$disconnect();
}

/** Shows another instance's run until it ends, then takes over whatever it left (if its holder died). */
async function followOtherInstance(): Promise<WrapOutcome> {
  for (;;) {
    if (stop.signal.aborted) return "stopped";
    const state = await getWrapState();
    progress.update({ total: state.total, done: state.done });
    if (!state.running) {
      const outcome = await wrapLegacyHashes({ signal: stop.signal, onProgress: progress.update });
      return outcome === "nothing-to-do" ? "finished" : outcome;
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

/** A bar with rate and ETA on a terminal; otherwise a plain line every five seconds. */
function progressReporter() {
  if (process.stdout.isTTY) {
    const bar = new cliProgress.SingleBar({
      stream: process.stdout,
      format: "{bar} {percentage}% | {value}/{total} | {rate}/s | ETA {eta_formatted}",
      etaBuffer: 20,
      hideCursor: true,
    });
    let begun = false;
    return {
      update: ({ total, done }: WrapProgress) => {
        const rate = (done / Math.max((performance.now() - started) / 1000, 0.001)).toFixed(1);
        if (!begun) bar.start(total, done, { rate });
        else bar.update(done, { rate });
        begun = true;
      },
      stop: () => begun && bar.stop(),
    };
  }
  let lastLine = 0;
  return {
    update: ({ total, done }: WrapProgress) => {
      if (performance.now() - lastLine < 5_000 && done < total) return;
      lastLine = performance.now();
      console.log(t("wrap.cli.progress", { done, total }));
    },
    stop: () => {},
  };
}
