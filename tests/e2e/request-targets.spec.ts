// Requests HTTP allows that no page of the portal answers, as scanners send them: an absolute
// target (a proxy's form), "*", TRACE and other methods. Each once ended in a TypeError, a
// 500 and a plain-text stack trace in the JSON log. Sent byte for byte to a server of the
// test's own, whose log the test reads.
import { expect, test } from "@playwright/test";
import { OWN_SERVER } from "../support/tags";
import { startOwnServer } from "../support/own-server";
import { sendRaw } from "../support/raw-http";

test("a request no page answers gets a 400 or a 405 and one JSON log line, never a 500 or a stack trace", OWN_SERVER, async () => {
  test.setTimeout(120_000);
  const server = await startOwnServer({ E2E_LOG_LEVEL: "info" });
  try {
    const host = `Host: 127.0.0.1:${server.port}`;
    const logBefore = server.output().length;
    const refused: Array<[string, 400 | 405]> = [
      ["GET http://evil.example/ HTTP/1.1", 400],
      ["GET http://evil.example/check?token=secret HTTP/1.1", 400],
      ["POST http://evil.example/check HTTP/1.1", 400],
      ["GET * HTTP/1.1", 400],
      ["TRACE / HTTP/1.1", 405],
      ["PUT /check HTTP/1.1", 405],
      ["DELETE /staff/members HTTP/1.1", 405],
      ["PATCH /inquiries/new HTTP/1.1", 405],
    ];
    for (const [line, status] of refused) {
      const answer = await sendRaw(server.port, [line, host]);
      expect(answer.status, line).toBe(status);
      expect(answer.body, line).toMatch(/受け付けられません|応じていません/);
      expect(answer.body, line).toMatch(/not accepted|not supported/);
      if (status === 405) expect(answer.headers.allow, line).toBe("GET, HEAD, POST, OPTIONS");
    }
    const options = await sendRaw(server.port, ["OPTIONS * HTTP/1.1", host]);
    expect(options.status).toBe(204);
    expect(options.headers.allow).toBe("GET, HEAD, POST, OPTIONS");
    // The pages still answer as ever.
    expect((await sendRaw(server.port, ["GET / HTTP/1.1", host])).status).toBe(200);
    expect((await sendRaw(server.port, ["HEAD /check HTTP/1.1", host])).status).toBe(200);

    // One JSON line for each refusal, naming no part of the target (it may hold a token).
    await expect.poll(() => refusalsIn(server.output().slice(logBefore)).length, { timeout: 10_000 }).toBe(refused.length);
    const log = server.output().slice(logBefore);
    for (const line of log.split("\n").filter((each) => each.trim() !== "")) expect(() => JSON.parse(line), line).not.toThrow();
    expect(log).not.toMatch(/TypeError|\n\s+at /);
    expect(log).not.toContain("evil.example");
    expect(log).not.toContain("secret");
    expect(refusalsIn(log).map((entry) => entry.status)).toEqual(refused.map(([, status]) => status));
  } finally {
    await server.stop();
  }
});

function refusalsIn(log: string): Array<{ status: number }> {
  return log
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as { msg?: string; status: number })
    .filter((entry) => entry.msg === "request refused");
}
