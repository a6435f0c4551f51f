import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseConfig } from "~/config.server";
import { ensureLocalSecrets } from "./local-secrets";

const dir = mkdtempSync(join(tmpdir(), "madoguchi-env-"));
const envFile = join(dir, ".env");
afterEach(() => rmSync(envFile, { force: true }));

function readEnv(): Record<string, string> {
  return Object.fromEntries(
    readFileSync(envFile, "utf8")
      .split("\n")
      .filter((line) => /^[A-Z_]+=/.test(line))
      .map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]),
  );
}

describe("ensureLocalSecrets", () => {
  it("writes every missing secret, strong enough for the config, readable only by the owner", () => {
    expect(ensureLocalSecrets(envFile)).toEqual(["SESSION_SECRET", "LOOKUP_HASH_KEY", "DATA_ENCRYPTION_KEYS"]);
    expect(() => parseConfig(readEnv())).not.toThrow();
    expect(statSync(envFile).mode & 0o077).toBe(0);
  });

  it("keeps secrets already in the file and generates different ones each time", () => {
    writeFileSync(envFile, "SESSION_SECRET=mine-and-already-long-enough-0123456789abc\nPORT=4000");
    expect(ensureLocalSecrets(envFile)).toEqual(["LOOKUP_HASH_KEY", "DATA_ENCRYPTION_KEYS"]);
    const env = readEnv();
    expect(env.SESSION_SECRET).toBe("mine-and-already-long-enough-0123456789abc");
    expect(env.PORT).toBe("4000");
    const first = env.LOOKUP_HASH_KEY;
    rmSync(envFile);
    ensureLocalSecrets(envFile);
    expect(readEnv().LOOKUP_HASH_KEY).not.toBe(first);
  });

  it("writes nothing when everything is set", () => {
    ensureLocalSecrets(envFile);
    const before = readFileSync(envFile, "utf8");
    expect(ensureLocalSecrets(envFile)).toEqual([]);
    expect(readFileSync(envFile, "utf8")).toBe(before);
  });
});
