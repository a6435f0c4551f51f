// The worker thread of a back-office import (see background.server.ts).
import { parentPort, workerData } from "node:worker_threads";
import { getConfig } from "~/config.server";
import { logger } from "~/utils/logger.server";
import { runImport } from "./run-import.server";
import type { BackgroundImport } from "./background.server";

const request = (workerData as { request: BackgroundImport }).request;
// The import's own heartbeat starts now: the server's thread stops beating for it.
parentPort?.postMessage("started");
const outcome = await runImport(request, getConfig());
logger.info({ runId: request.runId, status: outcome.status }, "import finished");
