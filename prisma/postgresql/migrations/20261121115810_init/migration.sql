-- CreateTable
CREATE TABLE "Organization" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "nameJa" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,

    CONSTRAINT "Organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NoticeRevision" (
    "id" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "titleJa" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "summaryJa" TEXT NOT NULL,
    "summaryEn" TEXT NOT NULL,
    "actionsTakenJa" TEXT NOT NULL,
    "actionsTakenEn" TEXT NOT NULL,
    "customerActionsJa" TEXT NOT NULL,
    "customerActionsEn" TEXT NOT NULL,
    "publishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NoticeRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NoticeTimelineEntry" (
    "id" TEXT NOT NULL,
    "revisionId" TEXT NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "textJa" TEXT NOT NULL,
    "textEn" TEXT NOT NULL,

    CONSTRAINT "NoticeTimelineEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AffectedGroup" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "nameJa" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "descriptionJa" TEXT NOT NULL,
    "descriptionEn" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "AffectedGroup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DataCategory" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "labelJa" TEXT NOT NULL,
    "labelEn" TEXT NOT NULL,
    "recommendedActionJa" TEXT NOT NULL,
    "recommendedActionEn" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "DataCategory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AffectedGroupCategory" (
    "groupId" TEXT NOT NULL,
    "categoryId" TEXT NOT NULL,

    CONSTRAINT "AffectedGroupCategory_pkey" PRIMARY KEY ("groupId","categoryId")
);

-- CreateTable
CREATE TABLE "Channel" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "nameJa" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "contact" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Channel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChannelSchedule" (
    "id" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "effectiveFrom" TEXT NOT NULL,
    "effectiveUntil" TEXT,
    "holidayRule" TEXT NOT NULL,

    CONSTRAINT "ChannelSchedule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScheduleInterval" (
    "id" TEXT NOT NULL,
    "scheduleId" TEXT NOT NULL,
    "day" INTEGER NOT NULL,
    "opensAt" INTEGER NOT NULL,
    "closesAt" INTEGER NOT NULL,

    CONSTRAINT "ScheduleInterval_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Closure" (
    "id" TEXT NOT NULL,
    "channelId" TEXT,
    "startsOn" TEXT NOT NULL,
    "endsOn" TEXT NOT NULL,
    "reasonJa" TEXT NOT NULL,
    "reasonEn" TEXT NOT NULL,

    CONSTRAINT "Closure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Customer" (
    "id" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "emailHash" TEXT NOT NULL,
    "emailCiphertext" TEXT NOT NULL,
    "nameCiphertext" TEXT,
    "registeredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Customer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CustomerExposure" (
    "id" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "periodFrom" TEXT,
    "periodUntil" TEXT,

    CONSTRAINT "CustomerExposure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CustomerExposureCategory" (
    "exposureId" TEXT NOT NULL,
    "categoryId" TEXT NOT NULL,

    CONSTRAINT "CustomerExposureCategory_pkey" PRIMARY KEY ("exposureId","categoryId")
);

-- CreateIndex
CREATE UNIQUE INDEX "NoticeRevision_number_key" ON "NoticeRevision"("number");

-- CreateIndex
CREATE INDEX "NoticeRevision_publishedAt_idx" ON "NoticeRevision"("publishedAt");

-- CreateIndex
CREATE INDEX "NoticeTimelineEntry_revisionId_occurredAt_idx" ON "NoticeTimelineEntry"("revisionId", "occurredAt");

-- CreateIndex
CREATE UNIQUE INDEX "AffectedGroup_key_key" ON "AffectedGroup"("key");

-- CreateIndex
CREATE UNIQUE INDEX "DataCategory_key_key" ON "DataCategory"("key");

-- CreateIndex
CREATE UNIQUE INDEX "Channel_key_key" ON "Channel"("key");

-- CreateIndex
CREATE INDEX "ChannelSchedule_channelId_effectiveFrom_idx" ON "ChannelSchedule"("channelId", "effectiveFrom");

-- CreateIndex
CREATE INDEX "ScheduleInterval_scheduleId_idx" ON "ScheduleInterval"("scheduleId");

-- CreateIndex
CREATE INDEX "Closure_startsOn_idx" ON "Closure"("startsOn");

-- CreateIndex
CREATE UNIQUE INDEX "Customer_externalId_key" ON "Customer"("externalId");

-- CreateIndex
CREATE UNIQUE INDEX "Customer_emailHash_key" ON "Customer"("emailHash");

-- CreateIndex
CREATE INDEX "CustomerExposure_groupId_idx" ON "CustomerExposure"("groupId");

-- CreateIndex
CREATE UNIQUE INDEX "CustomerExposure_customerId_groupId_key" ON "CustomerExposure"("customerId", "groupId");

-- CreateIndex
CREATE INDEX "CustomerExposureCategory_categoryId_idx" ON "CustomerExposureCategory"("categoryId");

-- AddForeignKey
ALTER TABLE "NoticeTimelineEntry" ADD CONSTRAINT "NoticeTimelineEntry_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "NoticeRevision"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AffectedGroupCategory" ADD CONSTRAINT "AffectedGroupCategory_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "AffectedGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AffectedGroupCategory" ADD CONSTRAINT "AffectedGroupCategory_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "DataCategory"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChannelSchedule" ADD CONSTRAINT "ChannelSchedule_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScheduleInterval" ADD CONSTRAINT "ScheduleInterval_scheduleId_fkey" FOREIGN KEY ("scheduleId") REFERENCES "ChannelSchedule"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Closure" ADD CONSTRAINT "Closure_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustomerExposure" ADD CONSTRAINT "CustomerExposure_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustomerExposure" ADD CONSTRAINT "CustomerExposure_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "AffectedGroup"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustomerExposureCategory" ADD CONSTRAINT "CustomerExposureCategory_exposureId_fkey" FOREIGN KEY ("exposureId") REFERENCES "CustomerExposure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustomerExposureCategory" ADD CONSTRAINT "CustomerExposureCategory_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "DataCategory"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

