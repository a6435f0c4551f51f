// The second half of `npm run build`, after `remix build`: the HTTP server (app/server/main.ts)
// and every worker thread's entry, bundled to JavaScript beside the Remix build (build/), so
// production runs `node build/server.js` with no TypeScript loader (ADR 023). Packages stay
// imports of node_modules; only the app's own modules are bundled. Plain JavaScript, run by
// node itself: no loader is left running beside esbuild's service when the build ends.
import { readFileSync } from "node:fs";
import { build } from "esbuild";

const workers = JSON.parse(readFileSync(new URL("../utils/worker-sources.json", import.meta.url), "utf8"));

await build({
  entryPoints: { server: "app/server/main.ts", ...workers },
  outdir: "build",
  bundle: true,
  packages: "external",
  platform: "node",
  format: "esm",
  // The oldest Node line the portal supports.
  target: "node20",
  sourcemap: true,
  logLevel: "warning",
});
