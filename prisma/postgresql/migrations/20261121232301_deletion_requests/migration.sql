-- AlterTable
ALTER TABLE "ImportRun" ADD COLUMN     "linesSkipped" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Inquiry" ADD COLUMN     "erasedAt" TIMESTAMP(3),
ALTER COLUMN "emailCiphertext" DROP NOT NULL;

-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "recipientHash" TEXT;

-- AlterTable
ALTER TABLE "PendingInquiry" ADD COLUMN     "emailHash" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "DeletionRequest" (
    "id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "customerId" TEXT,
    "openKey" TEXT,
    "emailHash" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'received',
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "reviewStartedAt" TIMESTAMP(3),
    "decidedAt" TIMESTAMP(3),
    "decidedById" TEXT,
    "groundKey" TEXT,
    "groundJa" TEXT,
    "groundEn" TEXT,
    "explanationJa" TEXT,
    "explanationEn" TEXT,
    "executeAfter" TIMESTAMP(3),
    "claimedUntil" TIMESTAMP(3),
    "executionStartedAt" TIMESTAMP(3),
    "completedAt" TIMESTAMP(3),
    "cancelledAt" TIMESTAMP(3),
    "erased" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "DeletionRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeletionManifestEntry" (
    "sequence" SERIAL NOT NULL,
    "requestId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "webhookStatus" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimedUntil" TIMESTAMP(3),
    "lastError" TEXT,
    "deliveredAt" TIMESTAMP(3),

    CONSTRAINT "DeletionManifestEntry_pkey" PRIMARY KEY ("sequence")
);

-- CreateTable
CREATE TABLE "DeletionSettings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "deadlineDays" INTEGER NOT NULL DEFAULT 30,
    "executionDelayHours" INTEGER NOT NULL DEFAULT 24,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DeletionSettings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeletionRefusalGround" (
    "key" TEXT NOT NULL,
    "labelJa" TEXT NOT NULL,
    "labelEn" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "retiredAt" TIMESTAMP(3),

    CONSTRAINT "DeletionRefusalGround_pkey" PRIMARY KEY ("key")
);

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
CREATE INDEX "Inquiry_emailHash_idx" ON "Inquiry"("emailHash");

-- CreateIndex
CREATE INDEX "OutboxMessage_recipientHash_idx" ON "OutboxMessage"("recipientHash");

-- CreateIndex
CREATE INDEX "PendingInquiry_emailHash_idx" ON "PendingInquiry"("emailHash");

-- AddForeignKey
ALTER TABLE "DeletionRequest" ADD CONSTRAINT "DeletionRequest_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeletionRequest" ADD CONSTRAINT "DeletionRequest_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "StaffMember"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeletionManifestEntry" ADD CONSTRAINT "DeletionManifestEntry_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "DeletionRequest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
