import { once } from "node:events";
import net from "node:net";
import { expect, test } from "@playwright/test";
import { PORT as MAIN_PORT } from "../../playwright.config";
import { waitForApp } from "../support/app-process";
import { startSecondInstance } from "../support/second-instance";

const PORT = MAIN_PORT + 2;
// Within this file the tests take turns: each starts its own process on PORT.
test.describe.configure({ mode: "default" });

test("SIGTERM shuts the server down gracefully", async () => {
  test.setTimeout(60_000);
  const server = startSecondInstance(PORT, "info");

  await waitForApp(server, 45_000);
  expect(server.output()).toContain("Madoguchi is listening");

  server.child.kill("SIGTERM");
  // The output says why, when it did not exit cleanly (a timeout, an error while stopping).
  expect(await server.exited, server.output()).toBe(0);
  expect(server.output()).toContain('"signal":"SIGTERM"');
  expect(server.output()).toContain("shutting down");
});

test("a request in flight when the stop begins is answered, its connection closed, and the process exits at once", async () => {
  test.setTimeout(60_000);
  const server = startSecondInstance(PORT, "info");
  await waitForApp(server, 45_000);

  // A form still arriving when SIGTERM comes: its request is in flight, so the connection is not idle.
  const body = "email=in-flight%40example.org&website=";
  const socket = net.connect(PORT, "127.0.0.1");
  await once(socket, "connect");
  const received: Buffer[] = [];
  socket.on("data", (chunk: Buffer) => received.push(chunk));
  const closed = once(socket, "close");
  socket.write(
    [
      "POST /check HTTP/1.1",
      `Host: 127.0.0.1:${PORT}`,
      `Origin: http://127.0.0.1:${PORT}`,
      `X-Forwarded-For: 198.51.100.${1 + Math.floor(Math.random() * 250)}`,
      "Content-Type: application/x-www-form-urlencoded",
      `Content-Length: ${body.length}`,
      "",
      body.slice(0, 6),
    ].join("\r\n"),
  );
  server.child.kill("SIGTERM");
  await expect.poll(() => server.output()).toContain("shutting down");
  socket.write(body.slice(6));

  // Answered in full, and the server closes the connection itself instead of keeping it alive
  // for reuse (which held the stop open past its grace until killed).
  await closed;
  const answer = Buffer.concat(received).toString("latin1");
  expect(answer).toMatch(/^HTTP\/1\.1 200 /);
  expect(answer).toMatch(/\r\nConnection: close\r\n/i);
  expect(await server.exited, server.output()).toBe(0);
});
