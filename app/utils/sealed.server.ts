// The configured keys applied to personal data (ADR 006): seal before storing, open only
// where the plaintext is needed (sending mail), look addresses up by their keyed hash.
import { getConfig } from "~/config.server";
import { singleton } from "~/utils/singleton.server";
import { decryptField, emailLookupHash, encryptField, parseKeyRing, type KeyRing } from "./personal-data.server";

function keyRing(): KeyRing {
  return singleton("data-key-ring", () => parseKeyRing(getConfig().DATA_ENCRYPTION_KEYS));
}

export function seal(plaintext: string): string {
  return encryptField(plaintext, keyRing());
}

export function unseal(envelope: string): string {
  return decryptField(envelope, keyRing());
}

export function addressLookupHash(email: string): string {
  return emailLookupHash(email, getConfig().LOOKUP_HASH_KEY);
}
