import argon2 from "argon2";
import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./password.server";

describe("password hashing", () => {
  it("uses argon2id with OWASP parameters in a PHC string", async () => {
    const hash = await hashPassword("correct horse battery staple");
    const [, algorithm, version, parameters] = hash.split("$");
    expect([algorithm, version]).toEqual(["argon2id", "v=19"]);
    expect(parameters!.split(",").sort()).toEqual(["m=19456", "p=1", "t=2"]);
    expect(await verifyPassword(hash, "correct horse battery staple")).toEqual({ valid: true, needsRehash: false });
    expect(await verifyPassword(hash, "wrong")).toEqual({ valid: false, needsRehash: false });
  });

  it("treats full-width and half-width input as the same password (NFKC)", async () => {
    const hash = await hashPassword("ｐａｓｓｗｏｒｄ　１２３");
    expect((await verifyPassword(hash, "password 123")).valid).toBe(true);
  });

  it("asks for a rehash when the stored parameters are weaker than today's", async () => {
    const old = await argon2.hash("an older password", { type: argon2.argon2id, memoryCost: 4096, timeCost: 1, parallelism: 1 });
    expect(await verifyPassword(old, "an older password")).toEqual({ valid: true, needsRehash: true });
  });

  it("never throws on a malformed stored hash", async () => {
    expect(await verifyPassword("not-a-hash", "x")).toEqual({ valid: false, needsRehash: false });
  });
});
