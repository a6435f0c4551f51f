// Test vectors. MD5, SHA-1 and Django PBKDF2 values were computed with python3's hashlib
// (hashlib.md5/sha1(...).hexdigest(); base64 of hashlib.pbkdf2_hmac("sha256", pw, b"seasalt",
// 1000, 32)), an implementation independent of this code. bcrypt values are the OpenWall
// crypt_blowfish test vectors.
import { describe, expect, it } from "vitest";
import { LEGACY_HASH_ALGORITHMS, legacyHashMatches, legacyHashScheme } from "./registry";

const VECTORS: Array<[algorithm: string, stored: string, password: string]> = [
  ["md5", "5f4dcc3b5aa765d61d8327deb882cf99", "password"],
  ["md5", "5F4DCC3B5AA765D61D8327DEB882CF99", "password"],
  ["md5", "4bdfe7e594ac464a91fa62453879bd49", "パスワード"],
  ["md5", "12841e4ba5e37d2fbfc78458c6714ade", "pässwörd"],
  ["md5-salt-password", "9aaea93c696bd540fd38fc8a5b7c495c:Xy7!", "password"],
  ["md5-salt-password", "00373f5ca9fa4741c11b8009bde3b678:Xy7!", "パスワード"],
  ["md5-password-salt", "690d4e95006e0323b749034516afb8dc:Xy7!", "password"],
  ["md5-password-salt", "cfd2c54522852b02fad3ccd8ad08fab6:Xy7!", "pässwörd"],
  ["sha1", "5baa61e4c9b93f3f0682250b6cf8331b7ee68fd8", "password"],
  ["sha1", "a9694dc2e83bf1d3dd839259eaeb984fbbd86b31", "パスワード"],
  ["sha1-salt-password", "dee29da081b1fbf239133e51e3218502bc4040e1:Xy7!", "password"],
  ["sha1-salt-password", "05a4c378d4e8eee903688a6fb6422f029547c258:Xy7!", "pässwörd"],
  ["sha1-password-salt", "8e9cdd103e0981ed51694d2aac723d5383657b10:Xy7!", "password"],
  ["sha1-password-salt", "8fd84b8987e2f6c52a966d3c76db537379eace71:Xy7!", "パスワード"],
  ["bcrypt", "$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW", "U*U"],
  ["bcrypt", "$2a$05$CCCCCCCCCCCCCCCCCCCCC.VGOzA784oUp/Z0DY336zx7pLYAy0lwK", "U*U*"],
  ["bcrypt", "$2a$05$XXXXXXXXXXXXXXXXXXXXXOAcXxm9kjPGEMsLznoKqmqw7tc8WCx4a", "U*U*U"],
  [
    "bcrypt",
    "$2a$05$abcdefghijklmnopqrstuu5s2v8.iXieOjg/.AySBTTZIIVFJeBui",
    "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789chars after 72 are ignored",
  ],
  ["bcrypt", "$2b$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW", "U*U"],
  ["bcrypt", "$2y$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW", "U*U"],
  ["pbkdf2-sha256", "pbkdf2_sha256$1000$seasalt$YIWkt6M1JFXrHg5s0jZjBSc7C2Cz6QvchSJ0h8Y+i7c=", "password"],
  ["pbkdf2-sha256", "pbkdf2_sha256$1000$seasalt$JBFjpzgJgb42FaSRwSgE+V1wuNMEcTzOQclESIF2rEQ=", "パスワード"],
  ["pbkdf2-sha256", "pbkdf2_sha256$1000$seasalt$CzFI+UslA/kG6Ee3mx9EuXdtUGTgSIJvT+8nrZvi+4s=", "pässwörd"],
];

