// Every command answers --help with its usage and an unknown option with what is wrong and the
// usage, before it needs any configuration, and never with a stack trace.
import { execFile } from "node:child_process";
import { describe, expect, it } from "vitest";

const COMMANDS: Array<[string, RegExp]> = [
  ["app/cli/staff.ts", /npm run staff -- create --email/],
  ["app/cli/setup.ts", /npm run setup/],
  ["app/cli/backup.ts", /npm run db:backup -- <file>/],
  ["app/cli/audit-verify.ts", /npm run audit:verify/],
  ["app/cli/import-affected.ts", /npm run import:affected/],
  ["app/cli/wrap-legacy-hashes.ts", /npm run wrap:legacy-hashes/],
  ["app/cli/reseal.ts", /npm run keys:reseal/],
  ["app/cli/create-migration.ts", /npm run db:migration/],
];

/** Runs a command with no configuration at all: not even a .env is read before the arguments. */
function run(script: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const env = { PATH: process.env.PATH ?? "", LANG: "en_US.UTF-8", NODE_ENV: "production" as const };
    execFile("node_modules/.bin/tsx", [script, ...args], { env, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === "number" ? error.code : null) : 0, stdout, stderr });
    });
  });
}

describe("every command's arguments", () => {
  it("answer --help with the usage, and an unknown option with the problem and the usage, never a stack trace", { timeout: 120_000 }, async () => {
    const answers = await Promise.all(
      COMMANDS.flatMap(([script, usage]) => [
        run(script, ["--help"]).then((answer) => ({ script, usage, kind: "help", ...answer })),
        run(script, ["--nonsense"]).then((answer) => ({ script, usage, kind: "unknown", ...answer })),
      ]),
    );
    for (const { script, usage, kind, code, stdout, stderr } of answers) {
      const label = `${script} ${kind}`;
      expect(stderr + stdout, label).not.toMatch(/\n\s+at /);
      if (kind === "help") {
        expect(code, label).toBe(0);
        expect(stdout, label).toMatch(usage);
      } else {
        expect(code, label).toBe(2);
        expect(stderr, label).toContain("--nonsense");
        expect(stderr, label).toMatch(usage);
      }
    }
  });
});
