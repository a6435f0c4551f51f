// Entry of every worker thread started from source (see worker-threads.server.ts): registers
// tsx's loader, then loads the TypeScript module named in workerData. A piscina task module's
// default export is passed on.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
const entry = await import(workerData.sourceModule);
export default entry.default;
