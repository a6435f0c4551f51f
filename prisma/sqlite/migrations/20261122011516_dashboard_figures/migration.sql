-- AlterTable
ALTER TABLE "Customer" ADD COLUMN "firstCheckedAt" DATETIME;
ALTER TABLE "Customer" ADD COLUMN "passwordFirstChangedAt" DATETIME;

-- AlterTable
ALTER TABLE "Inquiry" ADD COLUMN "firstResponseMinutes" INTEGER;

-- CreateTable
CREATE TABLE "BackgroundJobStatus" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "lastSuccessAt" DATETIME,
    "lastFailureAt" DATETIME,
    "lastError" TEXT,
    "failures" INTEGER NOT NULL DEFAULT 0
);

-- CreateIndex
CREATE INDEX "Customer_firstCheckedAt_idx" ON "Customer"("firstCheckedAt");

-- CreateIndex
CREATE INDEX "Customer_passwordFirstChangedAt_legacyHashAlgorithm_idx" ON "Customer"("passwordFirstChangedAt", "legacyHashAlgorithm");

-- CreateIndex
CREATE INDEX "DeletionRequest_receivedAt_idx" ON "DeletionRequest"("receivedAt");

-- CreateIndex
CREATE INDEX "DeletionRequest_completedAt_idx" ON "DeletionRequest"("completedAt");

-- CreateIndex
CREATE INDEX "DeletionRequest_status_decidedAt_idx" ON "DeletionRequest"("status", "decidedAt");

-- CreateIndex
CREATE INDEX "Inquiry_createdAt_idx" ON "Inquiry"("createdAt");

-- CreateIndex
CREATE INDEX "Inquiry_firstAnsweredAt_firstResponseMinutes_idx" ON "Inquiry"("firstAnsweredAt", "firstResponseMinutes");

-- Backfill: a customer checked their exposure when they first opened a mailbox link or
-- signed in with their password, both of which the audit log has kept.
UPDATE "Customer" SET "firstCheckedAt" = (
    SELECT MIN("at") FROM "AuditEntry"
    WHERE "AuditEntry"."targetId" = "Customer"."id"
      AND "AuditEntry"."result" = 'ok'
      AND "AuditEntry"."action" IN ('customer.open-check-link', 'customer.sign-in')
);

-- Backfill: the earliest change the audit log shows, else the latest one known.
UPDATE "Customer" SET "passwordFirstChangedAt" = COALESCE((
    SELECT MIN("at") FROM "AuditEntry"
    WHERE "AuditEntry"."targetId" = "Customer"."id"
      AND "AuditEntry"."result" = 'ok'
      AND "AuditEntry"."action" = 'customer.change-password'
), "passwordChangedAt")
WHERE "passwordChangedAt" IS NOT NULL;
