import { describe, expect, it } from "vitest";
import { auditLogFilter } from "./log-filter";

describe("audit log filter", () => {
  it("passes the exact-match filters through", () => {
    expect(auditLogFilter({ actor: "officer@example.com", action: "audit.view", result: "ok" }, "Asia/Tokyo")).toEqual({
      actorEmail: "officer@example.com",
      action: "audit.view",
      result: "ok",
      from: undefined,
      until: undefined,
    });
  });

  it("reads dates as whole days in the desk's time zone", () => {
    const filter = auditLogFilter({ from: "2026-11-24", to: "2026-11-24" }, "Asia/Tokyo");
    expect(filter.from?.toISOString()).toBe("2026-11-23T15:00:00.000Z");
    expect(filter.until?.toISOString()).toBe("2026-11-24T15:00:00.000Z");
  });

  it("ends a day on which the clocks go forward at the next local midnight", () => {
    // British Summer Time starts on 29 March 2026: that day has 23 hours.
    const filter = auditLogFilter({ from: "2026-03-29", to: "2026-03-29" }, "Europe/London");
    expect(filter.from?.toISOString()).toBe("2026-03-29T00:00:00.000Z");
    expect(filter.until?.toISOString()).toBe("2026-03-29T23:00:00.000Z");
  });

  it("starts a day whose midnight was skipped at its first instant", () => {
    // São Paulo moved its clocks from 00:00 to 01:00 on 4 November 2018.
    const filter = auditLogFilter({ from: "2018-11-04", to: "2018-11-04" }, "America/Sao_Paulo");
    expect(filter.from?.toISOString()).toBe("2018-11-04T03:00:00.000Z");
    expect(filter.until?.toISOString()).toBe("2018-11-05T02:00:00.000Z");
  });
});