describe("legacy hash verifiers", () => {
  it.each(VECTORS)("%s %s is %j, and nothing else", async (algorithm, stored, password) => {
    expect(await legacyHashMatches(algorithm, stored, password)).toBe(true);
    // Changed at the front: bcrypt ignores everything after 72 bytes, as the last vector shows.
    expect(await legacyHashMatches(algorithm, stored, `x${password}`)).toBe(false);
    expect(await legacyHashMatches(algorithm, stored, password.slice(1))).toBe(false);
  });

  it("has a vector for every scheme in the registry", () => {
    expect(new Set(VECTORS.map(([algorithm]) => algorithm))).toEqual(new Set(LEGACY_HASH_ALGORITHMS));
  });

  it.each([
    ["md5", "5f4dcc3b5aa765d61d8327deb882cf9"], // one hex digit short
    ["md5", "5f4dcc3b5aa765d61d8327deb882cf9g"],
    ["md5", "5f4dcc3b5aa765d61d8327deb882cf99:salt"], // salted form under the plain name
    ["sha1", "5f4dcc3b5aa765d61d8327deb882cf99"], // an MD5's length
    ["md5-salt-password", "9aaea93c696bd540fd38fc8a5b7c495c"], // no salt
    ["md5-salt-password", "9aaea93c696bd540fd38fc8a5b7c495c:"], // empty salt
    ["md5-password-salt", `690d4e95006e0323b749034516afb8dc:${"s".repeat(65)}`], // salt too long
    ["bcrypt", "$2x$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW"], // unknown variant
    ["bcrypt", "$2b$16$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW"], // cost too high
    ["bcrypt", "$2b$03$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW"], // cost too low
    ["bcrypt", "$2b$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOe"], // one short
    ["pbkdf2-sha256", "pbkdf2_sha256$20000000$seasalt$YIWkt6M1JFXrHg5s0jZjBSc7C2Cz6QvchSJ0h8Y+i7c="], // iterations too many
    ["pbkdf2-sha256", "pbkdf2_sha256$0$seasalt$YIWkt6M1JFXrHg5s0jZjBSc7C2Cz6QvchSJ0h8Y+i7c="],
    ["pbkdf2-sha256", "pbkdf2_sha256$1000$$YIWkt6M1JFXrHg5s0jZjBSc7C2Cz6QvchSJ0h8Y+i7c="], // empty salt
    ["pbkdf2-sha256", "pbkdf2_sha1$1000$seasalt$YIWkt6M1JFXrHg5s0jZjBSc7C2Cz6QvchSJ0h8Y+i7c="],
    ["pbkdf2-sha256", "pbkdf2_sha256$1000$seasalt$YIWkt6M1JFXrHg5s0jZjBSc7C2Cz6Qvch"], // digest short
  ])("%s refuses the malformed %j", async (algorithm, stored) => {
    expect(legacyHashScheme(algorithm)!.split(stored)).toBeNull();
    expect(await legacyHashMatches(algorithm, stored, "password")).toBe(false);
  });

  it("keeps the salt and cost as public parameters apart from the digest", () => {
    expect(legacyHashScheme("md5-salt-password")!.split("9AAEA93C696BD540FD38FC8A5B7C495C:a:b")).toEqual({
      parameters: "a:b",
      digest: "9aaea93c696bd540fd38fc8a5b7c495c",
    });
    expect(legacyHashScheme("bcrypt")!.split("$2y$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW")).toEqual({
      parameters: "$2y$05$CCCCCCCCCCCCCCCCCCCCC.",
      digest: "E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW",
    });
    expect(legacyHashScheme("pbkdf2-sha256")!.split("pbkdf2_sha256$1000$seasalt$YIWkt6M1JFXrHg5s0jZjBSc7C2Cz6QvchSJ0h8Y+i7c=")).toEqual({
      parameters: "pbkdf2_sha256$1000$seasalt",
      digest: "YIWkt6M1JFXrHg5s0jZjBSc7C2Cz6QvchSJ0h8Y+i7c=",
    });
  });

  it("answers false, never throws, for an unknown algorithm", async () => {
    expect(legacyHashScheme("rot13")).toBeUndefined();
    expect(await legacyHashMatches("rot13", "cnffjbeq", "password")).toBe(false);
  });
});
