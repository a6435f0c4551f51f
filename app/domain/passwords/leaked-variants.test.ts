import { describe, expect, it } from "vitest";
import { leakedPasswordVariants, MAX_LEAKED_VARIANTS } from "./leaked-variants";

describe("the forms a new password could be the leaked one mangled into", () => {
  it.each([
    ["sakura2015!", "sakura2015"],
    ["Sakura_2015", "sakura2015"],
    ["Sakura2015!", "sakura2015"],
    ["SAKURA2015", "sakura2015"],
    ["!!sakura2015", "sakura2015"],
    ["s@kura2015", "sakura2015"],
    ["sakura2015", "Sakura2015"],
    ["hanabi-2019!", "hanabi2019"],
    ["sakura2015!", "sakura"],
    ["2015sakura", "sakura"],
  ])("%s may be %s made over", (typed, leaked) => {
    expect(leakedPasswordVariants(typed)).toContain(leaked);
  });

  it("keeps Japanese as it is, trimming what was added around it", () => {
    expect(leakedPasswordVariants("さくら咲く2015！".normalize("NFKC"))).toContain("さくら咲く2015");
  });

  it("leaves out the password itself, duplicates and empty forms", () => {
    const forms = leakedPasswordVariants("sakura2015");
    expect(forms).not.toContain("sakura2015");
    expect(new Set(forms).size).toBe(forms.length);
    expect(leakedPasswordVariants("!!!")).not.toContain("");
  });

  it("is bounded, whatever the password", () => {
    for (const typed of ["a_b-c.d e!f@g$h+i 1234", "x".repeat(128), "@@$$!!++12ab34CD"]) {
      expect(leakedPasswordVariants(typed).length).toBeLessThanOrEqual(MAX_LEAKED_VARIANTS);
    }
  });

  it("finds nothing to trim in an unrelated passphrase but its case", () => {
    expect(leakedPasswordVariants("窓口で春を待つ猫と柴犬")).toEqual([]);
  });
});
