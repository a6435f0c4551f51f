// Instead of a fixed sleep to show that something did not happen: wait until each background
// loop concerned has finished a whole run begun after that point, on every app instance that
// could have done it (each counts its own runs on /metrics: madoguchi_background_loop_runs_total).
import { readFileSync } from "node:fs";
import { expect } from "@playwright/test";
import type { BackgroundLoop } from "../../app/domain/operations/loops";
import { APP_PORTS } from "../../playwright.config";
import { parseMetrics, sampleValue } from "./operations";
import { secretsFileFor } from "./secrets-file";
import { testServerSecrets } from "./staff";

export interface AppInstance {
  url: string;
  metricsToken: string;
}

/** The shared test server's processes (two behind nginx in the PostgreSQL suite), and `extra` ones on its secrets. */
export function sharedInstances(...extraUrls: string[]): AppInstance[] {
  const metricsToken = testServerSecrets().METRICS_TOKEN;
  return [...APP_PORTS.map((port) => `http://127.0.0.1:${port}`), ...extraUrls].map((url) => ({ url, metricsToken }));
}

/** A server a test started with tests/support/own-server.ts, which keeps its secrets by its port. */
export function ownInstance(port: number): AppInstance {
  const { METRICS_TOKEN } = JSON.parse(readFileSync(secretsFileFor(port), "utf8")) as { METRICS_TOKEN: string };
  return { url: `http://127.0.0.1:${port}`, metricsToken: METRICS_TOKEN };
}

async function runsOf(instance: AppInstance, loop: BackgroundLoop): Promise<{ started: number; finished: number }> {
  const response = await fetch(`${instance.url}/metrics`, { headers: { Authorization: `Bearer ${instance.metricsToken}` } });
  if (!response.ok) throw new Error(`${instance.url}/metrics answered ${response.status}`);
  const samples = parseMetrics(await response.text());
  const count = (stage: string) => sampleValue(samples, "madoguchi_background_loop_runs_total", { loop, stage }) ?? 0;
  return { started: count("started"), finished: count("finished") };
}

/**
 * Returns once every loop named has, on every instance, finished a run that began after this
 * call: runs of one loop take turns, so when more have finished than had begun at the call,
 * the first one begun afterwards is done. For a chain (a check answered, then its mail sent),
 * call once per step.
 */
export async function afterWholeRuns(loops: BackgroundLoop[], instances: AppInstance[] = sharedInstances(), timeout = 30_000): Promise<void> {
  await Promise.all(
    instances.flatMap((instance) =>
      loops.map(async (loop) => {
        const { started } = await runsOf(instance, loop);
        await expect
          .poll(async () => (await runsOf(instance, loop)).finished, { timeout, message: `a whole ${loop} run on ${instance.url}` })
          .toBeGreaterThan(started);
      }),
    ),
  );
}
