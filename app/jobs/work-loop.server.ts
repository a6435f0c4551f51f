// A piece of background work that runs every so often and at once when kicked, never
// twice at the same time within one process (other instances are kept apart by the
// database claims the work itself makes).
import { recordLoopFailure, recordLoopSuccess } from "~/models/operations/loop-status.server";
import { logger } from "~/utils/logger.server";
import { singleton } from "~/utils/singleton.server";

export interface WorkLoop {
  /** Run as soon as possible (again after the current run, if one is going). */
  kick(): void;
  /** Stop scheduling, ask a run in progress to stop (its signal aborts), and wait for it. */
  stop(): Promise<void>;
}

/** Where a loop's outcomes go for the operations view (BackgroundJobStatus rows). */
export interface LoopReporter {
  success(name: string, now: Date): Promise<void>;
  failure(name: string, error: unknown, now: Date): Promise<void>;
}

const databaseReporter: LoopReporter = { success: (name, now) => recordLoopSuccess(name, now), failure: recordLoopFailure };

/** A clean run is written at most this often per loop and process; a failure always. */
export const SUCCESS_RECORD_INTERVAL_MS = 60_000;

/** How many runs of a loop this process has begun and finished, failed ones included. */
export interface LoopRuns {
  started: number;
  finished: number;
}

// Counted on /metrics: a run begun after something happened and since finished is the
// positive sign that the loop has seen it (what the browser tests wait for instead of sleeping).
const runsByLoop = () => singleton("work-loop-runs", () => new Map<string, LoopRuns>());

export function loopRuns(): ReadonlyMap<string, Readonly<LoopRuns>> {
  return runsByLoop();
}

/** `work` gets a signal that aborts when the loop stops; long work checks it between steps. */
export function startWorkLoop(
  name: string,
  work: (signal: AbortSignal) => Promise<void>,
  intervalMs: number,
  reporter: LoopReporter = databaseReporter,
): WorkLoop {
  const stopping = new AbortController();
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let successRecordedAt = -Infinity;
  let lastRunFailed = false;
  const runs = runsByLoop().get(name) ?? { started: 0, finished: 0 };
  runsByLoop().set(name, runs);

  function schedule(delayMs: number) {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(run, delayMs);
    timer.unref();
  }

  // The loop must go on whatever happens to its status row (a busy or unreachable database).
  async function report(outcome: { ok: true } | { ok: false; error: unknown }) {
    if (stopping.signal.aborted) return;
    const now = new Date();
    try {
      if (!outcome.ok) {
        lastRunFailed = true;
        await reporter.failure(name, outcome.error, now);
      } else if (lastRunFailed || now.getTime() - successRecordedAt >= SUCCESS_RECORD_INTERVAL_MS) {
        // Marked before the write, so a failing write is not retried on every run either.
        successRecordedAt = now.getTime();
        lastRunFailed = false;
        await reporter.success(name, now);
      }
    } catch (err) {
      logger.warn({ err, job: name }, "could not record the background work's status");
    }
  }

  function run() {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    runs.started++;
    running = work(stopping.signal)
      .then(
        () => report({ ok: true }),
        (error: unknown) => {
          logger.error({ err: error, job: name }, "background work failed; it will be retried");
          return report({ ok: false, error });
        },
      )
      .finally(() => {
        runs.finished++;
        running = null;
        schedule(again ? 0 : intervalMs);
        again = false;
      });
  }

  schedule(0);
  return {
    kick: () => schedule(0),
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      stopping.abort();
      await running;
    },
  };
}
