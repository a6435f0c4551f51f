import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { isReference, normaliseReference, referenceFromBytes, referencesReadFrom } from "./reference";

describe("inquiry references", () => {
  it("spells five bytes as eight base-32 symbols", () => {
    expect(referenceFromBytes(new Uint8Array([0, 0, 0, 0, 0]))).toBe("MD-0000-0000");
    expect(referenceFromBytes(new Uint8Array([255, 255, 255, 255, 255]))).toBe("MD-ZZZZ-ZZZZ");
    // 0x0842108421 is 00001 repeated eight times.
    expect(referenceFromBytes(new Uint8Array([0x08, 0x42, 0x10, 0x84, 0x21]))).toBe("MD-1111-1111");
  });

  it("never uses the letters that read like digits", () => {
    for (let i = 0; i < 500; i++) {
      const reference = referenceFromBytes(randomBytes(5));
      expect(isReference(reference)).toBe(true);
      expect(reference.slice(3)).not.toMatch(/[ILOU]/);
    }
  });

  it("reads back what people type", () => {
    expect(normaliseReference("md-7k3q-2f9p")).toBe("MD-7K3Q-2F9P");
    expect(normaliseReference(" ＭＤ７Ｋ３Ｑ　２Ｆ９Ｐ ")).toBe("MD-7K3Q-2F9P");
    expect(normaliseReference("MD-OK3Q-2FIL")).toBe("MD-0K3Q-2F11");
    expect(normaliseReference("7K3Q2F9P")).toBe("MD-7K3Q-2F9P");
  });

  it("refuses what can't be a reference", () => {
    for (const input of ["", "MD-7K3Q", "MD-7K3Q-2F9PX", "MD-7K3Q-2F9U", "<script>", "MD-7K3Q-2F9P' OR 1=1"]) {
      expect(normaliseReference(input)).toBeNull();
    }
  });
});

describe("deletion request references", () => {
  it("carry their own prefix and read back only under it", () => {
    const reference = referenceFromBytes(new Uint8Array([0x08, 0x42, 0x10, 0x84, 0x21]), "DR");
    expect(reference).toBe("DR-1111-1111");
    expect(isReference(reference, "DR")).toBe(true);
    expect(isReference(reference)).toBe(false);
    expect(normaliseReference("dr-7k3q-2f9p", "DR")).toBe("DR-7K3Q-2F9P");
    expect(normaliseReference("MD-7K3Q-2F9P", "DR")).toBeNull();
  });
});

describe("references as they are read out or typed", () => {
  it("reads every way of writing the separators as the written form", () => {
    for (const typed of [
      "MD-7K3Q-2F9P",
      "md7k3q2f9p",
      "ｍｄ－７ｋ３ｑ－２ｆ９ｐ",
      "ｍｄ７ｋ３ｑ２ｆ９ｐ",
      "ＭＤー７Ｋ３Ｑー２Ｆ９Ｐ",
      "MDｰ7K3Qｰ2F9P",
      "MD‐7K3Q‐2F9P",
      "MD‑7K3Q‑2F9P",
      "MD–7K3Q—2F9P",
      "MD―7K3Q−2F9P",
      "MD─7K3Q─2F9P",
      "　MD 7K3Q　2F9P\n",
    ]) {
      expect(normaliseReference(typed), typed).toBe("MD-7K3Q-2F9P");
    }
  });

  it("takes eight symbols that begin like a prefix as eight symbols", () => {
    expect(normaliseReference("MD7K3Q2F")).toBe("MD-MD7K-3Q2F");
    expect(normaliseReference("DR7K3Q2F", "DR")).toBe("DR-DR7K-3Q2F");
  });

  it("gives the kind a prefix names, or both kinds for the bare symbols", () => {
    expect(referencesReadFrom("ｄｒ－７ｋ３ｑ－２ｆ９ｐ")).toEqual(["DR-7K3Q-2F9P"]);
    expect(referencesReadFrom("md 7k3q 2f9p")).toEqual(["MD-7K3Q-2F9P"]);
    expect(referencesReadFrom("７ｋ３ｑー２ｆ９ｐ")).toEqual(["MD-7K3Q-2F9P", "DR-7K3Q-2F9P"]);
    expect(referencesReadFrom("MD-OK3Q-2FIL")).toEqual(["MD-0K3Q-2F11"]);
  });

  it("gives nothing for what can't be a reference", () => {
    for (const typed of ["", "　", "XX-7K3Q-2F9P", "MD-7K3Q", "MD-7K3Q-2F9PX", "MD-7K3Q-2F9U", "田中", "<script>", "MD-7K3Q-2F9P' OR 1=1"]) {
      expect(referencesReadFrom(typed), typed).toEqual([]);
    }
  });
});
