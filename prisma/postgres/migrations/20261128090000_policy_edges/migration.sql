-- AlterTable
ALTER TABLE "Company" ADD COLUMN     "suspendedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Member" ADD COLUMN     "linkedCodeHash" TEXT;

-- AlterTable
ALTER TABLE "SlotCell" ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'session';

-- AlterTable
ALTER TABLE "Payment" ADD COLUMN     "reference" TEXT,
ADD COLUMN     "suspendedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "MemberCell" (
    "memberId" TEXT NOT NULL,
    "cellStart" TIMESTAMP(3) NOT NULL,
    "bookingId" TEXT NOT NULL,

    CONSTRAINT "MemberCell_pkey" PRIMARY KEY ("memberId","cellStart")
);

-- CreateIndex
CREATE INDEX "MemberCell_bookingId_idx" ON "MemberCell"("bookingId");

-- CreateIndex
CREATE UNIQUE INDEX "Payment_companyId_purpose_suspendedAt_key" ON "Payment"("companyId", "purpose", "suspendedAt");

-- AddForeignKey
ALTER TABLE "MemberCell" ADD CONSTRAINT "MemberCell_bookingId_fkey" FOREIGN KEY ("bookingId") REFERENCES "Booking"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- A company suspended before this migration: its suspension began at its last update.
UPDATE "Company" SET "suspendedAt" = "updatedAt" WHERE "suspended" = true;
