// The server refuses to start with a missing or weak secret, and names it.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";

// The child starts in an empty folder, so no developer's .env fills in what is missing.
const emptyFolder = mkdtempSync(resolve(tmpdir(), "madoguchi-start-"));

function start(env: Record<string, string>) {
  return spawnSync(resolve("node_modules/.bin/tsx"), [resolve("app/server/main.ts")], {
    cwd: emptyFolder,
    env: { PATH: process.env.PATH ?? "", NODE_ENV: "production", TSX_TSCONFIG_PATH: resolve("tsconfig.json"), ...env },
    encoding: "utf8",
    timeout: 30_000,
  });
}

const good = {
  SESSION_SECRET: randomBytes(32).toString("base64url"),
  LOOKUP_HASH_KEY: randomBytes(32).toString("base64url"),
  DATA_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString("base64")}`,
};

describe("server start-up", { timeout: 60_000 }, () => {
  it("refuses a well-known secret and says which variable", () => {
    const result = start({ ...good, SESSION_SECRET: "changeme" });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("SESSION_SECRET: secret is well-known");
    expect(result.stderr).toContain("The server did not start.");
  });

  it("refuses missing secrets and lists each of them", () => {
    const result = start({});
    expect(result.status).toBe(1);
    for (const name of ["SESSION_SECRET", "LOOKUP_HASH_KEY", "DATA_ENCRYPTION_KEYS"]) {
      expect(result.stderr).toContain(`${name}:`);
    }
  });
});
