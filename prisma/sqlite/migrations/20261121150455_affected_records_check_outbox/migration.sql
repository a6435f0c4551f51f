-- AlterTable
ALTER TABLE "Customer" ADD COLUMN "legacyHashAlgorithm" TEXT;
ALTER TABLE "Customer" ADD COLUMN "legacyPasswordHash" TEXT;

-- CreateTable
CREATE TABLE "ImportRun" (
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
    "failure" TEXT,
    "heartbeatAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME
);

-- CreateTable
CREATE TABLE "ImportLineError" (
    "runId" TEXT NOT NULL,
    "line" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "detail" TEXT,

    PRIMARY KEY ("runId", "line", "reason")
);

-- CreateTable
CREATE TABLE "ImportStagingRow" (
    "runId" TEXT NOT NULL,
    "line" INTEGER NOT NULL,
    "externalId" TEXT NOT NULL,
    "emailHash" TEXT NOT NULL,
    "customerFingerprint" TEXT NOT NULL,
    "emailCiphertext" TEXT NOT NULL,
    "nameCiphertext" TEXT,
    "registeredAt" DATETIME,
    "groupId" TEXT NOT NULL,
    "categoryIds" TEXT NOT NULL,
    "periodFrom" TEXT,
    "periodUntil" TEXT,
    "legacyPasswordHash" TEXT,
    "legacyHashAlgorithm" TEXT,
    "newCustomerId" TEXT NOT NULL,
    "newExposureId" TEXT NOT NULL,

    PRIMARY KEY ("runId", "line")
);

-- CreateTable
CREATE TABLE "CheckRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "emailHash" TEXT NOT NULL,
    "emailCiphertext" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimedUntil" DATETIME
);

-- CreateTable
CREATE TABLE "CheckLink" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tokenHash" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    CONSTRAINT "CheckLink_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CustomerSession" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "idHash" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "revokedAt" DATETIME,
    "clientHash" TEXT NOT NULL,
    CONSTRAINT "CustomerSession_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RateLimitCounter" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "count" INTEGER NOT NULL DEFAULT 0,
    "expiresAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "template" TEXT NOT NULL,
    "customerId" TEXT,
    "payload" TEXT,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimedUntil" DATETIME,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" DATETIME
);

-- CreateIndex
CREATE INDEX "ImportRun_startedAt_idx" ON "ImportRun"("startedAt");

-- CreateIndex
CREATE INDEX "CheckRequest_createdAt_idx" ON "CheckRequest"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "CheckLink_tokenHash_key" ON "CheckLink"("tokenHash");

-- CreateIndex
CREATE INDEX "CheckLink_customerId_idx" ON "CheckLink"("customerId");

-- CreateIndex
CREATE UNIQUE INDEX "CustomerSession_idHash_key" ON "CustomerSession"("idHash");

-- CreateIndex
CREATE INDEX "CustomerSession_customerId_revokedAt_idx" ON "CustomerSession"("customerId", "revokedAt");

-- CreateIndex
CREATE INDEX "RateLimitCounter_expiresAt_idx" ON "RateLimitCounter"("expiresAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_status_nextAttemptAt_idx" ON "OutboxMessage"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_customerId_idx" ON "OutboxMessage"("customerId");
