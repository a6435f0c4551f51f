-- AlterTable
ALTER TABLE "Customer" ADD COLUMN     "legacyHashAlgorithm" TEXT,
ADD COLUMN     "legacyPasswordHash" TEXT;

-- CreateTable
CREATE TABLE "ImportRun" (
    "id" TEXT NOT NULL,
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
    "heartbeatAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "ImportRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportLineError" (
    "runId" TEXT NOT NULL,
    "line" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "detail" TEXT,

    CONSTRAINT "ImportLineError_pkey" PRIMARY KEY ("runId","line","reason")
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
    "registeredAt" TIMESTAMP(3),
    "groupId" TEXT NOT NULL,
    "categoryIds" TEXT NOT NULL,
    "periodFrom" TEXT,
    "periodUntil" TEXT,
    "legacyPasswordHash" TEXT,
    "legacyHashAlgorithm" TEXT,
    "newCustomerId" TEXT NOT NULL,
    "newExposureId" TEXT NOT NULL,

    CONSTRAINT "ImportStagingRow_pkey" PRIMARY KEY ("runId","line")
);

-- CreateTable
CREATE TABLE "CheckRequest" (
    "id" TEXT NOT NULL,
    "emailHash" TEXT NOT NULL,
    "emailCiphertext" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimedUntil" TIMESTAMP(3),

    CONSTRAINT "CheckRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CheckLink" (
    "id" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),

    CONSTRAINT "CheckLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CustomerSession" (
    "id" TEXT NOT NULL,
    "idHash" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "clientHash" TEXT NOT NULL,

    CONSTRAINT "CustomerSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimitCounter" (
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RateLimitCounter_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" TEXT NOT NULL,
    "template" TEXT NOT NULL,
    "customerId" TEXT,
    "payload" TEXT,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimedUntil" TIMESTAMP(3),
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "OutboxMessage_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "CheckLink" ADD CONSTRAINT "CheckLink_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustomerSession" ADD CONSTRAINT "CustomerSession_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;
