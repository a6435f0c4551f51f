import { describe, expect, it } from "vitest";
import { staffPasswordProblem } from "./password-policy";

const email = "hanako.yamada@example.com";

describe("staff password policy", () => {
  it.each([
    ["short-one", "too-short"],
    ["x".repeat(129), "too-long"],
    ["hanako.yamada-2026-spring", "contains-email"],
    ["password1234", "too-guessable"],
    ["qwertyuiop123", "too-guessable"],
    ["iloveyou1234", "too-guessable"],
  ])("refuses %j (%s)", (password, problem) => {
    expect(staffPasswordProblem(password, email)).toBe(problem);
  });

  it.each(["correct horse battery staple", "窓口の春は静かに来る二〇二六", "tP7#vL2q!mZ9xR4w"])(
    "accepts the long, unguessable %j without composition rules",
    (password) => {
      expect(staffPasswordProblem(password, email)).toBeNull();
    },
  );

  it("counts characters, not bytes, and normalises full-width input", () => {
    expect(staffPasswordProblem("あいうえおかきくけこさ", email)).toBe("too-short"); // 11 characters
    expect(staffPasswordProblem("ｐａｓｓｗｏｒｄ１２３４", email)).toBe("too-guessable");
  });
});
