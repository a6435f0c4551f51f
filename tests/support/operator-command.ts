// Runs one of the operator's commands as an operator would on a copy of the database: with
// nothing but DATABASE_URL (no app secrets), for the unit tests of audit:verify and db:backup.
import { execFile } from "node:child_process";

export function operatorCommand(script: string, args: string[], databaseFile: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(
      "node_modules/.bin/tsx",
      [script, ...args],
      { env: { PATH: process.env.PATH, NODE_ENV: "production", DATABASE_URL: `file:${databaseFile}` } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, output: `${stdout}${stderr}`.trim() }),
    );
  });
}
