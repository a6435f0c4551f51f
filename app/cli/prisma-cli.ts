// Runs the Prisma CLI for one database without a shell: arguments are passed as an
// array, and the database is chosen by DATABASE_URL in the child's environment.
import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { promisify } from "node:util";

const run = promisify(execFile);
const prismaBin = createRequire(import.meta.url).resolve("prisma/build/index.js");

export async function prisma(args: string[], databaseUrl: string): Promise<string> {
  const { stdout } = await run(process.execPath, [prismaBin, ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout;
}
