import { afterEach, describe, expect, it, vi } from "vitest";
import { logger } from "~/utils/logger.server";
import { loopRuns, startWorkLoop, SUCCESS_RECORD_INTERVAL_MS, type LoopReporter, type WorkLoop } from "./work-loop.server";

function recorder() {
  const events: string[] = [];
  const reporter: LoopReporter = {
    success: async (name) => void events.push(`${name}: ok`),
    failure: async (name, error) => void events.push(`${name}: ${(error as Error).message}`),
  };
  return { events, reporter };
}

/** Lets the loop's promise chain settle after a timer fired. */
const settle = () => vi.advanceTimersByTimeAsync(0);

// The failures below are on purpose; their log lines would only clutter the test output.
logger.level = "silent";

describe("work loop status", () => {
  let loop: WorkLoop | undefined;
  afterEach(async () => {
    await loop?.stop();
    vi.useRealTimers();
  });

  it("records every failure, and a clean run at most once a minute or right after a failure", async () => {
    vi.useFakeTimers();
    const { events, reporter } = recorder();
    const outcomes = [null, null, "SMTP down", null, null];
    let runs = 0;
    loop = startWorkLoop(
      "outbox",
      async () => {
        const failure = outcomes[runs++];
        if (failure) throw new Error(failure);
      },
      1_000,
      reporter,
    );
    await settle();
    expect(events).toEqual(["outbox: ok"]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(runs).toBe(2);
    expect(events).toEqual(["outbox: ok"]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(events).toEqual(["outbox: ok", "outbox: SMTP down"]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(events).toEqual(["outbox: ok", "outbox: SMTP down", "outbox: ok"]);
    await vi.advanceTimersByTimeAsync(SUCCESS_RECORD_INTERVAL_MS);
    expect(events.at(-1)).toBe("outbox: ok");
    expect(events).toHaveLength(4);
  });

  it("goes on when the status can't be written", async () => {
    vi.useFakeTimers();
    let runs = 0;
    const broken: LoopReporter = {
      success: () => Promise.reject(new Error("database is locked")),
      failure: () => Promise.reject(new Error("database is locked")),
    };
    loop = startWorkLoop(
      "housekeeping",
      async () => {
        runs++;
        if (runs % 2 === 0) throw new Error("boom");
      },
      1_000,
      broken,
    );
    await settle();
    await vi.advanceTimersByTimeAsync(3_000);
    expect(runs).toBe(4);
  });

  it("counts each run when it begins and when it ends, failed ones too", async () => {
    vi.useFakeTimers();
    let finish: () => void = () => {};
    let runs = 0;
    loop = startWorkLoop(
      "deletion-webhook",
      () => {
        if (++runs === 2) return Promise.reject(new Error("webhook down"));
        return new Promise<void>((resolve) => (finish = resolve));
      },
      1_000,
      recorder().reporter,
    );
    await settle();
    expect(loopRuns().get("deletion-webhook")).toEqual({ started: 1, finished: 0 });
    finish();
    await settle();
    expect(loopRuns().get("deletion-webhook")).toEqual({ started: 1, finished: 1 });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(loopRuns().get("deletion-webhook")).toEqual({ started: 2, finished: 2 });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(loopRuns().get("deletion-webhook")).toEqual({ started: 3, finished: 2 });
    finish();
  });
});
