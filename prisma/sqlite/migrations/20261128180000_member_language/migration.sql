-- The language a person chose with /language (issue 10); null: their platform's locale
ALTER TABLE "Member" ADD COLUMN "language" TEXT;
