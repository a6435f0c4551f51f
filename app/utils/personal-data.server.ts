// Personal data at rest (ADR 006): an email address is looked up by a keyed hash of its
// normalised form, and stored encrypted with AES-256-GCM under a key id so keys can be
// rotated (new data takes the first key; old envelopes name the key they need).
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";
import { normaliseTypedAddress } from "~/domain/email-address";

export interface KeyRing {
  currentId: string;
  keys: Map<string, Buffer>;
}

/** Parses "id1:base64key,id2:base64key"; the first key encrypts, all of them decrypt. */
export function parseKeyRing(value: string): KeyRing {
  const entries = value
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const keys = new Map<string, Buffer>();
  for (const entry of entries) {
    const [id, encoded] = entry.split(":");
    if (!id || !/^[A-Za-z0-9_-]{1,32}$/.test(id) || !encoded) throw new Error("each key must be written id:base64");
    const key = Buffer.from(encoded, "base64");
    if (key.length !== 32) throw new Error(`key ${id} must be 32 bytes (base64 of 32 random bytes)`);
    if (keys.has(id)) throw new Error(`key id ${id} is used twice`);
    keys.set(id, key);
  }
  const currentId = entries[0]?.split(":")[0];
  if (!currentId) throw new Error("at least one key is needed");
  return { currentId, keys };
}

/**
 * The address as it is looked up and hashed: read as typed (full-width, stray spaces;
 * app/domain/email-address.ts), then lower-cased. Dots and +tags are kept: providers differ on
 * them, and a wrong merge would show one person another's data.
 */
export function normaliseEmail(email: string): string {
  return normaliseTypedAddress(email).toLowerCase();
}

export function emailLookupHash(email: string, lookupKey: string): string {
  return createHmac("sha256", lookupKey).update(normaliseEmail(email)).digest("base64url");
}

export function encryptField(plaintext: string, ring: KeyRing): string {
  return encryptWithIv(plaintext, ring, randomBytes(12));
}

/**
 * Encrypts many values, drawing all their IVs from the random source at once: for an import
 * of a million lines, one draw per value cost more than the encryption itself.
 */
export function encryptFields(plaintexts: string[], ring: KeyRing): string[] {
  const ivs = randomBytes(12 * plaintexts.length);
  return plaintexts.map((plaintext, i) => encryptWithIv(plaintext, ring, ivs.subarray(i * 12, i * 12 + 12)));
}

/** `iv` must be fresh random bytes, never used before: GCM under a repeated IV leaks the key stream. */
function encryptWithIv(plaintext: string, ring: KeyRing, iv: Buffer): string {
  const key = ring.keys.get(ring.currentId)!;
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [ring.currentId, iv, cipher.getAuthTag(), ciphertext].map((part) => (typeof part === "string" ? part : part.toString("base64url"))).join(".");
}

export function decryptField(envelope: string, ring: KeyRing): string {
  const [keyId, iv, tag, ciphertext] = envelope.split(".");
  const key = keyId ? ring.keys.get(keyId) : undefined;
  if (!key || !iv || !tag || ciphertext === undefined) throw new Error("unreadable envelope or unknown key id");
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
}

/** The key id an envelope names, or null for a value that is not an envelope at all. */
export function envelopeKeyId(value: string): string | null {
  const parts = value.split(".");
  return parts.length === 4 && parts[0] ? parts[0] : null;
}

/**
 * The same plaintext sealed again under the ring's first key, or null when the envelope is
 * already under it (key rotation). The plaintext never leaves this function. Throws, like
 * decryptField, when no key of the ring opens the envelope, even one under the first key.
 */
export function resealField(envelope: string, ring: KeyRing): string | null {
  const plaintext = decryptField(envelope, ring);
  return envelopeKeyId(envelope) === ring.currentId ? null : encryptField(plaintext, ring);
}
