import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Only the PostgreSQL checks; run through tests/postgres/run.ts, which provides the database.
export default defineConfig({
  resolve: { alias: { "~": fileURLToPath(new URL("../../app", import.meta.url)) } },
  test: {
    include: ["tests/postgres/**/*.test.ts"],
    environment: "node",
    // The migrations applied once; each test's database is created from it.
    globalSetup: ["tests/postgres/template-database.ts"],
  },
});
