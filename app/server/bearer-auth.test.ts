import { describe, expect, it } from "vitest";
import { bearerTokenMatches } from "./bearer-auth";

const TOKEN = "q8Zt2Lw5Nc9Rv3Hx7Kb1Mf6Pj4Sd0Ga-_";

describe("bearer token check", () => {
  it("accepts the configured token", () => {
    expect(bearerTokenMatches(`Bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(bearerTokenMatches(`bearer ${TOKEN}`, TOKEN)).toBe(true);
  });

  it.each([
    ["no header", undefined],
    ["an empty header", ""],
    ["the bare token", TOKEN],
    ["another scheme", `Basic ${TOKEN}`],
    ["a prefix of it", `Bearer ${TOKEN.slice(0, -1)}`],
    ["more than it", `Bearer ${TOKEN}x`],
    ["two tokens", `Bearer ${TOKEN} ${TOKEN}`],
    ["an empty token", "Bearer "],
  ])("refuses %s", (_, header) => {
    expect(bearerTokenMatches(header, TOKEN)).toBe(false);
  });
});
