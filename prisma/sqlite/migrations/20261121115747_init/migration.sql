-- CreateTable
CREATE TABLE "Organization" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT DEFAULT 1,
    "nameJa" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "NoticeRevision" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
    "publishedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "NoticeTimelineEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "revisionId" TEXT NOT NULL,
    "occurredAt" DATETIME NOT NULL,
    "textJa" TEXT NOT NULL,
    "textEn" TEXT NOT NULL,
    CONSTRAINT "NoticeTimelineEntry_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "NoticeRevision" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AffectedGroup" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "key" TEXT NOT NULL,
    "nameJa" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "descriptionJa" TEXT NOT NULL,
    "descriptionEn" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0
);

-- CreateTable
CREATE TABLE "DataCategory" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "key" TEXT NOT NULL,
    "labelJa" TEXT NOT NULL,
    "labelEn" TEXT NOT NULL,
    "recommendedActionJa" TEXT NOT NULL,
    "recommendedActionEn" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0
);

-- CreateTable
CREATE TABLE "AffectedGroupCategory" (
    "groupId" TEXT NOT NULL,
    "categoryId" TEXT NOT NULL,

    PRIMARY KEY ("groupId", "categoryId"),
    CONSTRAINT "AffectedGroupCategory_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "AffectedGroup" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AffectedGroupCategory_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "DataCategory" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Channel" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "nameJa" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "contact" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0
);

-- CreateTable
CREATE TABLE "ChannelSchedule" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "channelId" TEXT NOT NULL,
    "effectiveFrom" TEXT NOT NULL,
    "effectiveUntil" TEXT,
    "holidayRule" TEXT NOT NULL,
    CONSTRAINT "ChannelSchedule_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ScheduleInterval" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "scheduleId" TEXT NOT NULL,
    "day" INTEGER NOT NULL,
    "opensAt" INTEGER NOT NULL,
    "closesAt" INTEGER NOT NULL,
    CONSTRAINT "ScheduleInterval_scheduleId_fkey" FOREIGN KEY ("scheduleId") REFERENCES "ChannelSchedule" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Closure" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "channelId" TEXT,
    "startsOn" TEXT NOT NULL,
    "endsOn" TEXT NOT NULL,
    "reasonJa" TEXT NOT NULL,
    "reasonEn" TEXT NOT NULL,
    CONSTRAINT "Closure_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Customer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "externalId" TEXT NOT NULL,
    "emailHash" TEXT NOT NULL,
    "emailCiphertext" TEXT NOT NULL,
    "nameCiphertext" TEXT,
    "registeredAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "CustomerExposure" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "customerId" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "periodFrom" TEXT,
    "periodUntil" TEXT,
    CONSTRAINT "CustomerExposure_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CustomerExposure_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "AffectedGroup" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CustomerExposureCategory" (
    "exposureId" TEXT NOT NULL,
    "categoryId" TEXT NOT NULL,

    PRIMARY KEY ("exposureId", "categoryId"),
    CONSTRAINT "CustomerExposureCategory_exposureId_fkey" FOREIGN KEY ("exposureId") REFERENCES "CustomerExposure" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CustomerExposureCategory_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "DataCategory" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
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

