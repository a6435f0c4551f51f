import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptField, emailLookupHash, encryptField, encryptFields, envelopeKeyId, normaliseEmail, parseKeyRing, resealField } from "./personal-data.server";

const key = () => randomBytes(32).toString("base64");

describe("personal data at rest", () => {
  it("finds the same address however it was typed", () => {
    expect(normaliseEmail("  Hanako.Yamada@EXAMPLE.com ")).toBe("hanako.yamada@example.com");
    expect(normaliseEmail("ｈａｎａｋｏ@example.com")).toBe("hanako@example.com"); // full-width input
    const lookupKey = "k".repeat(40);
    expect(emailLookupHash("Hanako@Example.com", lookupKey)).toBe(emailLookupHash("hanako@example.com ", lookupKey));
    expect(emailLookupHash("hanako@example.com", lookupKey)).not.toBe(emailLookupHash("hanako@example.com", "x".repeat(40)));
  });

  it("round-trips through AES-256-GCM with a fresh IV each time", () => {
    const ring = parseKeyRing(`k1:${key()}`);
    const a = encryptField("山田 花子", ring);
    const b = encryptField("山田 花子", ring);
    expect(a).not.toBe(b);
    expect(a.startsWith("k1.")).toBe(true);
    expect(decryptField(a, ring)).toBe("山田 花子");
  });

  it("encrypts a batch with a fresh IV for every value", () => {
    const ring = parseKeyRing(`k1:${key()}`);
    const envelopes = encryptFields(["a@example.com", "a@example.com", "山田 花子"], ring);
    expect(new Set(envelopes.map((envelope) => envelope.split(".")[1])).size).toBe(3);
    expect(envelopes.map((envelope) => decryptField(envelope, ring))).toEqual(["a@example.com", "a@example.com", "山田 花子"]);
  });

  it("decrypts old data after a rotation and encrypts new data with the first key", () => {
    const oldKey = key();
    const before = encryptField("hanako@example.com", parseKeyRing(`k1:${oldKey}`));
    const rotated = parseKeyRing(`k2:${key()},k1:${oldKey}`);
    expect(decryptField(before, rotated)).toBe("hanako@example.com");
    expect(encryptField("x", rotated).startsWith("k2.")).toBe(true);
  });

  it("reseals an envelope of an older key under the first one, and leaves the first key's alone", () => {
    const oldKey = key();
    const before = encryptField("山田 花子", parseKeyRing(`k1:${oldKey}`));
    const newKey = key();
    const rotated = parseKeyRing(`k2:${newKey},k1:${oldKey}`);
    const after = resealField(before, rotated)!;
    expect(envelopeKeyId(after)).toBe("k2");
    expect(decryptField(after, parseKeyRing(`k2:${newKey}`))).toBe("山田 花子");
    expect(resealField(after, rotated)).toBeNull();
    expect(() => resealField(before, parseKeyRing(`k2:${newKey}`))).toThrow(/unknown key id/);
    const damaged = after.replace(/\.[^.]+$/, ".AAAA");
    expect(() => resealField(damaged, rotated)).toThrow();
  });

  it("reads the key id of an envelope and nothing else", () => {
    const ring = parseKeyRing(`key_2-b:${key()}`);
    expect(envelopeKeyId(encryptField("", ring))).toBe("key_2-b");
    expect(envelopeKeyId("")).toBeNull();
    expect(envelopeKeyId("hanako@example.com")).toBeNull();
    expect(envelopeKeyId(".a.b.c")).toBeNull();
  });

  it("refuses a tampered envelope or an unknown key", () => {
    const ring = parseKeyRing(`k1:${key()}`);
    const envelope = encryptField("hanako@example.com", ring);
    const parts = envelope.split(".");
    parts[3] = Buffer.from("tampered").toString("base64url");
    expect(() => decryptField(parts.join("."), ring)).toThrow();
    expect(() => decryptField(envelope, parseKeyRing(`k9:${key()}`))).toThrow(/unknown key id/);
  });

  it.each([
    ["", /at least one key/],
    ["k1:short", /32 bytes/],
    ["bad id!:abc", /id:base64/],
  ])("rejects the key ring %j", (value, message) => {
    expect(() => parseKeyRing(value)).toThrow(message);
  });
});
