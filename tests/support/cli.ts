// Runs one of the project's commands against the test server's database, with its secrets.
import { spawnSync } from "node:child_process";
import { PORT } from "../../playwright.config";
import { testServerSecrets } from "./staff";

/** `env` replaces the shared server's settings, e.g. with another server's secrets and database. */
export function runCommand(script: string, args: string[], env: Record<string, string> = {}): { status: number | null; stdout: string; stderr: string } {
  // One node process (not the tsx command, which would answer a timeout's SIGTERM for its child
  // with 143); a command that hashes hundreds of passwords needs minutes on a busy machine.
  const result = spawnSync(process.execPath, ["--import", "tsx", script, ...args], {
    env: { ...process.env, ...testServerSecrets(), PUBLIC_ORIGIN: `http://127.0.0.1:${PORT}`, LOG_LEVEL: "silent", ...env },
    encoding: "utf8",
    timeout: 180_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
