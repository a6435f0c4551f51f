// The leaked password and its variants, recognised from the bare hash the import leaves and
// from the wrapped one the wrap job leaves (argon2id of it): the real hashing, nothing mocked.
import { createHash } from "node:crypto";
import bcrypt from "bcrypt";
import { describe, expect, it } from "vitest";
import { leakedPasswordMatch, wrapLegacyHash, type LegacyPassword } from "./legacy-password.server";

const LEAKED = "sakura2015";

function bareMd5(password: string): LegacyPassword {
  return {
    legacyHashAlgorithm: "md5",
    legacyPasswordHash: createHash("md5").update(password).digest("hex"),
    legacyHashParameters: null,
    legacyHashWrapped: null,
  };
}

async function wrappedBcrypt(password: string): Promise<LegacyPassword> {
  const wrapped = (await wrapLegacyHash("bcrypt", await bcrypt.hash(password, 4)))!;
  return { legacyHashAlgorithm: "bcrypt", legacyPasswordHash: null, legacyHashParameters: wrapped.parameters, legacyHashWrapped: wrapped.wrapped };
}

describe("leakedPasswordMatch", { timeout: 30_000 }, () => {
  it("tells the leaked password from its variants and from an unrelated one, bare or wrapped", async () => {
    for (const record of [bareMd5(LEAKED), await wrappedBcrypt(LEAKED)]) {
      expect(await leakedPasswordMatch(record, LEAKED)).toBe("leaked");
      expect(await leakedPasswordMatch(record, "ｓａｋｕｒａ２０１５")).toBe("leaked");
      for (const variant of ["sakura2015!", "Sakura_2015", "Sakura2015!", "SAKURA2015", "s@kura2015"]) {
        expect(await leakedPasswordMatch(record, variant), variant).toBe("variant");
      }
      expect(await leakedPasswordMatch(record, "窓口で春を待つ猫と柴犬")).toBeNull();
    }
  });

  it("finds nothing for an account without a leaked hash", async () => {
    expect(
      await leakedPasswordMatch({ legacyHashAlgorithm: null, legacyPasswordHash: null, legacyHashParameters: null, legacyHashWrapped: null }, LEAKED),
    ).toBeNull();
  });
});
