// The merge of a clean, staged file: one transaction, so the records change completely or
// not at all, even if the process dies half way. Customers are upserted by external id; the
// exposures of every customer named in the file are replaced by the file's. Lines of people
// whose data was erased on request are left out first (ADR 013).
import type { Tx } from "~/db/transaction.server";

export interface MergeCounts {
  customersCreated: number;
  customersUpdated: number;
  exposuresWritten: number;
  /** Lines left out because a completed deletion request names their address or external id. */
  linesSkipped: number;
}

export async function mergeStagedRun(tx: Tx, runId: string, now: Date): Promise<MergeCounts> {
  const linesSkipped = await skipErasedPeople(tx, runId);
  // Before the upsert, so that the customers created below are not looked at. Categories
  // first and explicitly: on SQLite the merge runs without foreign-key actions.
  await tx.$executeRaw`
    DELETE FROM "CustomerExposureCategory" WHERE "exposureId" IN (
      SELECT e."id" FROM "ImportStagingRow" s JOIN "Customer" c ON c."externalId" = s."externalId"
      JOIN "CustomerExposure" e ON e."customerId" = c."id"
      WHERE s."runId" = ${runId})`;
  await tx.$executeRaw`
    DELETE FROM "CustomerExposure" WHERE "customerId" IN (
      SELECT c."id" FROM "ImportStagingRow" s JOIN "Customer" c ON c."externalId" = s."externalId"
      WHERE s."runId" = ${runId})`;
  // The customer fields of all of a customer's lines agree (checked), so the first one speaks
  // for them; one line per customer also keeps PostgreSQL's upsert from meeting a row twice.
  const customers = await tx.$executeRaw`
    INSERT INTO "Customer" ("id", "externalId", "emailHash", "emailCiphertext", "nameCiphertext", "languageCiphertext", "registeredAt",
      "legacyPasswordHash", "legacyHashAlgorithm", "createdAt", "updatedAt")
    SELECT s."newCustomerId", s."externalId", s."emailHash", s."emailCiphertext", s."nameCiphertext", s."languageCiphertext", s."registeredAt",
      s."legacyPasswordHash", s."legacyHashAlgorithm", ${now}, ${now}
    FROM "ImportStagingRow" s
    WHERE s."runId" = ${runId} AND s."line" IN (
      SELECT MIN("line") FROM "ImportStagingRow" WHERE "runId" = ${runId} GROUP BY "externalId")
    ON CONFLICT ("externalId") DO UPDATE SET
      "emailHash" = excluded."emailHash", "emailCiphertext" = excluded."emailCiphertext",
      "nameCiphertext" = excluded."nameCiphertext", "languageCiphertext" = excluded."languageCiphertext",
      "registeredAt" = excluded."registeredAt",
      "updatedAt" = excluded."updatedAt",
      -- A line with a legacy hash replaces the stored one (bare again until the wrap job runs);
      -- a line without keeps it, wrapped or not: the leaked password must stay recognisable.
      "legacyPasswordHash" = CASE WHEN excluded."legacyPasswordHash" IS NULL THEN "Customer"."legacyPasswordHash" ELSE excluded."legacyPasswordHash" END,
      "legacyHashAlgorithm" = CASE WHEN excluded."legacyPasswordHash" IS NULL THEN "Customer"."legacyHashAlgorithm" ELSE excluded."legacyHashAlgorithm" END,
      "legacyHashParameters" = CASE WHEN excluded."legacyPasswordHash" IS NULL THEN "Customer"."legacyHashParameters" ELSE NULL END,
      "legacyHashWrapped" = CASE WHEN excluded."legacyPasswordHash" IS NULL THEN "Customer"."legacyHashWrapped" ELSE NULL END`;
  const exposures = await tx.$executeRaw`
    INSERT INTO "CustomerExposure" ("id", "customerId", "groupId", "periodFrom", "periodUntil")
    SELECT s."newExposureId", c."id", s."groupId", s."periodFrom", s."periodUntil"
    FROM "ImportStagingRow" s JOIN "Customer" c ON c."externalId" = s."externalId"
    WHERE s."runId" = ${runId}`;
  // Category ids are space-separated in the staged line; ids are cuids (letters and digits),
  // so LIKE sees no wildcard in them. Only the group's categories can match (checked on reading).
  await tx.$executeRaw`
    INSERT INTO "CustomerExposureCategory" ("exposureId", "categoryId")
    SELECT s."newExposureId", gc."categoryId"
    FROM "ImportStagingRow" s JOIN "AffectedGroupCategory" gc ON gc."groupId" = s."groupId"
      AND (' ' || s."categoryIds" || ' ') LIKE ('% ' || gc."categoryId" || ' %')
    WHERE s."runId" = ${runId}`;
  const [created] = await tx.$queryRaw<Array<{ count: number | bigint }>>`
    SELECT COUNT(*) AS "count" FROM "ImportStagingRow" s JOIN "Customer" c ON c."id" = s."newCustomerId"
    WHERE s."runId" = ${runId}`;
  const customersCreated = Number(created?.count ?? 0);
  return { customersCreated, customersUpdated: customers - customersCreated, exposuresWritten: exposures, linesSkipped };
}

/**
 * Puts the lines of people erased on request on record as skipped (after the rejection check,
 * so they don't reject the file) and removes them from staging, so the merge never sees them.
 * A tombstone matches by address or by external id: the company may have changed either. All
 * lines of one customer share both (checked), so a customer is skipped whole or not at all.
 */
async function skipErasedPeople(tx: Tx, runId: string): Promise<number> {
  // The transaction's first statement writes, so SQLite takes its write lock before anything
  // is read. IN (SELECT ...) is worked out once on both databases, not once per staged line.
  const skipped = await tx.$executeRaw`
    INSERT INTO "ImportLineError" ("runId", "line", "reason", "detail")
    SELECT CAST(${runId} AS TEXT), s."line", 'erased-on-request', NULL
    FROM "ImportStagingRow" s
    WHERE s."runId" = ${runId}
      AND (s."emailHash" IN (SELECT "emailHash" FROM "DeletionRequest" WHERE "status" = 'completed')
        OR s."externalId" IN (SELECT "externalId" FROM "DeletionRequest" WHERE "status" = 'completed'))`;
  if (skipped === 0) return 0;
  await tx.$executeRaw`
    DELETE FROM "ImportStagingRow" WHERE "runId" = ${runId} AND "line" IN (
      SELECT "line" FROM "ImportLineError" WHERE "runId" = ${runId} AND "reason" = 'erased-on-request')`;
  return skipped;
}
