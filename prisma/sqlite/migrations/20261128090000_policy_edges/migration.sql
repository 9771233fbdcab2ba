-- AlterTable
ALTER TABLE "Company" ADD COLUMN "suspendedAt" DATETIME;

-- AlterTable
ALTER TABLE "Member" ADD COLUMN "linkedCodeHash" TEXT;

-- AlterTable
ALTER TABLE "Payment" ADD COLUMN "reference" TEXT;
ALTER TABLE "Payment" ADD COLUMN "suspendedAt" DATETIME;

-- CreateTable
CREATE TABLE "MemberCell" (
    "memberId" TEXT NOT NULL,
    "cellStart" DATETIME NOT NULL,
    "bookingId" TEXT NOT NULL,

    PRIMARY KEY ("memberId", "cellStart"),
    CONSTRAINT "MemberCell_bookingId_fkey" FOREIGN KEY ("bookingId") REFERENCES "Booking" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_SlotCell" (
    "staffId" TEXT NOT NULL,
    "cellStart" DATETIME NOT NULL,
    "bookingId" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'session',

    PRIMARY KEY ("staffId", "cellStart"),
    CONSTRAINT "SlotCell_bookingId_fkey" FOREIGN KEY ("bookingId") REFERENCES "Booking" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_SlotCell" ("bookingId", "cellStart", "staffId") SELECT "bookingId", "cellStart", "staffId" FROM "SlotCell";
DROP TABLE "SlotCell";
ALTER TABLE "new_SlotCell" RENAME TO "SlotCell";
CREATE INDEX "SlotCell_bookingId_idx" ON "SlotCell"("bookingId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "MemberCell_bookingId_idx" ON "MemberCell"("bookingId");

-- CreateIndex
CREATE UNIQUE INDEX "Payment_companyId_purpose_suspendedAt_key" ON "Payment"("companyId", "purpose", "suspendedAt");


-- A company suspended before this migration: its suspension began at its last update.
UPDATE "Company" SET "suspendedAt" = "updatedAt" WHERE "suspended" = true;
