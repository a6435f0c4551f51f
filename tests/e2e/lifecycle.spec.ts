import { expect, test } from "@playwright/test";
import { PORT as MAIN_PORT } from "../../playwright.config";
import { startSecondInstance } from "../support/second-instance";

const PORT = MAIN_PORT + 2;

test("SIGTERM shuts the server down gracefully", async ({ request }) => {
  test.setTimeout(60_000);
  const server = startSecondInstance(PORT, "info");

  await expect
    .poll(async () => (await request.get(`${server.url}/healthz`).catch(() => null))?.status(), {
      timeout: 30_000,
    })
    .toBe(200);
  expect(server.output()).toContain("Madoguchi is listening");

  server.child.kill("SIGTERM");
  expect(await server.exited).toBe(0);
  expect(server.output()).toContain('"signal":"SIGTERM"');
  expect(server.output()).toContain("shutting down");
});
