import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { auditLogSearch, AuditLogFiltersSchema, AuditLogQuerySchema } from "./log-query";

function parse(search: string) {
  return parseWithZod(new URLSearchParams(search), { schema: AuditLogQuerySchema });
}

describe("audit log query", () => {
  it("accepts no filters at all", () => {
    expect(parse("")).toMatchObject({ status: "success", value: {} });
  });

  it("reads every filter and the page cursor, ignoring other parameters", () => {
    const submission = parse("actor=%20Officer%40Example.com%20&action=staff.sign-in&result=denied&from=2026-11-01&to=2026-11-30&before=120&lng=en");
    expect(submission.status).toBe("success");
    expect(submission.status === "success" && submission.value).toEqual({
      actor: "officer@example.com",
      action: "staff.sign-in",
      result: "denied",
      from: "2026-11-01",
      to: "2026-11-30",
      before: 120,
    });
  });

  it("treats empty fields as no filter", () => {
    expect(parse("actor=&action=&result=&from=&to=")).toMatchObject({ status: "success", value: {} });
  });

  it.each([
    ["from=2026-13-45", "from", "staff-audit:errors.date"],
    ["to=2026-02-30", "to", "staff-audit:errors.date"],
    ["from=24%2F11%2F2026", "from", "staff-audit:errors.date"],
    ["from=2026-11-30&to=2026-11-01", "to", "staff-audit:errors.range"],
    ["actor=officer", "actor", "staff-audit:errors.actor"],
    ["action=DROP%20TABLE", "action", "staff-audit:errors.action"],
    ["result=maybe", "result", "staff-audit:errors.result"],
    ["before=abc", "before", "staff-audit:errors.before"],
    ["before=0", "before", "staff-audit:errors.before"],
    ["before=1.5", "before", "staff-audit:errors.before"],
    ["before=99999999999", "before", "staff-audit:errors.before"],
    ["action=a&action=b", "action", "staff-audit:errors.action"],
    ["actor=a%40example.com&actor=b%40example.com", "actor", "staff-audit:errors.actor"],
    ["from=2026-11-01&from=2026-11-02", "from", "staff-audit:errors.date"],
    ["result=ok&result=denied", "result", "staff-audit:errors.result"],
    ["before=1&before=2", "before", "staff-audit:errors.before"],
  ])("explains %s", (search, field, message) => {
    const submission = parse(search);
    expect(submission.status).toBe("error");
    expect(submission.reply().error?.[field]).toEqual([message]);
  });

  it("leaves the page cursor out of the export's filters", () => {
    const submission = parseWithZod(new URLSearchParams("action=audit.view&before=5"), { schema: AuditLogFiltersSchema });
    expect(submission.status === "success" && submission.value).toEqual({ action: "audit.view" });
  });
});

describe("links that keep the filters", () => {
  it("writes only what is set, in a stable order", () => {
    expect(auditLogSearch({ before: 51, actor: "a+b@example.com", result: "ok" })).toBe("?actor=a%2Bb%40example.com&result=ok&before=51");
    expect(auditLogSearch({})).toBe("");
  });

  it("round-trips through the schema", () => {
    const query = { actor: "officer@example.com", action: "audit.view", from: "2026-11-01", to: "2026-11-02", before: 7 };
    expect(parse(auditLogSearch(query).slice(1))).toMatchObject({ status: "success", value: query });
  });
});
