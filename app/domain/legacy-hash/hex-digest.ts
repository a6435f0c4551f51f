// Plain and salted MD5 and SHA-1 as old shops stored them: a hex digest of the password, or
// of salt and password joined one way or the other, stored as "<hex digest>:<salt>" (the
// export form of Magento 1 and osCommerce-style shops). Fast, so computed on the event loop.
import { createHash } from "node:crypto";
import type { LegacyHashScheme } from "./scheme";

type Algorithm = "md5" | "sha1";
const HEX_LENGTH: Record<Algorithm, number> = { md5: 32, sha1: 40 };
const MAX_SALT = 64;

const hex = (algorithm: Algorithm, text: string) => createHash(algorithm).update(text, "utf8").digest("hex");

/** `md5`, `sha1`: the hex digest of the password alone. */
export function unsaltedHex(algorithm: Algorithm): LegacyHashScheme {
  const pattern = new RegExp(`^[0-9a-fA-F]{${HEX_LENGTH[algorithm]}}$`);
  return {
    name: algorithm,
    split: (stored) => (pattern.test(stored) ? { parameters: "", digest: stored.toLowerCase() } : null),
    digest: async (password) => hex(algorithm, password),
  };
}

/** `md5-salt-password` and the like: the hex digest of salt + password (or password + salt). */
export function saltedHex(algorithm: Algorithm, order: "salt-password" | "password-salt"): LegacyHashScheme {
  const pattern = new RegExp(`^([0-9a-fA-F]{${HEX_LENGTH[algorithm]}}):(.{1,${MAX_SALT}})$`, "s");
  return {
    name: `${algorithm}-${order}`,
    split(stored) {
      const match = pattern.exec(stored);
      return match ? { parameters: match[2]!, digest: match[1]!.toLowerCase() } : null;
    },
    digest: async (password, salt) => hex(algorithm, order === "salt-password" ? salt + password : password + salt),
  };
}
