// Against a real HTTP server on this machine that speaks the range API.
import { createHash } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lookUpBreachedPassword } from "./pwned-passwords.server";

const sha1 = (text: string) => createHash("sha1").update(text, "utf8").digest("hex").toUpperCase();
const BREACHED = ["hunter2-hunter2", "パスワード2026"];
const PADDED = "correct horse battery staple"; // listed only as a padding decoy (count 0)

let server: Server;
let base: string;
const requested: Array<{ url: string; padding: string | undefined }> = [];
let mode: "normal" | "error" | "slow" = "normal";

beforeAll(async () => {
  server = createServer((request, response) => {
    requested.push({ url: request.url ?? "", padding: request.headers["add-padding"] as string | undefined });
    if (mode === "error") return void response.writeHead(503).end();
    if (mode === "slow") return void setTimeout(() => response.end(""), 1_000);
    const prefix = (request.url ?? "").split("/").pop()!;
    const lines = [
      ...BREACHED.map(sha1)
        .filter((hash) => hash.startsWith(prefix))
        .map((hash) => `${hash.slice(5)}:42`),
      ...[PADDED]
        .map(sha1)
        .filter((hash) => hash.startsWith(prefix))
        .map((hash) => `${hash.slice(5)}:0`),
      "0000000000000000000000000000000000A:0",
    ];
    response.writeHead(200, { "Content-Type": "text/plain" }).end(lines.join("\r\n"));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("breached-password lookup (range API)", () => {
  it("finds a breached password, sending only the first five hex characters of its SHA-1, asking for padding", async () => {
    requested.length = 0;
    mode = "normal";
    expect(await lookUpBreachedPassword(base, "パスワード2026")).toBe("breached");
    expect(requested).toEqual([{ url: `/range/${sha1("パスワード2026").slice(0, 5)}`, padding: "true" }]);
  });

  it("does not count padding decoys (count 0) or unknown passwords", async () => {
    mode = "normal";
    expect(await lookUpBreachedPassword(base, PADDED)).toBe("not-found");
    expect(await lookUpBreachedPassword(base, "a fresh and unlisted phrase")).toBe("not-found");
  });

  it("reports the service as unavailable when it fails, is slow, or is not there", async () => {
    mode = "error";
    expect(await lookUpBreachedPassword(base, "hunter2-hunter2")).toBe("unavailable");
    mode = "slow";
    expect(await lookUpBreachedPassword(base, "hunter2-hunter2", 200)).toBe("unavailable");
    expect(await lookUpBreachedPassword("http://127.0.0.1:9", "hunter2-hunter2")).toBe("unavailable");
  });
});
