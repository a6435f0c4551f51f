-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN "recipientHash" TEXT;

-- CreateTable
CREATE TABLE "DeletionRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "reference" TEXT NOT NULL,
    "customerId" TEXT,
    "openKey" TEXT,
    "emailHash" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'received',
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dueAt" DATETIME NOT NULL,
    "reviewStartedAt" DATETIME,
    "decidedAt" DATETIME,
    "decidedById" TEXT,
    "groundKey" TEXT,
    "groundJa" TEXT,
    "groundEn" TEXT,
    "explanationJa" TEXT,
    "explanationEn" TEXT,
    "executeAfter" DATETIME,
    "claimedUntil" DATETIME,
    "executionStartedAt" DATETIME,
    "completedAt" DATETIME,
    "cancelledAt" DATETIME,
    "erased" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "DeletionRequest_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "DeletionRequest_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "StaffMember" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DeletionManifestEntry" (
    "sequence" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "requestId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "webhookStatus" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimedUntil" DATETIME,
    "lastError" TEXT,
    "deliveredAt" DATETIME,
    CONSTRAINT "DeletionManifestEntry_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "DeletionRequest" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DeletionSettings" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT DEFAULT 1,
    "deadlineDays" INTEGER NOT NULL DEFAULT 30,
    "executionDelayHours" INTEGER NOT NULL DEFAULT 24,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "DeletionRefusalGround" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "labelJa" TEXT NOT NULL,
    "labelEn" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "retiredAt" DATETIME
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ImportRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "source" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "startedById" TEXT,
    "status" TEXT NOT NULL,
    "bytesTotal" INTEGER NOT NULL,
    "bytesRead" INTEGER NOT NULL DEFAULT 0,
    "linesRead" INTEGER NOT NULL DEFAULT 0,
    "errorCount" INTEGER NOT NULL DEFAULT 0,
    "customersCreated" INTEGER NOT NULL DEFAULT 0,
    "customersUpdated" INTEGER NOT NULL DEFAULT 0,
    "exposuresWritten" INTEGER NOT NULL DEFAULT 0,
    "linesSkipped" INTEGER NOT NULL DEFAULT 0,
    "failure" TEXT,
    "heartbeatAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME
);
INSERT INTO "new_ImportRun" ("bytesRead", "bytesTotal", "customersCreated", "customersUpdated", "errorCount", "exposuresWritten", "failure", "fileName", "finishedAt", "heartbeatAt", "id", "linesRead", "source", "startedAt", "startedById", "status") SELECT "bytesRead", "bytesTotal", "customersCreated", "customersUpdated", "errorCount", "exposuresWritten", "failure", "fileName", "finishedAt", "heartbeatAt", "id", "linesRead", "source", "startedAt", "startedById", "status" FROM "ImportRun";
DROP TABLE "ImportRun";
ALTER TABLE "new_ImportRun" RENAME TO "ImportRun";
CREATE INDEX "ImportRun_startedAt_idx" ON "ImportRun"("startedAt");
CREATE TABLE "new_Inquiry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "reference" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'new',
    "customerId" TEXT,
    "emailHash" TEXT NOT NULL,
    "emailCiphertext" TEXT,
    "nameCiphertext" TEXT,
    "contactBy" TEXT NOT NULL,
    "phoneCiphertext" TEXT,
    "callbackFrom" DATETIME,
    "callbackUntil" DATETIME,
    "assigneeId" TEXT,
    "dueAt" DATETIME,
    "dueKind" TEXT,
    "firstAnsweredAt" DATETIME,
    "lastActivityAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "erasedAt" DATETIME,
    CONSTRAINT "Inquiry_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Inquiry_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "StaffMember" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Inquiry" ("assigneeId", "callbackFrom", "callbackUntil", "category", "contactBy", "createdAt", "customerId", "dueAt", "dueKind", "emailCiphertext", "emailHash", "firstAnsweredAt", "id", "language", "lastActivityAt", "nameCiphertext", "phoneCiphertext", "reference", "status", "version") SELECT "assigneeId", "callbackFrom", "callbackUntil", "category", "contactBy", "createdAt", "customerId", "dueAt", "dueKind", "emailCiphertext", "emailHash", "firstAnsweredAt", "id", "language", "lastActivityAt", "nameCiphertext", "phoneCiphertext", "reference", "status", "version" FROM "Inquiry";
