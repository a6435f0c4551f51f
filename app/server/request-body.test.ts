import type { AddressInfo } from "node:net";
import { request as httpRequest, type Server } from "node:http";
import { createReadableStreamFromReadable } from "@remix-run/node";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_FORM_FIELDS } from "./form-fields";
import { FORM_BODY_LIMIT_BYTES, guardRequestBody, judgeBody, withNulSymbols, type BodyHeaders } from "./request-body";

const form: BodyHeaders = {
  method: "POST",
  path: "/inquiries/new",
  contentType: "application/x-www-form-urlencoded;charset=UTF-8",
  contentLength: "120",
};

describe("what a request body may be", () => {
  it("reads a form post itself, and lets any GET through", () => {
    expect(judgeBody(form)).toEqual({ verdict: "read-form", typed: true });
    expect(judgeBody({ ...form, method: "GET", contentType: "application/json" })).toEqual({ verdict: "pass" });
  });

  it("reads a post with no body and no type as an empty form", () => {
    expect(judgeBody({ ...form, contentType: undefined, contentLength: "0" })).toEqual({ verdict: "empty-form" });
  });

  it("refuses JSON, plain text, multipart and an untyped body, in both languages", () => {
    for (const contentType of ["application/json", "text/plain", "multipart/form-data; boundary=x", undefined]) {
      const judged = judgeBody({ ...form, contentType });
      expect(judged).toMatchObject({ verdict: "refuse", status: 415 });
      expect(judged.verdict === "refuse" && judged.message).toMatch(/この形式の送信は受け付けられません。[\s\S]*not accepted/);
    }
    expect(judgeBody({ ...form, contentType: "application/json", contentLength: undefined })).toMatchObject({ status: 415 });
  });

  it("refuses a body declared past the limit, and counts one of unknown length", () => {
    expect(judgeBody({ ...form, contentLength: String(FORM_BODY_LIMIT_BYTES) })).toEqual({ verdict: "read-form", typed: true });
    expect(judgeBody({ ...form, contentLength: String(FORM_BODY_LIMIT_BYTES + 1) })).toMatchObject({ status: 413 });
    expect(judgeBody({ ...form, contentLength: undefined })).toEqual({ verdict: "read-form", typed: true });
    expect(judgeBody({ ...form, contentType: undefined, contentLength: undefined })).toEqual({ verdict: "read-form", typed: false });
  });

  it("writes NUL, percent-encoded or raw, as the symbol the pages show for it, and changes nothing else", () => {
    const form = new URLSearchParams(withNulSymbols(Buffer.from("message=a%00b%2500%%00c&x\u0000y=1")).toString("latin1"));
    expect([...form.entries()]).toEqual([
      ["message", "a␀b%00%␀c"],
      ["x␀y", "1"],
    ]);
    const untouched = Buffer.from("message=%E3%81%82%0D%0A");
    expect(withNulSymbols(untouched)).toBe(untouched);
  });

  it("leaves the import upload to its own, larger limit", () => {
    const upload = { ...form, path: "/staff/import", contentType: "multipart/form-data; boundary=x", contentLength: String(100 * 1024 * 1024) };
    expect(judgeBody(upload)).toEqual({ verdict: "pass" });
    expect(judgeBody({ ...upload, path: "/staff/import.data" })).toEqual({ verdict: "pass" });
  });
});

