// What every legacy password hash scheme provides. Each family of schemes lives in its own
// module next to this one and is listed in registry.ts: adding an algorithm is one module.
export interface LegacyHashScheme {
  /** The name in the import's legacy_hash_algorithm column. */
  readonly name: string;
  /** Splits a stored hash into its public parameters (salt, cost, iterations: kept in clear after the
   *  digest is wrapped in argon2id) and its digest, or null when the value is malformed for this scheme.
   *  Synchronous and cheap (regex only): it runs on every imported line. */
  split(stored: string): { parameters: string; digest: string } | null;
  /** The digest `password` gives under these parameters, in the same form as split()'s digest.
   *  Must not block the event loop for long: use node:crypto's async pbkdf2, bcrypt's async API. */
  digest(password: string, parameters: string): Promise<string>;
}