DROP TABLE "Inquiry";
ALTER TABLE "new_Inquiry" RENAME TO "Inquiry";
CREATE UNIQUE INDEX "Inquiry_reference_key" ON "Inquiry"("reference");
CREATE INDEX "Inquiry_dueAt_id_idx" ON "Inquiry"("dueAt", "id");
CREATE INDEX "Inquiry_status_dueAt_id_idx" ON "Inquiry"("status", "dueAt", "id");
CREATE INDEX "Inquiry_category_dueAt_id_idx" ON "Inquiry"("category", "dueAt", "id");
CREATE INDEX "Inquiry_assigneeId_dueAt_id_idx" ON "Inquiry"("assigneeId", "dueAt", "id");
CREATE INDEX "Inquiry_lastActivityAt_id_idx" ON "Inquiry"("lastActivityAt", "id");
CREATE INDEX "Inquiry_status_lastActivityAt_id_idx" ON "Inquiry"("status", "lastActivityAt", "id");
CREATE INDEX "Inquiry_assigneeId_lastActivityAt_id_idx" ON "Inquiry"("assigneeId", "lastActivityAt", "id");
CREATE INDEX "Inquiry_language_dueAt_idx" ON "Inquiry"("language", "dueAt");
CREATE INDEX "Inquiry_status_idx" ON "Inquiry"("status");
CREATE INDEX "Inquiry_customerId_idx" ON "Inquiry"("customerId");
CREATE INDEX "Inquiry_emailHash_idx" ON "Inquiry"("emailHash");
CREATE TABLE "new_PendingInquiry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tokenHash" TEXT NOT NULL,
    "emailHash" TEXT NOT NULL DEFAULT '',
    "payload" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_PendingInquiry" ("createdAt", "expiresAt", "id", "language", "payload", "tokenHash") SELECT "createdAt", "expiresAt", "id", "language", "payload", "tokenHash" FROM "PendingInquiry";
DROP TABLE "PendingInquiry";
ALTER TABLE "new_PendingInquiry" RENAME TO "PendingInquiry";
CREATE UNIQUE INDEX "PendingInquiry_tokenHash_key" ON "PendingInquiry"("tokenHash");
CREATE INDEX "PendingInquiry_expiresAt_idx" ON "PendingInquiry"("expiresAt");
CREATE INDEX "PendingInquiry_emailHash_idx" ON "PendingInquiry"("emailHash");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "DeletionRequest_reference_key" ON "DeletionRequest"("reference");

-- CreateIndex
CREATE UNIQUE INDEX "DeletionRequest_openKey_key" ON "DeletionRequest"("openKey");

-- CreateIndex
CREATE INDEX "DeletionRequest_status_dueAt_id_idx" ON "DeletionRequest"("status", "dueAt", "id");

-- CreateIndex
CREATE INDEX "DeletionRequest_dueAt_id_idx" ON "DeletionRequest"("dueAt", "id");

-- CreateIndex
CREATE INDEX "DeletionRequest_status_executeAfter_idx" ON "DeletionRequest"("status", "executeAfter");

-- CreateIndex
CREATE INDEX "DeletionRequest_customerId_idx" ON "DeletionRequest"("customerId");

-- CreateIndex
CREATE INDEX "DeletionRequest_emailHash_idx" ON "DeletionRequest"("emailHash");

-- CreateIndex
CREATE INDEX "DeletionRequest_externalId_idx" ON "DeletionRequest"("externalId");

-- CreateIndex
CREATE UNIQUE INDEX "DeletionManifestEntry_requestId_key" ON "DeletionManifestEntry"("requestId");

-- CreateIndex
CREATE INDEX "DeletionManifestEntry_webhookStatus_nextAttemptAt_idx" ON "DeletionManifestEntry"("webhookStatus", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_recipientHash_idx" ON "OutboxMessage"("recipientHash");