// The guard in front of a handler that reads the body as Remix's adapter does (a web
// Request over the Node stream), sent chunked as a proxy without request buffering would.
describe("a chunked form, as a proxy may forward it", () => {
  let server: Server;
  let port: number;
  beforeAll(async () => {
    const app = express();
    app.use(guardRequestBody);
    app.post("*", (req, res, next) => {
      const body = createReadableStreamFromReadable(req);
      new Request("http://localhost/", { method: "POST", headers: { "Content-Type": req.get("content-type")! }, body, duplex: "half" } as RequestInit)
        .formData()
        .then((formData) => res.json({ length: req.get("content-length"), fields: [...formData.entries()] }), next);
    });
    server = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  /** Sends `pieces` as separate chunks, a tick apart, without a Content-Length. */
  function sendChunked(pieces: Buffer[], contentType?: string): Promise<{ status: number; text: string }> {
    return new Promise((resolve, reject) => {
      const req = httpRequest(
        { port, host: "127.0.0.1", method: "POST", path: "/inquiries/new", headers: contentType ? { "Content-Type": contentType } : {} },
        (res) => {
          let text = "";
          res.setEncoding("utf8");
          res.on("data", (chunk: string) => (text += chunk));
          res.on("end", () => resolve({ status: res.statusCode!, text }));
        },
      );
      req.on("error", reject);
      const write = (index: number) => {
        if (index === pieces.length) return req.end();
        req.write(pieces[index], () => setImmediate(() => write(index + 1)));
      };
      write(0);
    });
  }

  it("reaches the route whole, with its length, however it was split", async () => {
    const text = "message=%E3%81%93%E3%82%93%E3%81%AB%E3%81%A1%E3%81%AF&email=a%40example.jp";
    const bytes = Buffer.from(text);
    const pieces = [bytes.subarray(0, 5), bytes.subarray(5, 30), bytes.subarray(30)];
    const answer = await sendChunked(pieces, "application/x-www-form-urlencoded");
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text)).toEqual({
      length: String(bytes.length),
      fields: [
        ["message", "こんにちは"],
        ["email", "a@example.jp"],
      ],
    });
  });

  it("reaches the route with its NUL characters as symbols, and its new length", async () => {
    const answer = await sendChunked([Buffer.from("message=NUL%00here&name=a%00")], "application/x-www-form-urlencoded");
    const sent = "message=NUL%E2%90%80here&name=a%E2%90%80";
    expect(JSON.parse(answer.text)).toEqual({
      length: String(sent.length),
      fields: [
        ["message", "NUL␀here"],
        ["name", "a␀"],
      ],
    });
  });

  it("reads an empty chunked post as an empty form, typed or not", async () => {
    for (const type of ["application/x-www-form-urlencoded", undefined]) {
      const answer = await sendChunked([], type);
      expect(JSON.parse(answer.text)).toEqual({ length: "0", fields: [] });
    }
  });

  it("refuses it with a 413 in both languages once it passes the limit, before the route sees any of it", async () => {
    const piece = Buffer.alloc(512 * 1024, "a");
    const answer = await sendChunked([Buffer.from("message="), ...Array.from({ length: 9 }, () => piece)], "application/x-www-form-urlencoded");
    expect(answer.status).toBe(413);
    expect(answer.text).toMatch(/大きすぎます[\s\S]*too large/);
  });

  it("refuses a form naming a field with a huge index before the route parses it, however it was sent", async () => {
    // With a length, as browsers send: the route never sees it (the server would spend minutes on it).
    const answer = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const body = "email=a%40example.jp&a%5B999999999%5D=x";
      const req = httpRequest(
        {
          port,
          host: "127.0.0.1",
          method: "POST",
          path: "/check",
          headers: { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(body.length) },
        },
        (res) => {
          let text = "";
          res.setEncoding("utf8");
          res.on("data", (chunk: string) => (text += chunk));
          res.on("end", () => resolve({ status: res.statusCode!, text }));
        },
      );
      req.on("error", reject);
      req.end(body);
    });
    expect(answer.status).toBe(400);
    expect(answer.text).toMatch(/受け付けられません[\s\S]*not accepted/);
    expect((await sendChunked([Buffer.from("a%5B1000000%5D=x")], "application/x-www-form-urlencoded")).status).toBe(400);
  });

  it("refuses a query string of too many fields, whatever the method", async () => {
    const query = "x=&".repeat(MAX_FORM_FIELDS + 1);
    const get = await fetch(`http://127.0.0.1:${port}/staff/audit?${query}`);
    expect(get.status).toBe(400);
    expect(await get.text()).toMatch(/受け付けられません[\s\S]*not accepted/);
    const post = await fetch(`http://127.0.0.1:${port}/check?${query}`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "email=a",
    });
    expect(post.status).toBe(400);
  });

  it("refuses a chunked body of another type, or an untyped one that isn't empty", async () => {
    expect((await sendChunked([Buffer.from("{}")], "application/json")).status).toBe(415);
    expect((await sendChunked([Buffer.from("email=a")])).status).toBe(415);
  });
});
