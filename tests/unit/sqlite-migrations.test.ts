// Fails when prisma/models.prisma changed without a new SQLite migration
// (`npm run db:migration -- <name>` writes one for both providers).
import { expect, it } from "vitest";
import { migrationDrift } from "~/cli/migration-drift";
import { scratchSqliteDatabase } from "../support/scratch-sqlite";

const { url } = scratchSqliteDatabase("drift");

it("SQLite migrations match the models", { timeout: 120_000 }, async () => {
  expect(await migrationDrift("sqlite", url)).toBe("");
});
