import { expect, test } from "@playwright/test";
import { PORT as MAIN_PORT } from "../../playwright.config";
import { waitForApp } from "../support/app-process";
import { startSecondInstance } from "../support/second-instance";

const PORT = MAIN_PORT + 2;

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
