-- CreateTable
CREATE TABLE "Inquiry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "reference" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'new',
    "customerId" TEXT,
    "emailHash" TEXT NOT NULL,
    "emailCiphertext" TEXT NOT NULL,
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
    CONSTRAINT "Inquiry_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Inquiry_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "StaffMember" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "InquiryMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "inquiryId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "authorId" TEXT,
    "bodyCiphertext" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "InquiryMessage_inquiryId_fkey" FOREIGN KEY ("inquiryId") REFERENCES "Inquiry" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "InquiryMessage_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "StaffMember" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "InquiryLink" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tokenHash" TEXT NOT NULL,
    "inquiryId" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "InquiryLink_inquiryId_fkey" FOREIGN KEY ("inquiryId") REFERENCES "Inquiry" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PendingInquiry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tokenHash" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "InquiryViewer" (
    "inquiryId" TEXT NOT NULL,
    "staffId" TEXT NOT NULL,
    "seenAt" DATETIME NOT NULL,

    PRIMARY KEY ("inquiryId", "staffId"),
    CONSTRAINT "InquiryViewer_inquiryId_fkey" FOREIGN KEY ("inquiryId") REFERENCES "Inquiry" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "InquiryViewer_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "StaffMember" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "InquirySlaTarget" (
    "category" TEXT NOT NULL PRIMARY KEY,
    "firstResponseMinutes" INTEGER NOT NULL,
    "nextResponseMinutes" INTEGER NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ReplyTemplate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "titleJa" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "bodyJa" TEXT NOT NULL,
    "bodyEn" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "Inquiry_reference_key" ON "Inquiry"("reference");

-- CreateIndex
CREATE INDEX "Inquiry_dueAt_id_idx" ON "Inquiry"("dueAt", "id");

-- CreateIndex
CREATE INDEX "Inquiry_status_dueAt_id_idx" ON "Inquiry"("status", "dueAt", "id");

-- CreateIndex
CREATE INDEX "Inquiry_category_dueAt_id_idx" ON "Inquiry"("category", "dueAt", "id");

-- CreateIndex
CREATE INDEX "Inquiry_assigneeId_dueAt_id_idx" ON "Inquiry"("assigneeId", "dueAt", "id");

-- CreateIndex
CREATE INDEX "Inquiry_lastActivityAt_id_idx" ON "Inquiry"("lastActivityAt", "id");

-- CreateIndex
CREATE INDEX "Inquiry_status_lastActivityAt_id_idx" ON "Inquiry"("status", "lastActivityAt", "id");

-- CreateIndex
CREATE INDEX "Inquiry_assigneeId_lastActivityAt_id_idx" ON "Inquiry"("assigneeId", "lastActivityAt", "id");

-- CreateIndex
CREATE INDEX "Inquiry_language_dueAt_idx" ON "Inquiry"("language", "dueAt");

-- CreateIndex
CREATE INDEX "Inquiry_status_idx" ON "Inquiry"("status");

-- CreateIndex
CREATE INDEX "Inquiry_customerId_idx" ON "Inquiry"("customerId");

-- CreateIndex
CREATE INDEX "InquiryMessage_inquiryId_createdAt_idx" ON "InquiryMessage"("inquiryId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "InquiryLink_tokenHash_key" ON "InquiryLink"("tokenHash");

-- CreateIndex
CREATE INDEX "InquiryLink_inquiryId_idx" ON "InquiryLink"("inquiryId");

-- CreateIndex
CREATE UNIQUE INDEX "PendingInquiry_tokenHash_key" ON "PendingInquiry"("tokenHash");

-- CreateIndex
CREATE INDEX "PendingInquiry_expiresAt_idx" ON "PendingInquiry"("expiresAt");
