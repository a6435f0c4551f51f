// Statements that stage sealed lines and record bad lines, a batch at a time, and that
// empty a run's staging area afterwards in small steps.
import { getDb } from "~/db/client.server";
import type { DbHandle } from "~/db/transaction.server";
import type { LineIssue } from "~/domain/import/reasons";
import { Prisma } from "~/generated/sqlite/client";
import type { SealedLine } from "./seal-lines.server";

// 17 values a line: 1,000 lines stay well under SQLite's 32,766 bound parameters (and
// PostgreSQL's 65,535) and make one prepared statement that every full batch reuses.
export const LINES_PER_STATEMENT = 1_000;

export function stagingStatements(runId: string, lines: SealedLine[]): Prisma.Sql[] {
  const statements: Prisma.Sql[] = [];
  for (let start = 0; start < lines.length; start += LINES_PER_STATEMENT) {
    const rows = lines.slice(start, start + LINES_PER_STATEMENT).map(
      (l) => Prisma.sql`(${runId}, ${l.line}, ${l.externalId}, ${l.emailHash}, ${l.customerFingerprint}, ${l.emailCiphertext},
        ${l.nameCiphertext}, ${l.languageCiphertext}, ${l.registeredAt}, ${l.groupId}, ${l.categoryIds}, ${l.periodFrom}, ${l.periodUntil},
        ${l.legacyPasswordHash}, ${l.legacyHashAlgorithm}, ${l.newCustomerId}, ${l.newExposureId})`,
    );
    statements.push(Prisma.sql`INSERT INTO "ImportStagingRow" ("runId", "line", "externalId", "emailHash",
      "customerFingerprint", "emailCiphertext", "nameCiphertext", "languageCiphertext", "registeredAt", "groupId", "categoryIds",
      "periodFrom", "periodUntil", "legacyPasswordHash", "legacyHashAlgorithm", "newCustomerId", "newExposureId")
      VALUES ${Prisma.join(rows)}`);
  }
  return statements;
}

export function issueStatements(runId: string, issues: LineIssue[]): Prisma.Sql[] {
  const statements: Prisma.Sql[] = [];
  for (let start = 0; start < issues.length; start += LINES_PER_STATEMENT) {
    const rows = issues
      .slice(start, start + LINES_PER_STATEMENT)
      .map((issue) => Prisma.sql`(${runId}, ${issue.line}, ${issue.reason}, ${issue.detail ?? null})`);
    // A line can show the same reason twice (two unknown categories); the first detail is enough.
    statements.push(Prisma.sql`INSERT INTO "ImportLineError" ("runId", "line", "reason", "detail")
      VALUES ${Prisma.join(rows)} ON CONFLICT DO NOTHING`);
  }
  return statements;
}

/** Empties a run's staging area a slice of lines at a time, so no step holds SQLite's write lock for long. */
export async function clearStaging(runId: string, db: DbHandle = getDb()): Promise<void> {
  const [last] = await db.$queryRaw<Array<{ line: number | bigint | null }>>`
    SELECT MAX("line") AS "line" FROM "ImportStagingRow" WHERE "runId" = ${runId}`;
  const lastLine = Number(last?.line ?? 0);
  for (let from = 0; from < lastLine; from += 50_000) {
    await db.$executeRaw`DELETE FROM "ImportStagingRow" WHERE "runId" = ${runId} AND "line" > ${from} AND "line" <= ${from + 50_000}`;
  }
}
