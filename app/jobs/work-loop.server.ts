// A piece of background work that runs every so often and at once when kicked, never
// twice at the same time within one process (other instances are kept apart by the
// database claims the work itself makes).
import { logger } from "~/utils/logger.server";

export interface WorkLoop {
  /** Run as soon as possible (again after the current run, if one is going). */
  kick(): void;
  /** Stop scheduling, ask a run in progress to stop (its signal aborts), and wait for it. */
  stop(): Promise<void>;
}

/** `work` gets a signal that aborts when the loop stops; long work checks it between steps. */
export function startWorkLoop(name: string, work: (signal: AbortSignal) => Promise<void>, intervalMs: number): WorkLoop {
  const stopping = new AbortController();
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;

  function schedule(delayMs: number) {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(run, delayMs);
    timer.unref();
  }

  function run() {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = work(stopping.signal)
      .catch((err: unknown) => logger.error({ err, job: name }, "background work failed; it will be retried"))
      .finally(() => {
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
