import { describe, expect, it } from "vitest";
import { judgeTarget } from "./request-target";

describe("which requests reach the portal's pages", () => {
  it("serves GET, HEAD and POST of a path", () => {
    for (const method of ["GET", "HEAD", "POST"]) expect(judgeTarget(method, "/check?index")).toEqual({ verdict: "serve" });
  });

  it("refuses a target that is not a path with a 400, whatever the method", () => {
    for (const target of ["http://evil.example/", "https://127.0.0.1:3000/check", "*", "check", ""]) {
      expect(judgeTarget("GET", target)).toEqual({ verdict: "refuse", status: 400, reason: "target-not-a-path" });
    }
    expect(judgeTarget("POST", "http://evil.example/check")).toMatchObject({ status: 400 });
  });

  it("refuses every other method with a 405", () => {
    for (const method of ["TRACE", "PUT", "PATCH", "DELETE", "PROPFIND", "TRACK"]) {
      expect(judgeTarget(method, "/")).toEqual({ verdict: "refuse", status: 405, reason: "method-not-served" });
    }
  });

  it("answers OPTIONS with the methods, for the server as a whole or a path", () => {
    expect(judgeTarget("OPTIONS", "*")).toEqual({ verdict: "options" });
    expect(judgeTarget("OPTIONS", "/check")).toEqual({ verdict: "options" });
    expect(judgeTarget("OPTIONS", "http://evil.example/")).toMatchObject({ status: 400 });
  });
});
