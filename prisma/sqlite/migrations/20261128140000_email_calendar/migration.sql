-- Email delivery, calendar files and self-service links (issue 14)
ALTER TABLE "Company" ADD COLUMN "contactEmail" TEXT;
ALTER TABLE "Member" ADD COLUMN "email" TEXT;
ALTER TABLE "Member" ADD COLUMN "emailSource" TEXT;
ALTER TABLE "Member" ADD COLUMN "notifyVia" TEXT;
ALTER TABLE "Booking" ADD COLUMN "manageToken" TEXT;
ALTER TABLE "Booking" ADD COLUMN "sequence" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Notification" ADD COLUMN "channel" TEXT NOT NULL DEFAULT 'chat';

CREATE TABLE "CalendarFeed" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "staffId" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "revokedAt" DATETIME
);

CREATE UNIQUE INDEX "Booking_manageToken_key" ON "Booking"("manageToken");
CREATE UNIQUE INDEX "CalendarFeed_token_key" ON "CalendarFeed"("token");
CREATE INDEX "CalendarFeed_staffId_idx" ON "CalendarFeed"("staffId");
