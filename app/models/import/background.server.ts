// Runs an uploaded file's import in the background of the server process, on a worker thread:
// the SQLite driver is synchronous, and a merge statement of a few seconds must not stall the
// requests this process serves. Progress and outcome are in the run's row; the page polls it.
import { rm } from "node:fs/promises";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { getDb } from "~/db/client.server";
import { LIVE_STATUSES } from "~/domain/import/run-status";
import { logger } from "~/utils/logger.server";
import { singleton } from "~/utils/singleton.server";
import { workerThread } from "~/utils/worker-threads.server";
import type { ImportRequest } from "./run-import.server";
import { HEARTBEAT_MS } from "./runs.server";

export type BackgroundImport = Omit<ImportRequest, "onProgress" | "signal">;

const filesInUse = () => singleton("import-files-in-use", () => new Set<string>());

/** The uploaded files this process's imports are reading: never swept as left over. */
export function importFilesInUse(): ReadonlySet<string> {
  return filesInUse();
}

export function startImportInBackground(request: BackgroundImport): void {
  filesInUse().add(path.resolve(request.filePath));
  const { filename, workerData } = workerThread("import-worker", { request });
  const worker = new Worker(filename, { workerData });
  // Until the worker's own heartbeat runs (loading its modules can take seconds on a busy
  // machine), this thread beats for it, so the run never looks dead while it starts.
  const beat = setInterval(() => {
    getDb()
      .importRun.updateMany({ where: { id: request.runId, status: { in: [...LIVE_STATUSES] } }, data: { heartbeatAt: new Date() } })
      .catch(() => undefined);
  }, HEARTBEAT_MS);
  beat.unref();
  worker.once("message", () => clearInterval(beat));
  worker.on("error", (error) => {
    logger.error({ err: error, runId: request.runId }, "import worker failed");
    // The worker records its own failures; this covers one that died before it could. An event
    // listener's rejected promise would go unhandled and stop the server, so it is caught here.
    getDb()
      .importRun.updateMany({
        where: { id: request.runId, status: { in: [...LIVE_STATUSES] } },
        data: { status: "failed", failure: "the import worker stopped", finishedAt: new Date() },
      })
      .catch((err: unknown) => logger.error({ err, runId: request.runId }, "could not mark the import run failed"));
  });
  worker.on("exit", () => {
    clearInterval(beat);
    filesInUse().delete(path.resolve(request.filePath));
    void rm(request.filePath, { force: true });
  });
}
