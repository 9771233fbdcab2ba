-- CreateTable
CREATE TABLE "Checkout" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "purpose" TEXT NOT NULL,
    "bookingId" TEXT,
    "companyId" TEXT,
    "suspendedAt" DATETIME,
    "amountCents" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "PaymentEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "type" TEXT NOT NULL,
    "receivedAt" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Payment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "companyId" TEXT,
    "bookingId" TEXT,
    "checkoutId" TEXT,
    "providerPaymentId" TEXT,
    "purpose" TEXT NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "recordedBy" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    "reference" TEXT,
    "suspendedAt" DATETIME
);
INSERT INTO "new_Payment" ("amountCents", "at", "companyId", "currency", "id", "purpose", "recordedBy", "reference", "suspendedAt") SELECT "amountCents", "at", "companyId", "currency", "id", "purpose", "recordedBy", "reference", "suspendedAt" FROM "Payment";
DROP TABLE "Payment";
ALTER TABLE "new_Payment" RENAME TO "Payment";
CREATE INDEX "Payment_companyId_at_idx" ON "Payment"("companyId", "at");
CREATE INDEX "Payment_bookingId_idx" ON "Payment"("bookingId");
CREATE UNIQUE INDEX "Payment_companyId_purpose_suspendedAt_key" ON "Payment"("companyId", "purpose", "suspendedAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Checkout_bookingId_idx" ON "Checkout"("bookingId");

-- CreateIndex
CREATE INDEX "Checkout_companyId_idx" ON "Checkout"("companyId");

