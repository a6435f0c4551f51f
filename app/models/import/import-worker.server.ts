// The worker thread of a back-office import (see background.server.ts).
import { workerData } from "node:worker_threads";
import { getConfig } from "~/config.server";
import { logger } from "~/utils/logger.server";
import { runImport } from "./run-import.server";
import type { BackgroundImport } from "./background.server";

const request = (workerData as { request: BackgroundImport }).request;
const outcome = await runImport(request, getConfig());
logger.info({ runId: request.runId, status: outcome.status }, "import finished");
