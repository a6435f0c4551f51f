// The leaked system's password hashes. Imported bare (an MD5 is cracked in seconds), they
// are wrapped as soon as possible: argon2id of the legacy digest, with the scheme's public
// parameters (salt, cost) kept beside it. Either form still recognises the leaked password,
// so it can be refused forever, but the wrapped one is as slow to attack as a new hash.
import argon2 from "argon2";
import { legacyHashMatches, legacyHashScheme } from "~/domain/legacy-hash/registry";
import { leakedPasswordVariants } from "~/domain/passwords/leaked-variants";
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

/** Whether the leaked hash, bare or wrapped, is of `candidate`: a legacy digest, and an argon2id verification once wrapped. */
async function leakedHashOf(record: LegacyPassword, algorithm: string, candidate: string): Promise<boolean> {
  if (record.legacyPasswordHash !== null) return legacyHashMatches(algorithm, record.legacyPasswordHash, candidate);
  const scheme = legacyHashScheme(algorithm);
  if (!scheme || record.legacyHashWrapped === null || record.legacyHashParameters === null) return false;
  const digest = await scheme.digest(candidate, record.legacyHashParameters);
  return argon2.verify(record.legacyHashWrapped, digest).catch(() => false);
}

/**
 * Whether `password` is the leaked one. Tried as typed and normalised (NFKC): the old
 * system hashed whatever bytes it was given. Costs up to two comparisons: callers run it in
 * the hashing queue.
 */
export async function isLeakedPassword(record: LegacyPassword, password: string): Promise<boolean> {
  return (await leakedPasswordMatch(record, password, { variants: false })) === "leaked";
}

/**
 * Whether a new password is the leaked one ("leaked") or the leaked one mangled as attackers
 * try first ("variant": app/domain/passwords/leaked-variants.ts). At most two comparisons
 * for the password and MAX_LEAKED_VARIANTS for its variants: callers run it in the hashing queue.
 */
export async function leakedPasswordMatch(record: LegacyPassword, password: string, { variants = true } = {}): Promise<"leaked" | "variant" | null> {
  const algorithm = record.legacyHashAlgorithm;
  if (algorithm === null) return null;
  const normalised = password.normalize("NFKC");
  const exact = new Set([password, normalised]);
  for (const candidate of [...exact, ...(variants ? leakedPasswordVariants(normalised) : [])]) {
    if (await leakedHashOf(record, algorithm, candidate)) return exact.has(candidate) ? "leaked" : "variant";
  }
  return null;
}
