// The leaked system's password hashes. Imported bare (an MD5 is cracked in seconds), they
// are wrapped as soon as possible: argon2id of the legacy digest, with the scheme's public
// parameters (salt, cost) kept beside it. Either form still recognises the leaked password,
// so it can be refused forever, but the wrapped one is as slow to attack as a new hash.
import argon2 from "argon2";
import { legacyHashMatches, legacyHashScheme } from "~/domain/legacy-hash/registry";
import { ARGON2_PARAMETERS } from "~/utils/password.server";

export interface LegacyPassword {
  legacyHashAlgorithm: string | null;
  /** Bare, as imported; null once wrapped. */
  legacyPasswordHash: string | null;
  legacyHashParameters: string | null;
  legacyHashWrapped: string | null;
}

export const LEGACY_PASSWORD_SELECT = {
  legacyHashAlgorithm: true,
  legacyPasswordHash: true,
  legacyHashParameters: true,
  legacyHashWrapped: true,
} as const;

export function hasLegacyPassword(record: LegacyPassword): boolean {
  return record.legacyHashAlgorithm !== null && (record.legacyPasswordHash !== null || record.legacyHashWrapped !== null);
}

/** The wrapped form of a bare legacy hash, or null when the hash is malformed for its scheme. */
export async function wrapLegacyHash(algorithm: string, stored: string): Promise<{ parameters: string; wrapped: string } | null> {
  const parts = legacyHashScheme(algorithm)?.split(stored);
  if (!parts) return null;
  return { parameters: parts.parameters, wrapped: await argon2.hash(parts.digest, ARGON2_PARAMETERS) };
}

/**
 * Whether `password` is the leaked one. Tried as typed and normalised (NFKC): the old
 * system hashed whatever bytes it was given. Costs up to two legacy digests and two
 * argon2id verifications: callers run it in the hashing queue.
 */
export async function isLeakedPassword(record: LegacyPassword, password: string): Promise<boolean> {
  const algorithm = record.legacyHashAlgorithm;
  if (algorithm === null) return false;
  for (const candidate of new Set([password, password.normalize("NFKC")])) {
    if (record.legacyPasswordHash !== null) {
      if (await legacyHashMatches(algorithm, record.legacyPasswordHash, candidate)) return true;
    } else if (record.legacyHashWrapped !== null && record.legacyHashParameters !== null) {
      const scheme = legacyHashScheme(algorithm);
      if (!scheme) return false;
      const digest = await scheme.digest(candidate, record.legacyHashParameters);
      if (await argon2.verify(record.legacyHashWrapped, digest).catch(() => false)) return true;
    }
  }
  return false;
}
