// Fails when prisma/models.prisma changed without a new PostgreSQL migration.
import { expect, it } from "vitest";
import { migrationDrift } from "~/cli/migration-drift";

it("PostgreSQL migrations match the models", { timeout: 180_000 }, async () => {
  const scratchUrl = process.env.PG_SCRATCH_URL;
  if (!scratchUrl) throw new Error("run through `npm run test:pg`, which creates the scratch database");
  expect(await migrationDrift("postgresql", scratchUrl)).toBe("");
});
