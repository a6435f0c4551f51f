// Every legacy password hash scheme the import accepts, by the name in its
// legacy_hash_algorithm column. To add one: a module implementing LegacyHashScheme, listed here.
import { timingSafeEqual } from "node:crypto";
import { bcryptScheme } from "./bcrypt";
import { djangoPbkdf2Scheme } from "./django-pbkdf2";
import { saltedHex, unsaltedHex } from "./hex-digest";
import type { LegacyHashScheme } from "./scheme";

const SCHEMES: readonly LegacyHashScheme[] = [
  unsaltedHex("md5"),
  saltedHex("md5", "salt-password"),
  saltedHex("md5", "password-salt"),
  unsaltedHex("sha1"),
  saltedHex("sha1", "salt-password"),
  saltedHex("sha1", "password-salt"),
  bcryptScheme,
  djangoPbkdf2Scheme,
];

const BY_NAME = new Map(SCHEMES.map((scheme) => [scheme.name, scheme]));

export const LEGACY_HASH_ALGORITHMS: readonly string[] = SCHEMES.map((scheme) => scheme.name);

export function legacyHashScheme(name: string): LegacyHashScheme | undefined {
  return BY_NAME.get(name);
}

/** Whether `password` (its UTF-8 bytes as given) produces the stored hash. Never throws. */
export async function legacyHashMatches(algorithm: string, stored: string, password: string): Promise<boolean> {
  const scheme = legacyHashScheme(algorithm);
  const parts = scheme?.split(stored);
  if (!scheme || !parts) return false;
  try {
    const computed = Buffer.from(await scheme.digest(password, parts.parameters));
    const expected = Buffer.from(parts.digest);
    return computed.length === expected.length && timingSafeEqual(computed, expected);
  } catch {
    return false;
  }
}
