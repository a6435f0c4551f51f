import { describe, expect, it } from "vitest";
import { generateRecoveryCodes, normaliseRecoveryCode } from "./recovery-codes";

describe("recovery codes", () => {
  it("are ten distinct codes of three groups of four", () => {
    const codes = generateRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
  });

  it("are accepted however they are typed back", () => {
    const [code] = generateRecoveryCodes(1);
    const compact = code!.replaceAll("-", "");
    expect(normaliseRecoveryCode(code!)).toBe(compact);
    expect(normaliseRecoveryCode(` ${code!.toUpperCase()} `)).toBe(compact);
    expect(normaliseRecoveryCode(compact.replace(/(.{4})/g, "$1 "))).toBe(compact);
  });

  it("refuses anything that can't be a code", () => {
    expect(normaliseRecoveryCode("123456")).toBeNull();
    expect(normaliseRecoveryCode("abcd-efgh-ijk0")).toBeNull();
    expect(normaliseRecoveryCode("")).toBeNull();
  });
});
