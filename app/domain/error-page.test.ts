import { describe, expect, it } from "vitest";
import { ERROR_KINDS, errorKindFor, ROLE_REFUSAL } from "./error-page";

describe("what an error page says", () => {
  it("names the usual statuses", () => {
    expect(errorKindFor(404)).toBe("not-found");
    expect(errorKindFor(400)).toBe("refused");
    expect(errorKindFor(405)).toBe("method");
    expect(errorKindFor(413)).toBe("too-large");
    expect(errorKindFor(429)).toBe("too-many");
    expect(errorKindFor(503)).toBe("unavailable");
  });

  it("tells a staff member's role apart from a refused request", () => {
    expect(errorKindFor(403, ROLE_REFUSAL)).toBe("role");
    expect(errorKindFor(403, JSON.parse(JSON.stringify(ROLE_REFUSAL)))).toBe("role");
    expect(errorKindFor(403, "Cross-site request refused")).toBe("refused");
    expect(errorKindFor(403, null)).toBe("refused");
  });

  it("says nothing more than 'unexpected' for anything else", () => {
    for (const status of [500, 502, 418, null]) expect(errorKindFor(status)).toBe("unexpected");
  });

  it("has a kind for each status it names", () => {
    expect(new Set([404, 403, 400, 405, 413, 429, 503, 500].map((status) => errorKindFor(status, status === 403 ? ROLE_REFUSAL : undefined)))).toEqual(
      new Set(ERROR_KINDS),
    );
  });
});
