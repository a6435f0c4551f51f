import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { isReference, normaliseReference, referenceFromBytes } from "./reference";

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
