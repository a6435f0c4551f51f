// Entry of the import's worker threads. Node 20 doesn't carry tsx's loader into a worker,
// so it is registered here before the TypeScript module named in workerData is loaded.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.module);
