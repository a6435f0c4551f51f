import { describe, expect, it } from "vitest";
import { customerPasswordProblem, customerPasswordStrength } from "./customer-policy";

const email = "hanako.yamada@example.com";
const context = ["madoguchi", "Aroma Garden"];

describe("customer password policy (NIST SP 800-63B)", () => {
  it.each([
    ["short12", "too-short"],
    ["あいうえおかき", "too-short"], // 7 characters, 21 bytes
    ["x".repeat(129), "too-long"],
    ["my-hanako.yamada-pass", "contains-email"],
    ["ＨＡＮＡＫＯ．ＹＡＭＡＤＡ！", "contains-email"], // full-width, normalised first
    ["password", "common"],
    ["12345678", "common"],
    ["drowssap", "common"], // reversed
    ["p@ssw0rd", "common"], // l33t
    ["anpanman", "common"], // from the bundled list
    ["kumamon", "too-short"],
    ["Madoguchi", "common"], // the service's own name
    ["aroma garden", "common"],
    ["sakura123", "too-guessable"],
    ["iloveyou2", "common"], // itself in the breach corpus
    ["sakura1990", "too-guessable"],
    ["tanaka1990", "too-guessable"],
    ["qwertyuiop", "common"],
  ])("refuses %j (%s)", (password, problem) => {
    expect(customerPasswordProblem(password, email, context)).toBe(problem);
  });

  it.each([
    "correct horse battery staple",
    "窓口で春を待つ猫",
    "tP7#vL2q",
    "Ωμέγα-ひらがな-🐈‍⬛",
    "the quiet desk opens at nine and closes at nine, except on holidays",
    "a b c d e f g h i j",
  ])("accepts %j: any characters, no composition rules", (password) => {
    expect(customerPasswordProblem(password, email, context)).toBeNull();
  });

  it("allows 128 characters, and counts them after normalising", () => {
    const long = "窓口は朝九時に開き夜九時に閉まる。祝日は休み、年末年始も休み。".repeat(5).slice(0, 128);
    expect([...long].length).toBe(128);
    expect(customerPasswordProblem(long, email, context)).toBeNull();
    expect(customerPasswordProblem(`${long}。`, email, context)).toBe("too-long");
  });

  it("refuses a repeated character however long", () => {
    expect(customerPasswordProblem("x".repeat(64), email, context)).toBe("too-guessable");
  });

  it("gives the meter a low score with the problem, and a high one for a good password", () => {
    expect(customerPasswordStrength("password", email, context)).toEqual({ score: 0, problem: "common" });
    const good = customerPasswordStrength("correct horse battery staple", email, context);
    expect(good.problem).toBeNull();
    expect(good.score).toBeGreaterThanOrEqual(3);
  });
});
