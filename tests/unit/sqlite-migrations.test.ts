// Fails when prisma/models.prisma changed without a new SQLite migration
// (`npm run db:migration -- <name>` writes one for both providers).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { migrationDrift } from "~/cli/migration-drift";

const dir = mkdtempSync(join(tmpdir(), "madoguchi-drift-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("SQLite migrations match the models", { timeout: 120_000 }, async () => {
  expect(await migrationDrift("sqlite", `file:${join(dir, "scratch.db")}`)).toBe("");
});
