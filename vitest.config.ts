import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Unit tests live next to the code they test; Playwright specs live in tests/e2e.
export default defineConfig({
  resolve: { alias: { "~": fileURLToPath(new URL("./app", import.meta.url)) } },
  test: {
    include: ["app/**/*.test.ts", "tests/unit/**/*.test.ts"],
    environment: "node",
    globals: false,
    // Vitest leaves a core free by default: on two cores that is one file at a time, while
    // many files wait on a child process or a database file. Both cores: 62 s became 52 s.
    maxWorkers: availableParallelism(),
    // The migrations applied once; each test with a database copies the file.
    globalSetup: ["tests/support/sqlite-template.ts"],
  },
});
