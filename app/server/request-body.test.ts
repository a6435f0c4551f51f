import { describe, expect, it } from "vitest";
import { FORM_BODY_LIMIT_BYTES, judgeBody, type BodyHeaders } from "./request-body";

const form: BodyHeaders = {
  method: "POST",
  path: "/inquiries/new",
  contentType: "application/x-www-form-urlencoded;charset=UTF-8",
  contentLength: "120",
  transferEncoding: undefined,
};

describe("what a request body may be", () => {
  it("lets a form post and any GET through", () => {
    expect(judgeBody(form)).toEqual({ verdict: "pass" });
    expect(judgeBody({ ...form, method: "GET", contentType: "application/json" })).toEqual({ verdict: "pass" });
  });

  it("reads a post with no body and no type as an empty form", () => {
    expect(judgeBody({ ...form, contentType: undefined, contentLength: undefined })).toEqual({ verdict: "empty-form" });
    expect(judgeBody({ ...form, contentType: undefined, contentLength: "0" })).toEqual({ verdict: "empty-form" });
  });

  it("refuses JSON, plain text, multipart and an untyped body, in both languages", () => {
    for (const contentType of ["application/json", "text/plain", "multipart/form-data; boundary=x", undefined]) {
      const judged = judgeBody({ ...form, contentType });
      expect(judged).toMatchObject({ verdict: "refuse", status: 415 });
      expect(judged.verdict === "refuse" && judged.message).toMatch(/この形式の送信は受け付けられません。[\s\S]*not accepted/);
    }
  });

  it("refuses a body past the limit, and one whose length is unknown or nonsense", () => {
    expect(judgeBody({ ...form, contentLength: String(FORM_BODY_LIMIT_BYTES) })).toEqual({ verdict: "pass" });
    expect(judgeBody({ ...form, contentLength: String(FORM_BODY_LIMIT_BYTES + 1) })).toMatchObject({ status: 413 });
    expect(judgeBody({ ...form, contentLength: undefined, transferEncoding: "chunked" })).toMatchObject({ status: 411 });
    expect(judgeBody({ ...form, contentLength: "-1" })).toMatchObject({ status: 411 });
  });

  it("leaves the import upload to its own, larger limit", () => {
    const upload = { ...form, path: "/staff/import", contentType: "multipart/form-data; boundary=x", contentLength: String(100 * 1024 * 1024) };
    expect(judgeBody(upload)).toEqual({ verdict: "pass" });
    expect(judgeBody({ ...upload, path: "/staff/import.data" })).toEqual({ verdict: "pass" });
  });
});
