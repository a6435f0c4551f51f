// A migrated throwaway SQLite database of a unit test file's own: a copy of the template the
// global setup migrated (tests/support/sqlite-template.ts), in a folder of its own that is
// removed after the file's tests. The PostgreSQL twin is tests/postgres/scratch-database.ts.
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, inject } from "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    /** The migrated template file. */
    sqliteTemplate: string;
  }
}

export interface ScratchSqlite {
  /** The test file's own folder, for whatever else it writes (removed with the database). */
  dir: string;
  file: string;
  url: string;
}

/**
 * Call at the top of a test file: the copy exists at once, so the URL can go into
 * process.env before app code is imported. The folder goes after the file's other afterAll
 * hooks (which run in reverse order), so a client is closed before its file is removed.
 */
export function scratchSqliteDatabase(label: string): ScratchSqlite {
  const dir = mkdtempSync(join(tmpdir(), `madoguchi-${label}-`));
  const file = join(dir, `${label}.db`);
  copyFileSync(inject("sqliteTemplate"), file);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return { dir, file, url: `file:${file}` };
}
