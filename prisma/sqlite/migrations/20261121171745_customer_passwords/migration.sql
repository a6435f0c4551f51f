-- AlterTable
ALTER TABLE "Customer" ADD COLUMN "legacyHashParameters" TEXT;
ALTER TABLE "Customer" ADD COLUMN "legacyHashWrapped" TEXT;
ALTER TABLE "Customer" ADD COLUMN "passwordChangedAt" DATETIME;
ALTER TABLE "Customer" ADD COLUMN "passwordHash" TEXT;

-- CreateTable
CREATE TABLE "JobLease" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "holder" TEXT,
    "leaseUntil" DATETIME,
    "startedAt" DATETIME,
    "finishedAt" DATETIME,
    "total" INTEGER NOT NULL DEFAULT 0,
    "done" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_CustomerSession" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "idHash" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "revokedAt" DATETIME,
    "clientHash" TEXT NOT NULL,
    "verifiedBy" TEXT NOT NULL DEFAULT 'mail-link',
    CONSTRAINT "CustomerSession_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_CustomerSession" ("clientHash", "createdAt", "customerId", "expiresAt", "id", "idHash", "lastSeenAt", "revokedAt") SELECT "clientHash", "createdAt", "customerId", "expiresAt", "id", "idHash", "lastSeenAt", "revokedAt" FROM "CustomerSession";
DROP TABLE "CustomerSession";
ALTER TABLE "new_CustomerSession" RENAME TO "CustomerSession";
CREATE UNIQUE INDEX "CustomerSession_idHash_key" ON "CustomerSession"("idHash");
CREATE INDEX "CustomerSession_customerId_revokedAt_idx" ON "CustomerSession"("customerId", "revokedAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
