// Where each worker thread's code is. The server runs from its build, and so do its workers:
// `npm run build` bundles every entry of worker-sources.json next to the Remix build
// (app/cli/build-server.mjs), and whichever bundle starts a worker finds it beside itself. Run from source instead (the
// commands under tsx, the unit tests), a worker loads its TypeScript through tsx's loader,
// which Node doesn't carry into a worker thread by itself.
import { fileURLToPath } from "node:url";

// Each worker's name and its source, in JSON so that the build script reads it with plain node.
import WORKER_SOURCES from "./worker-sources.json";

export type WorkerName = keyof typeof WORKER_SOURCES;

const runningFromSource = import.meta.url.endsWith(".ts");

/** What to give `new Worker` (or piscina): the file to load, and workerData with `data` in it. */
export function workerThread<Data extends object>(name: WorkerName, data: Data): { filename: string; workerData: Data & { sourceModule?: string } } {
  if (!runningFromSource) return { filename: fileURLToPath(new URL(`./${name}.js`, import.meta.url)), workerData: data };
  return {
    filename: fileURLToPath(new URL("./worker-from-source.mjs", import.meta.url)),
    workerData: { ...data, sourceModule: new URL(`../../${WORKER_SOURCES[name]}`, import.meta.url).href },
  };
}
