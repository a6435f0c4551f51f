import { describe, expect, it } from "vitest";
import { secretsMatch } from "./secret-compare";

const KEY = "k4Jm9Qx2Vb7Nc1Rz5Lw8Hs3Td6Pf0Ga-_eUyIoPqWE";

describe("comparing a presented secret", () => {
  it("matches only the same value", () => {
    expect(secretsMatch(KEY, KEY)).toBe(true);
    expect(secretsMatch(KEY.slice(0, -1), KEY)).toBe(false);
    expect(secretsMatch(`${KEY}x`, KEY)).toBe(false);
    expect(secretsMatch("", KEY)).toBe(false);
    expect(secretsMatch("", "")).toBe(false);
  });

  it("compares values of any length and characters without throwing", () => {
    // As many characters as the key, more bytes: comparing raw bytes threw a RangeError.
    expect(secretsMatch(`${KEY.slice(0, 42)}é`, KEY)).toBe(false);
    for (const given of ["é", "\u0000", "🏳️‍🌈".repeat(100), "a".repeat(100_000), "\uD800"]) expect(secretsMatch(given, KEY)).toBe(false);
  });
});
