// Password hashing with argon2id at OWASP's parameters, stored as PHC strings so the
// parameters can be raised later: a hash made with older ones is redone at next sign-in.
import argon2 from "argon2";

export const ARGON2_PARAMETERS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password.normalize("NFKC"), ARGON2_PARAMETERS);
}

export async function verifyPassword(hash: string, password: string): Promise<{ valid: boolean; needsRehash: boolean }> {
  const valid = await argon2.verify(hash, password.normalize("NFKC")).catch(() => false);
  return { valid, needsRehash: valid && argon2.needsRehash(hash, ARGON2_PARAMETERS) };
}

// A hash of a random password, verified against when an account doesn't exist, so a
// failed sign-in takes as long for an unknown address as for a known one.
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= argon2.hash(crypto.randomUUID(), ARGON2_PARAMETERS);
  return decoyHash;
}
