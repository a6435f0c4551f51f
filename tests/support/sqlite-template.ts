// Global setup of the unit tests: the SQLite migrations applied once, to a template file that
// each test needing a database copies (tests/support/scratch-sqlite.ts). Running the Prisma CLI
// for every such file cost seconds each, and minutes on a busy machine.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { prisma } from "../../app/cli/prisma-cli";

export default async function migrateTemplate(project: TestProject): Promise<() => void> {
  const dir = mkdtempSync(join(tmpdir(), "madoguchi-unit-template-"));
  const file = join(dir, "template.db");
  await prisma(["migrate", "deploy"], `file:${file}`);
  project.provide("sqliteTemplate", file);
  return () => rmSync(dir, { recursive: true, force: true });
}
