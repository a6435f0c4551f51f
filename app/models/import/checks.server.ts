// The checks that need the whole file, run in the database on the staged lines, so memory
// stays flat however long the file is. Each writes its findings as bad lines of the run.
// Window functions, CTEs, CAST and || read the same in SQLite and PostgreSQL.
import { getDb } from "~/db/client.server";
import type { DbHandle } from "~/db/transaction.server";

export async function checkWholeFile(runId: string, db: DbHandle = getDb()): Promise<void> {
  // Lines of one customer, ordered by group: a line with the group of the line before it is a
  // duplicate; a line whose customer fields differ from the customer's first line disagrees.
  await db.$executeRaw`
    WITH "byCustomer" AS MATERIALIZED (
      SELECT "line", "groupId", "customerFingerprint",
        LAG("groupId") OVER "w" AS "previousGroup",
        LAG("line") OVER "w" AS "previousLine",
        FIRST_VALUE("customerFingerprint") OVER "w" AS "firstFingerprint",
        FIRST_VALUE("line") OVER "w" AS "firstLine"
      FROM "ImportStagingRow" WHERE "runId" = ${runId}
      WINDOW "w" AS (PARTITION BY "externalId" ORDER BY "groupId", "line")
    )
    INSERT INTO "ImportLineError" ("runId", "line", "reason", "detail")
    SELECT CAST(${runId} AS TEXT), "line", 'duplicate-id', CAST("previousLine" AS TEXT)
      FROM "byCustomer" WHERE "groupId" = "previousGroup"
    UNION ALL
    SELECT CAST(${runId} AS TEXT), "line", 'conflicting-customer', CAST("firstLine" AS TEXT)
      FROM "byCustomer" WHERE "customerFingerprint" <> "firstFingerprint"`;
  // One address under two external ids in the file: every line after the first holder's.
  await db.$executeRaw`
    INSERT INTO "ImportLineError" ("runId", "line", "reason", "detail")
    SELECT CAST(${runId} AS TEXT), "line", 'email-taken', CAST("firstLine" AS TEXT) FROM (
      SELECT "line", "externalId",
        FIRST_VALUE("externalId") OVER "w" AS "firstExternalId",
        FIRST_VALUE("line") OVER "w" AS "firstLine"
      FROM "ImportStagingRow" WHERE "runId" = ${runId}
      WINDOW "w" AS (PARTITION BY "emailHash" ORDER BY "line")
    ) "byAddress" WHERE "externalId" <> "firstExternalId"`;
  // ...or already in the database under another external id (the merge would break the
  // unique address otherwise). Moving an address between people takes two imports.
  await db.$executeRaw`
    INSERT INTO "ImportLineError" ("runId", "line", "reason", "detail")
    SELECT CAST(${runId} AS TEXT), s."line", 'email-registered', NULL
    FROM "ImportStagingRow" s JOIN "Customer" c ON c."emailHash" = s."emailHash"
    WHERE s."runId" = ${runId} AND c."externalId" <> s."externalId"`;
}
