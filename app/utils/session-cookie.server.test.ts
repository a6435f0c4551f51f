import { describe, expect, it } from "vitest";
import { sessionIsLive } from "./session-cookie.server";

const now = Date.parse("2026-11-21T12:00:00Z");
const idle = 30 * 60_000;
const session = (overrides: Partial<{ revokedAt: Date | null; expiresAt: Date; lastSeenAt: Date }> = {}) => ({
  revokedAt: null,
  expiresAt: new Date(now + 60 * 60_000),
  lastSeenAt: new Date(now - 60_000),
  ...overrides,
});

describe("sessionIsLive", () => {
  it("accepts a recent, unexpired, unrevoked session", () => {
    expect(sessionIsLive(session(), idle, now)).toBe(true);
  });

  it("refuses a revoked one", () => {
    expect(sessionIsLive(session({ revokedAt: new Date(now - 1) }), idle, now)).toBe(false);
  });

  it("refuses one at or past its absolute expiry", () => {
    expect(sessionIsLive(session({ expiresAt: new Date(now) }), idle, now)).toBe(false);
  });

  it("refuses one idle for the whole timeout, not a moment less", () => {
    expect(sessionIsLive(session({ lastSeenAt: new Date(now - idle) }), idle, now)).toBe(false);
    expect(sessionIsLive(session({ lastSeenAt: new Date(now - idle + 1) }), idle, now)).toBe(true);
  });
});
