-- AlterTable
ALTER TABLE "Customer" ADD COLUMN     "languageCiphertext" TEXT;

-- AlterTable
ALTER TABLE "ImportStagingRow" ADD COLUMN     "languageCiphertext" TEXT;

-- CreateTable
CREATE TABLE "NotificationCampaign" (
    "id" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "subjectJa" TEXT NOT NULL DEFAULT '',
    "subjectEn" TEXT NOT NULL DEFAULT '',
    "introJa" TEXT NOT NULL DEFAULT '',
    "introEn" TEXT NOT NULL DEFAULT '',
    "summaryJa" TEXT NOT NULL DEFAULT '',
    "summaryEn" TEXT NOT NULL DEFAULT '',
    "causeJa" TEXT NOT NULL DEFAULT '',
    "causeEn" TEXT NOT NULL DEFAULT '',
    "harmJa" TEXT NOT NULL DEFAULT '',
    "harmEn" TEXT NOT NULL DEFAULT '',
    "otherJa" TEXT NOT NULL DEFAULT '',
    "otherEn" TEXT NOT NULL DEFAULT '',
    "ratePerMinute" INTEGER NOT NULL DEFAULT 600,
    "rampUpMinutes" INTEGER NOT NULL DEFAULT 0,
    "createdById" TEXT NOT NULL,
    "editedById" TEXT NOT NULL,
    "creationKey" TEXT,
    "approvedById" TEXT,
    "approvedAt" TIMESTAMP(3),
    "startedAt" TIMESTAMP(3),
    "releasedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "inList" INTEGER NOT NULL DEFAULT 0,
    "leftOut" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NotificationCampaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NotificationRecipient" (
    "campaignId" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'waiting',
    "bounceKind" TEXT,
    "bounceReason" TEXT,
    "outboxMessageId" TEXT,
    "queuedAt" TIMESTAMP(3),
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "NotificationRecipient_pkey" PRIMARY KEY ("campaignId","customerId")
);

-- CreateIndex
CREATE UNIQUE INDEX "NotificationCampaign_creationKey_key" ON "NotificationCampaign"("creationKey");

-- CreateIndex
CREATE INDEX "NotificationCampaign_status_idx" ON "NotificationCampaign"("status");

-- CreateIndex
CREATE UNIQUE INDEX "NotificationRecipient_outboxMessageId_key" ON "NotificationRecipient"("outboxMessageId");

-- CreateIndex
CREATE INDEX "NotificationRecipient_campaignId_status_idx" ON "NotificationRecipient"("campaignId", "status");

-- CreateIndex
CREATE INDEX "NotificationRecipient_status_customerId_idx" ON "NotificationRecipient"("status", "customerId");

-- CreateIndex
CREATE INDEX "NotificationRecipient_customerId_status_idx" ON "NotificationRecipient"("customerId", "status");

-- AddForeignKey
ALTER TABLE "NotificationCampaign" ADD CONSTRAINT "NotificationCampaign_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "StaffMember"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NotificationCampaign" ADD CONSTRAINT "NotificationCampaign_editedById_fkey" FOREIGN KEY ("editedById") REFERENCES "StaffMember"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NotificationCampaign" ADD CONSTRAINT "NotificationCampaign_approvedById_fkey" FOREIGN KEY ("approvedById") REFERENCES "StaffMember"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NotificationRecipient" ADD CONSTRAINT "NotificationRecipient_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "NotificationCampaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;
