// The password hash algorithms a leaked system's export may name in `legacy_hash_algorithm`.
// Import only checks the name; verifying and re-wrapping these hashes is issue 5's work, and
// its verifiers belong next to this list.
export const LEGACY_HASH_ALGORITHMS = [
  "md5",
  "md5-salted",
  "sha1",
  "sha1-salted",
  "sha256",
  "sha256-salted",
  "sha512-crypt",
  "bcrypt",
  "pbkdf2-sha256",
  "argon2id",
] as const;
export type LegacyHashAlgorithm = (typeof LEGACY_HASH_ALGORITHMS)[number];

export function isLegacyHashAlgorithm(value: string): value is LegacyHashAlgorithm {
  return LEGACY_HASH_ALGORITHMS.includes(value as LegacyHashAlgorithm);
}
