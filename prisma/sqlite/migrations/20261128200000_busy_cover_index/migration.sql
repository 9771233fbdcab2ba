-- DropIndex
DROP INDEX "Booking_staffId_startsAt_idx";

-- CreateIndex
CREATE INDEX "Booking_staffId_startsAt_status_endsAt_bufferMinutes_id_idx" ON "Booking"("staffId", "startsAt", "status", "endsAt", "bufferMinutes", "id");
