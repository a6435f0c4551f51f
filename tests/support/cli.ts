// Runs one of the project's commands against the test server's database, with its secrets.
import { spawnSync } from "node:child_process";
import { PORT } from "../../playwright.config";
import { testServerSecrets } from "./staff";

/** `env` replaces the shared server's settings, e.g. with another server's secrets and database. */
export function runCommand(
  script: string,
  args: string[],
  env: Record<string, string> = {},
): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync("node_modules/.bin/tsx", [script, ...args], {
    env: { ...process.env, ...testServerSecrets(), PUBLIC_ORIGIN: `http://127.0.0.1:${PORT}`, LOG_LEVEL: "silent", ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
